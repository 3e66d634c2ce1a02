import { Text, View } from '@tarojs/components'
import OpsDateTime from '../../../components/ops-datetime'
import OpsField from '../../../components/ops-field'
import { formatPrice } from '../../../core/money'
import ActivityProductCard from '../shared/activity-product-card'
import { formTextInput } from '../shared/form-text-input'
import OperatorGate from '../shared/operator-gate'
import { isOpsFormPending, OpsFormGone, OpsFormPending, useOpsFormRoute } from '../shared/ops-form-page'
import OpsSubmitBar from '../shared/ops-submit-bar'
import { DEFAULT_SHARDS, MAX_PAYMENT_MINUTES, MAX_SHARDS } from './form'
import { useSaleForm } from './use-sale-form'
import '../shared/ops.scss'

/** 新建秒杀 / 编辑秒杀: the SKU, price, quantity, limit, start and end, and the stock shards. */
export default function OpsSaleFormPage() {
  return (
    <OperatorGate>
      <OpsSaleForm />
    </OperatorGate>
  )
}

function OpsSaleForm() {
  const { id: saleId, editing } = useOpsFormRoute('编辑秒杀', '新建秒杀')
  const { state, form, errors, submitting, change, submit, reload } = useSaleForm(saleId)

  if (isOpsFormPending(state)) return <OpsFormPending state={state} onRetry={reload} />
  if (state.status === 'closed') return <OpsFormGone message='这场秒杀已开始或已结束，不能再修改' />

  const sku = form.sku
  const available = sku ? sku.stock + (state.sale?.quantity ?? 0) : null
  const text = formTextInput('sale', form, change, submitting, 'number')

  return (
    <View className='ops-page ops-form'>
      <ActivityProductCard
        kind='秒杀'
        sku={sku}
        editing={editing}
        submitting={submitting}
        errors={errors}
        onSku={(next) => change('sku', next)}
        titleInput={text('title', sku ? sku.productName : '如：冻顶乌龙限时秒杀', 'text')}
      />

      <View className='ops-card'>
        <Text className='ops-card__title'>价格与数量</Text>
        <OpsField name='salePrice' label='秒杀价(元)' required error={errors.salePrice} hint={sku ? `原价 ${formatPrice(sku.price)}，秒杀价须低于原价` : '须低于商品原价'}>
          {text('salePrice', '如 39.90', 'digit')}
        </OpsField>
        <OpsField name='quantity' label='秒杀数量' required error={errors.quantity} hint={available !== null ? `可用库存 ${available} 件，创建时从商品库存中划出` : '从商品库存中划出'}>
          {text('quantity', '件')}
        </OpsField>
        <OpsField name='perMemberLimit' label='每人限购' required error={errors.perMemberLimit} hint='每位顾客最多可抢的件数（含未支付）'>
          {text('perMemberLimit', '件')}
        </OpsField>
      </View>

      <View className='ops-card'>
        <Text className='ops-card__title'>时间</Text>
        <OpsField name='startAt' label='开始时间' required error={errors.startAt}>
          <OpsDateTime id='sale-startAt' value={form.startAt} onChange={(v) => change('startAt', v)} disabled={submitting} />
        </OpsField>
        <OpsField name='endAt' label='结束时间' required error={errors.endAt} hint='到点未售出的数量退回商品库存'>
          <OpsDateTime id='sale-endAt' value={form.endAt} onChange={(v) => change('endAt', v)} disabled={submitting} />
        </OpsField>
      </View>

      <View className='ops-card'>
        <Text className='ops-card__title'>高级设置</Text>
        <OpsField name='paymentMinutes' label='支付时限' error={errors.paymentMinutes} hint={`抢到后须在此分钟数内支付，1–${MAX_PAYMENT_MINUTES} 分钟，超时名额释放`}>
          {text('paymentMinutes', '分钟')}
        </OpsField>
        <OpsField name='shards' label='并发通道' error={errors.shards} hint={`1–${MAX_SHARDS}，默认 ${DEFAULT_SHARDS}；同时抢购的人越多，设得越大下单越顺畅`}>
          {text('shards', '个')}
        </OpsField>
      </View>

      <OpsSubmitBar testId='sale-submit' label={editing ? '保存修改' : '创建秒杀'} submitting={submitting} onSubmit={() => void submit()} />
    </View>
  )
}
