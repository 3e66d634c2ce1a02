import { Text, Textarea, View } from '@tarojs/components'
import OpsChips from '../../../components/ops-chips'
import OpsDateTime from '../../../components/ops-datetime'
import OpsField from '../../../components/ops-field'
import OpsSkuPicker from '../../../components/ops-sku-picker'
import { formTextInput } from '../shared/form-text-input'
import OperatorGate from '../shared/operator-gate'
import { isOpsFormPending, OpsFormPending, useOpsFormRoute } from '../shared/ops-form-page'
import OpsSubmitBar from '../shared/ops-submit-bar'
import { previewOf, type CouponKindChoice, type ValidityMode } from './form'
import { useCouponForm } from './use-coupon-form'
import '../shared/ops.scss'
import './index.scss'

const KINDS: Array<{ value: CouponKindChoice; label: string }> = [
  { value: 'amount', label: '满减' },
  { value: 'percent', label: '折扣' },
  { value: 'freeItem', label: '兑换' }
]
const VALIDITY: Array<{ value: ValidityMode; label: string }> = [
  { value: 'relative', label: '领取后 N 天' },
  { value: 'absolute', label: '固定日期' }
]
const SCOPE = [
  { value: 'all', label: '全场通用' },
  { value: 'scoped', label: '指定商品' }
]
const CLAIM = [
  { value: 'yes', label: '在领券中心展示' },
  { value: 'no', label: '仅定向发放' }
]
const WHERE = [
  { value: 'online', label: '线上线下通用' },
  { value: 'store', label: '仅限门店核销' }
]

/** 新建优惠券 / 编辑优惠券: kind, threshold, amount or discount, validity, limits, where it shows, and a live preview. */
export default function OpsCouponFormPage() {
  return (
    <OperatorGate>
      <OpsCouponForm />
    </OperatorGate>
  )
}

