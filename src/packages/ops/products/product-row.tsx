import { Text, View } from '@tarojs/components'
import CloudImage from '../../../components/cloud-image'
import type { OpsProductRow } from '../../../core/contracts/catalog-admin'
import { formatPrice } from '../../../core/money'

const priceRange = (row: OpsProductRow): string =>
  row.minPriceFen === row.maxPriceFen ? formatPrice(row.minPriceFen) : `${formatPrice(row.minPriceFen)} – ${formatPrice(row.maxPriceFen)}`

interface Props {
  row: OpsProductRow
  busy: boolean
  onEdit: () => void
  onToggle: () => void
}

/** A product in the operator's list: picture, name, category, price range, total stock, status, 编辑 and 上架/下架. */
export default function ProductRow({ row, busy, onEdit, onToggle }: Props) {
  const onSale = row.status === 'ON_SALE'
  return (
    <View className='ops-product' data-testid={`ops-product-${row.productId}`}>
      <View className='ops-product__main' onClick={onEdit}>
        <CloudImage className='ops-product__image' src={row.image} mode='aspectFill' />
        <View className='ops-product__info'>
          <View className='ops-product__head'>
            <Text className='ops-product__name'>{row.name}</Text>
            <Text className={`ops-tag ${onSale ? 'ops-tag--done' : 'ops-tag--off'}`}>{onSale ? '在售' : '已下架'}</Text>
          </View>
          <Text className='ops-product__line'>
            {row.categoryName} · {row.skuCount} 个规格
          </Text>
          <View className='ops-product__figures'>
            <Text className='ops-product__price'>{priceRange(row)}</Text>
            <Text className={`ops-product__stock${row.totalStock === 0 ? ' ops-product__stock--out' : ''}`}>
              {row.totalStock === 0 ? '已售罄' : `库存 ${row.totalStock}`}
            </Text>
          </View>
        </View>
      </View>
      <View className='ops-product__actions'>
        <Text className='ops-product__action' data-testid={`ops-product-edit-${row.productId}`} onClick={onEdit}>
          编辑
        </Text>
        <Text
          className={`ops-product__action${onSale ? '' : ' ops-product__action--primary'}${busy ? ' ops-product__action--off' : ''}`}
          data-testid={`ops-product-toggle-${row.productId}`}
          onClick={() => !busy && onToggle()}
        >
          {busy ? '处理中…' : onSale ? '下架' : '上架'}
        </Text>
      </View>
    </View>
  )
}
