import { Text, View } from '@tarojs/components'
import OpsChips from '../../../components/ops-chips'
import OpsDateTime from '../../../components/ops-datetime'
import OpsField from '../../../components/ops-field'
import { formatPrice } from '../../../core/money'
import ActivityProductCard from '../shared/activity-product-card'
import { formTextInput } from '../shared/form-text-input'
import OperatorGate from '../shared/operator-gate'
import { isOpsFormPending, OpsFormGone, OpsFormPending, useOpsFormRoute } from '../shared/ops-form-page'
import OpsSubmitBar from '../shared/ops-submit-bar'
import { TIME_LIMIT_OPTIONS, timeLimitText } from '../shared/time-limit'
import { MAX_SIZE, MIN_SIZE, type DiscountKind } from './form'
import { useActivityForm } from './use-activity-form'
import '../shared/ops.scss'

const SIZE_OPTIONS = Array.from({ length: MAX_SIZE - MIN_SIZE + 1 }, (_, i) => ({ value: MIN_SIZE + i, label: `${MIN_SIZE + i}人` }))
const DISCOUNT_OPTIONS: Array<{ value: DiscountKind; label: string }> = [
  { value: 'none', label: '无' },
  { value: 'fen', label: '立减金额' },
  { value: 'rate', label: '折扣' }
]
const VIRTUAL_OPTIONS = [
  { value: 'off', label: '关闭：到时未成团则失败退款' },
  { value: 'on', label: '开启：到时自动模拟成团' }
]

/** 新建拼团 / 编辑拼团: SKU, group price, size, time limit, limit, leader discount, 模拟成团, start and end. */
export default function OpsGroupFormPage() {
  return (
    <OperatorGate>
      <OpsGroupForm />
    </OperatorGate>
  )
}

function OpsGroupForm() {
  const { id: activityId, editing } = useOpsFormRoute('编辑拼团', '新建拼团')
  const { state, form, errors, submitting, change, submit, reload } = useActivityForm(activityId)

  if (isOpsFormPending(state)) return <OpsFormPending state={state} onRetry={reload} />
  if (state.status === 'closed') return <OpsFormGone message='这个拼团活动已结束或已停止，不能再修改' />

  const sku = form.sku
  const limits = TIME_LIMIT_OPTIONS.some((o) => o.value === form.timeLimitMinutes)
    ? TIME_LIMIT_OPTIONS
    : [...TIME_LIMIT_OPTIONS, { value: form.timeLimitMinutes, label: timeLimitText(form.timeLimitMinutes).replace(' ', '') }].sort((a, b) => a.value - b.value)
  const input = formTextInput('group', form, change, submitting, 'number')

  return (
    <View className='ops-page ops-form'>
      <ActivityProductCard
        kind='拼团'
        sku={sku}
        editing={editing}
        submitting={submitting}
        errors={errors}
        onSku={(next) => change('sku', next)}
        titleInput={input('title', sku ? sku.productName : '如：乌龙茶两人团', 'text')}
      />

      <View className='ops-card'>
        <Text className='ops-card__title'>拼团规则</Text>
        <OpsField name='groupPrice' label='拼团价(元)' required error={errors.groupPrice} hint={sku ? `原价 ${formatPrice(sku.price)}，拼团价须低于原价` : '须低于商品原价'}>
          {input('groupPrice', '如 49.90', 'digit')}
        </OpsField>
        <OpsField name='groupSize' label='成团人数' required error={errors.groupSize} hint='含团长'>
          <OpsChips name='group-size' options={SIZE_OPTIONS} value={form.groupSize} onChange={(v) => change('groupSize', v)} disabled={submitting} />
        </OpsField>
        <OpsField name='timeLimitMinutes' label='成团时限' required error={errors.timeLimitMinutes} hint='团长付款后开始计时，不超过活动结束时间'>
          <OpsChips name='time-limit' options={limits} value={form.timeLimitMinutes} onChange={(v) => change('timeLimitMinutes', v)} disabled={submitting} />
        </OpsField>
        <OpsField name='perMemberLimit' label='每人限参' required error={errors.perMemberLimit} hint='每位顾客在本活动最多占几个名额（含开团）'>
          {input('perMemberLimit', '次')}
        </OpsField>
        <OpsField name='leaderDiscount' label='团长优惠' error={errors.leaderDiscount} hint={discountHint(form.discountKind)}>
          <OpsChips name='leader-discount' options={DISCOUNT_OPTIONS} value={form.discountKind} onChange={(v) => change('discountKind', v)} disabled={submitting} />
        </OpsField>
        {form.discountKind !== 'none' ? (
          <OpsField name='discountValue' label={form.discountKind === 'fen' ? '立减(元)' : '折扣(折)'}>
            {input('discountValue', form.discountKind === 'fen' ? '如 5' : '如 9 或 9.5', 'digit')}
          </OpsField>
        ) : null}
        <OpsField name='virtualCompletion' label='模拟成团'>
          <OpsChips
            name='virtual'
            options={VIRTUAL_OPTIONS}
            value={form.virtualCompletion ? 'on' : 'off'}
            onChange={(v) => change('virtualCompletion', v === 'on')}
            disabled={submitting}
          />
        </OpsField>
      </View>

      <View className='ops-card'>
        <Text className='ops-card__title'>活动时间</Text>
        <OpsField name='startAt' label='开始时间' required error={errors.startAt}>
          <OpsDateTime id='group-startAt' value={form.startAt} onChange={(v) => change('startAt', v)} disabled={submitting} />
        </OpsField>
        <OpsField name='endAt' label='结束时间' required error={errors.endAt} hint='结束后不能再开团，进行中的团最晚在此时截止'>
          <OpsDateTime id='group-endAt' value={form.endAt} onChange={(v) => change('endAt', v)} disabled={submitting} />
        </OpsField>
      </View>

      <OpsSubmitBar testId='group-submit' label={editing ? '保存修改' : '创建拼团'} submitting={submitting} onSubmit={() => void submit()} />
    </View>
  )
}

function discountHint(kind: DiscountKind): string {
  if (kind === 'fen') return '团长在拼团价上再减的金额，须低于拼团价'
  if (kind === 'rate') return '团长按拼团价打的折扣，如 9 折'
  return '选填：团长可比团员付得更少'
}
