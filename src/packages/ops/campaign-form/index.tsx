import { Input, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import OpsChips from '../../../components/ops-chips'
import OpsDateTime from '../../../components/ops-datetime'
import OpsField from '../../../components/ops-field'
import OperatorGate from '../shared/operator-gate'
import { isOpsFormPending, OpsFormPending } from '../shared/ops-form-page'
import OpsSubmitBar from '../shared/ops-submit-bar'
import OfferFields from '../shared/crm/offer-fields'
import { useCouponTemplates } from '../shared/crm/use-templates'
import { useCampaignForm } from './use-campaign-form'
import '../shared/ops.scss'
import '../shared/crm/crm.scss'

const START = [
  { value: 'now', label: '立即开始' },
  { value: 'later', label: '定时开始' }
]

/** 新建营销活动: name, segment, incentive, optional message, holdout and start time. */
export default function OpsCampaignFormPage() {
  return (
    <OperatorGate>
      <OpsCampaignForm />
    </OperatorGate>
  )
}

function OpsCampaignForm() {
  const segmentId = (useRouter().params.segmentId ?? '').trim()
  const { state, form, errors, submitting, change, submit, reload } = useCampaignForm(segmentId)
  const templates = useCouponTemplates()

  if (isOpsFormPending(state)) return <OpsFormPending state={state} onRetry={reload} />
  const chosen = state.segments.find((s) => s.segmentId === form.segmentId)

  return (
    <View className='ops-page ops-form crm-campaign-form'>
      <View className='ops-card'>
        <Text className='ops-card__title'>活动</Text>
        <OpsField name='name' label='活动名称' required error={errors.name} hint='最多 20 字，仅运营可见'>
          <Input id='campaign-name' className='ops-input' value={form.name} maxlength={20} placeholder='如 沉睡客唤醒' disabled={submitting} onInput={(e) => change({ name: e.detail.value })} />
        </OpsField>
        <OpsField name='segmentId' label='目标分群' required error={errors.segmentId} hint={chosen ? `当前 ${chosen.count} 人，开始发放时按最新条件计算` : undefined}>
          {state.segments.length === 0 ? (
            <Text className='crm-filter__none'>还没有分群，请先在「分群」中创建</Text>
          ) : (
            <OpsChips name='segment' options={state.segments.map((s) => ({ value: s.segmentId, label: `${s.name}（${s.count}人）` }))} value={form.segmentId || null} disabled={submitting} onChange={(v) => change({ segmentId: v })} />
          )}
        </OpsField>
        <OpsField name='startAt' label='开始时间' error={errors.startAt}>
          <OpsChips name='start' options={START} value={form.startMode} disabled={submitting} onChange={(v) => change({ startMode: v as 'now' | 'later' })} />
          {form.startMode === 'later' ? (
            <View className='crm-campaign-form__time'>
              <OpsDateTime id='campaign-start' value={form.startAt} disabled={submitting} onChange={(v) => change({ startAt: v })} />
            </View>
          ) : null}
        </OpsField>
      </View>
      <OfferFields value={form.offer} onChange={(offer) => change({ offer })} errors={errors} templates={templates} disabled={submitting} />
      <OpsSubmitBar testId='campaign-submit' label='创建活动' submitting={submitting} onSubmit={() => void submit()} />
    </View>
  )
}