function OpsCouponForm() {
  const { id: templateId, editing } = useOpsFormRoute('编辑优惠券', '新建优惠券')
  const { state, form, errors, submitting, change, submit, reload } = useCouponForm(templateId)

  if (isOpsFormPending(state)) return <OpsFormPending state={state} onRetry={reload} />

  const preview = previewOf(form)
  const issued = state.template?.issued ?? 0
  const text = formTextInput('coupon', form, change, submitting, 'digit')
  const addProduct = (productId: string, name: string) => {
    if (!form.products.some((p) => p.productId === productId)) change('products', [...form.products, { productId, name }])
  }

  return (
    <View className='ops-page ops-form'>
      <View className='ops-coupon-preview' data-testid='coupon-preview'>
        <Text className='ops-coupon-preview__face' data-testid='coupon-preview-rule'>
          {preview.rule}
        </Text>
        <View className='ops-coupon-preview__body'>
          <Text className='ops-coupon-preview__title'>{preview.title}</Text>
          <Text className='ops-coupon-preview__line'>
            {preview.scope}
            {form.inStoreOnly ? ' · 仅限门店' : ''}
          </Text>
          {preview.validity ? <Text className='ops-coupon-preview__line'>{preview.validity}</Text> : null}
        </View>
      </View>

      <View className='ops-card'>
        <Text className='ops-card__title'>优惠内容</Text>
        <OpsField name='kind' label='类型' required hint={editing && issued > 0 ? '已发出的券保持领取时的规则，修改只影响之后发出的券' : undefined}>
          <OpsChips name='coupon-kind' options={KINDS} value={form.kind} disabled={submitting} onChange={(v) => change('kind', v)} />
        </OpsField>
        <OpsField name='title' label='名称' required error={errors.title} hint='顾客在券面上看到的名称，最多 30 字'>
          {text('title', '如：新客满99减10', 'text')}
        </OpsField>
        <OpsField name='threshold' label='使用门槛(元)' error={errors.threshold} hint={form.scoped ? '指定商品的金额满此数可用，留空为无门槛' : '订单商品金额满此数可用，留空为无门槛'}>
          {text('threshold', '无门槛')}
        </OpsField>
        {form.kind === 'amount' ? (
          <OpsField name='amountOff' label='减免金额(元)' required error={errors.amountOff} hint='有门槛时须低于门槛'>
            {text('amountOff', '如 10')}
          </OpsField>
        ) : null}
        {form.kind === 'percent' ? (
          <>
            <OpsField name='zhe' label='折扣(折)' required error={errors.zhe} hint='0.1–9.9 折，如 8.5 即 85 折'>
              {text('zhe', '如 8.5')}
            </OpsField>
            <OpsField name='maxOff' label='最高减免(元)' required error={errors.maxOff}>
              {text('maxOff', '如 20')}
            </OpsField>
          </>
        ) : null}
        {form.kind === 'freeItem' ? (
          <OpsField name='skuId' label='赠品' required error={errors.skuId} hint='订单中含该商品规格时，免 1 件的费用'>
            <OpsSkuPicker value={form.freeSku} disabled={submitting} onChange={(sku) => change('freeSku', sku)} />
          </OpsField>
        ) : (
          <OpsField name='productIds' label='适用商品' error={errors.productIds}>
            <OpsChips name='coupon-scope' options={SCOPE} value={form.scoped ? 'scoped' : 'all'} disabled={submitting} onChange={(v) => change('scoped', v === 'scoped')} />
            {form.scoped ? (
              <View>
                <View className='ops-coupon-scope'>
                  {form.products.map((p) => (
                    <Text
                      key={p.productId}
                      className='ops-coupon-scope__chip'
                      data-testid={`coupon-scope-${p.productId}`}
                      onClick={() => !submitting && change('products', form.products.filter((q) => q.productId !== p.productId))}
                    >
                      {p.name} ✕
                    </Text>
                  ))}
                </View>
                <OpsSkuPicker value={null} disabled={submitting} onChange={(sku) => addProduct(sku.productId, sku.productName)} />
              </View>
            ) : null}
          </OpsField>
        )}
      </View>

      <View className='ops-card'>
        <Text className='ops-card__title'>有效期</Text>
        <OpsField name='validityMode' label='方式' required>
          <OpsChips name='coupon-validity' options={VALIDITY} value={form.validityMode} disabled={submitting} onChange={(v) => change('validityMode', v)} />
        </OpsField>
        {form.validityMode === 'relative' ? (
          <OpsField name='days' label='有效天数' required error={errors.days} hint='从领取或发放时起算，1–365 天'>
            {text('days', '天', 'number')}
          </OpsField>
        ) : (
          <>
            <OpsField name='from' label='开始时间' required error={errors.from}>
              <OpsDateTime id='coupon-from' value={form.from} disabled={submitting} onChange={(v) => change('from', v)} />
            </OpsField>
            <OpsField name='until' label='结束时间' required error={errors.until} hint='须晚于开始时间和当前时间'>
              <OpsDateTime id='coupon-until' value={form.until} disabled={submitting} onChange={(v) => change('until', v)} />
            </OpsField>
          </>
        )}
      </View>

      <View className='ops-card'>
        <Text className='ops-card__title'>发放</Text>
        <OpsField name='totalQuantity' label='发放总量' error={errors.totalQuantity} hint={issued > 0 ? `已发出 ${issued} 张，不能少于此数；留空为不限` : '领取与定向发放合计，留空为不限'}>
          {text('totalQuantity', '不限', 'number')}
        </OpsField>
        <OpsField name='perMemberLimit' label='每人限领' required error={errors.perMemberLimit} hint='每位会员最多持有的张数（领取与发放合计）'>
          {text('perMemberLimit', '张', 'number')}
        </OpsField>
        <OpsField name='claimable' label='领券中心'>
          <OpsChips name='coupon-claimable' options={CLAIM} value={form.claimable ? 'yes' : 'no'} disabled={submitting} onChange={(v) => change('claimable', v === 'yes')} />
        </OpsField>
        <OpsField name='inStoreOnly' label='使用场景'>
          <OpsChips name='coupon-instore' options={WHERE} value={form.inStoreOnly ? 'store' : 'online'} disabled={submitting} onChange={(v) => change('inStoreOnly', v === 'store')} />
        </OpsField>
        <OpsField name='description' label='使用说明'>
          <Textarea
            id='coupon-description'
            className='ops-input ops-coupon-description'
            value={form.description}
            placeholder='选填，最多 200 字'
            maxlength={200}
            disabled={submitting}
            onInput={(e) => change('description', e.detail.value)}
          />
        </OpsField>
      </View>

      <OpsSubmitBar testId='coupon-submit' label={editing ? '保存修改' : '创建优惠券'} submitting={submitting} onSubmit={() => void submit()} />
    </View>
  )
}
