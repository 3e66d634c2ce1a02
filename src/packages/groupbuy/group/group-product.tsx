import { Text, View } from '@tarojs/components'
import Price from '../../../components/price'
import type { GroupView } from '../../../core/contracts/groupbuy'
import CloudImage from '../../../components/cloud-image'

/** The product of the group: image, name, SKU, the group price against the list price; tap for the activity. */
export default function GroupProduct({ group, onOpen }: { group: GroupView; onOpen: () => void }) {
  const { activity } = group
  return (
    <View className='gb-group__product' data-testid='group-product' onClick={onOpen}>
      {activity.image ? (
        <CloudImage className='gb-group__product-image' src={activity.image} mode='aspectFill' />
      ) : (
        <View className='gb-group__product-image gb-group__product-image--none'>
          <Text>拼</Text>
        </View>
      )}
      <View className='gb-group__product-body'>
        <Text className='gb-group__product-title'>{activity.title}</Text>
        <Text className='gb-group__product-sku'>{activity.skuName}</Text>
        <View className='gb-group__product-prices'>
          <Text className='gb-group__product-size'>{group.size}人团</Text>
          <Price fen={group.groupPrice} size='lg' />
          {activity.listPrice > group.groupPrice ? <Price fen={activity.listPrice} size='sm' strike className='gb-group__product-list' /> : null}
        </View>
      </View>
    </View>
  )
}
