import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { call, errorMessage, toastError } from '../../../api'
import OpsChips from '../../../components/ops-chips'
import OpsField from '../../../components/ops-field'
import { opsCampaignsUrl } from '../../../components/ops-entry/links'
import { LIFECYCLE_STAGES } from '../../../core/crm/lifecycle'
import { isForbidden } from '../shared/errors'
import OperatorGate from '../shared/operator-gate'
import { isOpsFormPending, OpsFormPending, useOpsFormRoute } from '../shared/ops-form-page'
import OpsSubmitBar from '../shared/ops-submit-bar'
import OfferFields from '../shared/crm/offer-fields'
import { useCouponTemplates } from '../shared/crm/use-templates'
import { checkJourneyForm, emptyJourneyForm, journeyFormOf, type JourneyForm, type JourneyFormErrors, type TriggerType } from './form'
import '../shared/ops.scss'
import '../shared/crm/crm.scss'

const TRIGGERS: Array<{ value: TriggerType; label: string }> = [
  { value: 'lifecycle', label: '进入生命周期阶段' },
  { value: 'birthdayMonth', label: '生日月' },
  { value: 'noSecondOrder', label: '首单后 N 天未复购' },
  { value: 'idleCart', label: '购物车 N 小时未结算' }
]
const STAGES = LIFECYCLE_STAGES.map((s) => ({ value: s, label: s }))
const ACTIVE = [
  { value: 'on', label: '启用' },
  { value: 'off', label: '停用' }
]

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'denied' } | { status: 'ready' }

/** 新建旅程 / 编辑旅程: a trigger, the incentive and message it sends one member at a time, holdout and on/off. */
export default function OpsJourneyFormPage() {
  return (
    <OperatorGate>
      <OpsJourneyForm />
    </OperatorGate>
  )
}

function OpsJourneyForm() {
  const { id: journeyId, editing } = useOpsFormRoute('编辑旅程', '新建旅程')
  const [state, setState] = useState<State>(journeyId ? { status: 'loading' } : { status: 'ready' })
  const [form, setForm] = useState<JourneyForm>(emptyJourneyForm)
  const [errors, setErrors] = useState<JourneyFormErrors>({})
  const [saving, setSaving] = useState(false)
  const busy = useRef(false)
  const templates = useCouponTemplates()

  const load = useCallback(async () => {
    if (!journeyId) return
    setState({ status: 'loading' })
    try {
      setForm(journeyFormOf(await call('crm', 'campaign', { campaignId: journeyId })))
      setState({ status: 'ready' })
    } catch (error) {
      setState(isForbidden(error) ? { status: 'denied' } : { status: 'error', message: errorMessage(error) })
    }
  }, [journeyId])
  useEffect(() => {
    void load()
  }, [load])

  const change = (next: Partial<JourneyForm>) => {
    setForm((f) => ({ ...f, ...next }))
    setErrors({})
  }
  const save = async () => {
    if (busy.current) return
    const { errors: found, input } = checkJourneyForm(form, journeyId || undefined)
    setErrors(found)
    if (!input) {
      void Taro.showToast({ title: Object.values(found).find(Boolean) ?? '请检查填写的内容', icon: 'none' })
      return
    }
    busy.current = true
    setSaving(true)
    try {
      await call('crm', 'saveJourney', input)
      void Taro.showToast({ title: '旅程已保存', icon: 'success' })
      await Taro.navigateBack().catch(() => Taro.redirectTo({ url: opsCampaignsUrl('journey') }))
    } catch (error) {
      if (isForbidden(error)) setState({ status: 'denied' })
      toastError(error)
    } finally {
      busy.current = false
      setSaving(false)
    }
  }

  if (isOpsFormPending(state)) return <OpsFormPending state={state} onRetry={load} />

  return (
    <View className='ops-page ops-form crm-journey-form'>
      <View className='ops-card'>
        <Text className='ops-card__title'>旅程</Text>
        <OpsField name='name' label='旅程名称' required error={errors.name} hint='最多 20 字，仅运营可见'>
          <Input id='journey-name' className='ops-input' value={form.name} maxlength={20} placeholder='如 休眠唤醒券' disabled={saving} onInput={(e) => change({ name: e.detail.value })} />
        </OpsField>
        <OpsField name='trigger' label='触发条件' hint='每位会员每次满足条件时触发一次'>
          <OpsChips name='trigger' options={TRIGGERS} value={form.trigger} disabled={saving} onChange={(v) => change({ trigger: v })} />
        </OpsField>
        {form.trigger === 'lifecycle' ? (
          <OpsField name='stage' label='进入阶段'>
            <OpsChips name='stage' options={STAGES} value={form.stage} disabled={saving} onChange={(v) => change({ stage: v })} />
          </OpsField>
        ) : null}
        {form.trigger === 'noSecondOrder' ? (
          <OpsField name='days' label='首单后天数' required error={errors.days} hint='首单后这么多天仍未再次下单时触发'>
            <Input id='journey-days' className='ops-input' type='number' value={form.days} disabled={saving} onInput={(e) => change({ days: e.detail.value })} />
          </OpsField>
        ) : null}
        {form.trigger === 'idleCart' ? (
          <OpsField name='hours' label='未结算小时' required error={errors.hours} hint='加入购物车后这么多小时仍未下单时触发'>
            <Input id='journey-hours' className='ops-input' type='number' value={form.hours} disabled={saving} onInput={(e) => change({ hours: e.detail.value })} />
          </OpsField>
        ) : null}
        <OpsField name='active' label='状态'>
          <OpsChips name='active' options={ACTIVE} value={form.active ? 'on' : 'off'} disabled={saving} onChange={(v) => change({ active: v === 'on' })} />
        </OpsField>
      </View>
      <OfferFields value={form.offer} onChange={(offer) => change({ offer })} errors={errors} templates={templates} disabled={saving} />
      <OpsSubmitBar testId='journey-save' label={editing ? '保存修改' : '创建旅程'} submitting={saving} onSubmit={() => void save()} />
    </View>
  )
}
