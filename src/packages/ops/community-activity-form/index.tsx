import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { call, errorMessage, toastError } from '../../../api'
import OpsChips from '../../../components/ops-chips'
import OpsDateTime from '../../../components/ops-datetime'
import { parseDateTime } from '../../../components/ops-datetime/format'
import OpsField from '../../../components/ops-field'
import OpsSkuPicker from '../../../components/ops-sku-picker'
import { pickupDateOf, pickupDateLabel } from '../../../core/community/activity'
import { formatPrice } from '../../../core/money'
import { IntentKey } from '../../../utils/intent-key'
import OperatorGate from '../shared/operator-gate'
import { isOpsFormPending, OpsFormPending, useOpsFormRoute } from '../shared/ops-form-page'
import OpsSubmitBar from '../shared/ops-submit-bar'
import { activityErrors, emptyForm, formOf, saveInput, type ActivityErrors, type ActivityForm } from './form'
import '../shared/ops.scss'
import '../community-shared/community.scss'

type LoadState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready' }
const STATUS_OPTIONS: Array<{ value: 'OPEN' | 'CLOSED'; label: string }> = [
  { value: 'OPEN', label: '开放下单' },
  { value: 'CLOSED', label: '提前结束' },
]

/** 新建 / 编辑团购活动: title, products (activity prices), start, cut-off (pickup the next day), the leaders' commission rate. */
export default function OpsCommunityActivityFormPage() {
  return (
    <OperatorGate>
      <OpsCommunityActivityForm />
    </OperatorGate>
  )
}

function OpsCommunityActivityForm() {
  const { id, editing } = useOpsFormRoute('编辑团购活动', '新建团购活动')
  const [state, setState] = useState<LoadState>(editing ? { status: 'loading' } : { status: 'ready' })
  const [form, setForm] = useState<ActivityForm>(() => emptyForm())
  const [errors, setErrors] = useState<ActivityErrors>({})
  const [submitting, setSubmitting] = useState(false)
  const checked = useRef(false)
  const intentKey = useRef(new IntentKey()).current

  const load = async () => {
    if (!editing) return
    setState({ status: 'loading' })
    try {
      setForm(formOf(await call('community', 'adminActivity', { activityId: id })))
      setState({ status: 'ready' })
    } catch (error) {
      setState({ status: 'error', message: errorMessage(error) })
    }
  }
  useEffect(() => {
    void load()
  }, [id])
  useEffect(() => {
    if (checked.current) setErrors(activityErrors(form))
  }, [form])

  if (isOpsFormPending(state)) return <OpsFormPending state={state} onRetry={load} />

  const change = <K extends keyof ActivityForm>(key: K, value: ActivityForm[K]) => setForm((f) => ({ ...f, [key]: value }))
  const cutoff = parseDateTime(form.cutoffAt)

  const submit = async () => {
    checked.current = true
    const found = activityErrors(form)
    setErrors(found)
    if (Object.keys(found).length > 0) return void Taro.showToast({ title: '请先修正表单中的问题', icon: 'none' })
    setSubmitting(true)
    try {
      const draft = saveInput(form, editing ? id : null, '')
      await call('community', 'saveActivity', saveInput(form, editing ? id : null, intentKey.for(draft)))
      void Taro.showToast({ title: editing ? '已保存' : '已创建', icon: 'success' })
      setTimeout(() => void Taro.navigateBack(), 600)
    } catch (error) {
      toastError(error)
      setSubmitting(false)
    }
  }

  return (
    <View className='ops-page ops-form'>
      <View className='ops-card'>
        <Text className='ops-card__title'>活动</Text>
        <OpsField name='title' label='活动名称' required error={errors.title}>
          <Input id='cm-title' className='ops-input' value={form.title} placeholder='如：周三社区鲜果团' disabled={submitting} onInput={(e) => change('title', e.detail.value)} />
        </OpsField>
        <OpsField name='description' label='活动说明' hint='选填，顾客在活动页看到'>
          <Textarea className='ops-input' value={form.description} maxlength={500} disabled={submitting} onInput={(e) => change('description', e.detail.value)} />
        </OpsField>
      </View>

      <View className='ops-card'>
        <Text className='ops-card__title'>商品</Text>
        {form.items.map((item, index) => (
          <View key={item.skuId} className='ops-row' data-testid={`cm-item-${item.skuId}`}>
            <View className='ops-row__head'>
              <Text className='ops-row__title'>{`${item.productName} · ${item.skuName}`}</Text>
              <Text
                className='ops-cm-actions__button ops-cm-actions__button--danger'
                onClick={() => !submitting && change('items', form.items.filter((_, i) => i !== index))}
              >
                移除
              </Text>
            </View>
            <OpsField name={`price-${item.skuId}`} label='团购价(元)' hint={`售价 ${formatPrice(item.skuPrice)}；不填按售价`}>
              <Input
                id={`cm-price-${item.skuId}`}
                className='ops-input'
                type='digit'
                value={item.priceText}
                placeholder='如 19.90'
                disabled={submitting}
                onInput={(e) => change('items', form.items.map((it, i) => (i === index ? { ...it, priceText: e.detail.value } : it)))}
              />
            </OpsField>
          </View>
        ))}
        <OpsField name='items' label='添加商品' error={errors.items}>
          <OpsSkuPicker
            value={null}
            disabled={submitting}
            onChange={(sku) => {
              if (form.items.some((i) => i.skuId === sku.skuId)) return void Taro.showToast({ title: '已添加该规格', icon: 'none' })
              change('items', [...form.items, { skuId: sku.skuId, productName: sku.productName, skuName: sku.skuName, skuPrice: sku.price, priceText: '' }])
            }}
          />
        </OpsField>
      </View>

      <View className='ops-card'>
        <Text className='ops-card__title'>时间与佣金</Text>
        <OpsField name='startAt' label='开始时间' required error={errors.startAt}>
          <OpsDateTime id='cm-startAt' value={form.startAt} onChange={(v) => change('startAt', v)} disabled={submitting} />
        </OpsField>
        <OpsField name='cutoffAt' label='截单时间' required error={errors.cutoffAt} hint={cutoff === null ? '截单后不再接单，次日到团长点自提' : `次日自提：${pickupDateLabel(pickupDateOf(cutoff))}`}>
          <OpsDateTime id='cm-cutoffAt' value={form.cutoffAt} onChange={(v) => change('cutoffAt', v)} disabled={submitting} />
        </OpsField>
        <OpsField name='rate' label='团长佣金(%)' required error={errors.rate} hint='按订单实付金额计算，退款时按比例扣回'>
          <Input id='cm-rate' className='ops-input' type='digit' value={form.rateText} disabled={submitting} onInput={(e) => change('rateText', e.detail.value)} />
        </OpsField>
        {editing ? (
          <OpsField name='status' label='状态'>
            <OpsChips name='cm-status' options={STATUS_OPTIONS} value={form.status} onChange={(v) => change('status', v)} disabled={submitting} />
          </OpsField>
        ) : null}
      </View>

      <OpsSubmitBar testId='community-activity-submit' label={editing ? '保存修改' : '创建活动'} submitting={submitting} onSubmit={() => void submit()} />
    </View>
  )
}
