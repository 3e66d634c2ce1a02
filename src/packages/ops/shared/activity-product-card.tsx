import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import OpsField from '../../../components/ops-field'
import OpsSkuPicker, { type ChosenSku } from '../../../components/ops-sku-picker'

interface Props {
  /** 秒杀, 拼团: the word in the hint that an activity's SKU cannot change once created. */
  kind: string
  sku: ChosenSku | null
  editing: boolean
  submitting: boolean
  errors: { skuId?: string; title?: string }
  onSku: (sku: ChosenSku | null) => void
  /** The title input, rendered by the form (its placeholder falls back to the product's name). */
  titleInput: ReactNode
}

/** The 商品 card of an activity form (flash sale, group-buy): the SKU, fixed after creation, and an optional title. */
export default function ActivityProductCard({ kind, sku, editing, submitting, errors, onSku, titleInput }: Props) {
  return (
    <View className='ops-card'>
      <Text className='ops-card__title'>商品</Text>
      <OpsField name='skuId' label='商品规格' required error={errors.skuId} hint={editing ? `已创建的${kind}不能更换商品` : undefined}>
        <OpsSkuPicker value={sku} onChange={onSku} disabled={editing || submitting} />
      </OpsField>
      <OpsField name='title' label='活动标题' error={errors.title} hint='选填，不填时显示商品名称'>
        {titleInput}
      </OpsField>
    </View>
  )
}
