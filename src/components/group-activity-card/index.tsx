import { Text, View } from '@tarojs/components'
import Price from '../price'
import type { Fen } from '../../core/money'
import CloudImage from '../cloud-image'
import './index.scss'

export interface GroupActivityCardProps {
  activityId: string
  title: string
  image: string | null
  /** The SKU, e.g. 250g 罐装. */
  skuName: string
  groupPrice: Fen
  listPrice: Fen
  groupSize: number
  /** Members who joined groups of this activity, when known. */
  joinedCount?: number
  /** Not live (ended, not started): greyed, with why. */
  closedLabel?: string | null
  onClick: (activityId: string) => void
}

/** One group-buy activity in the list: image, N人团, the group price against the list price, and 去拼团. */
export default function GroupActivityCard(props: GroupActivityCardProps) {
  const { activityId, title, image, skuName, groupPrice, listPrice, groupSize, joinedCount, closedLabel, onClick } = props
  return (
    <View
      className={`group-activity-card${closedLabel ? ' group-activity-card--closed' : ''}`}
      data-testid={`group-activity-${activityId}`}
      onClick={() => onClick(activityId)}
    >
      {image ? (
        <CloudImage className='group-activity-card__image' src={image} mode='aspectFill' lazyLoad />
      ) : (
        <View className='group-activity-card__image group-activity-card__image--none'>
          <Text>拼</Text>
        </View>
      )}
      <View className='group-activity-card__body'>
        <Text className='group-activity-card__title'>{title}</Text>
        {skuName ? <Text className='group-activity-card__sku'>{skuName}</Text> : null}
        <View className='group-activity-card__tags'>
          <Text className='group-activity-card__tag'>{groupSize}人团</Text>
          {joinedCount && joinedCount > 0 ? <Text className='group-activity-card__joined'>已拼 {joinedCount} 件</Text> : null}
        </View>
        <View className='group-activity-card__foot'>
          <View className='group-activity-card__prices'>
            {listPrice > groupPrice ? (
              <View className='group-activity-card__list'>
                <Text className='group-activity-card__list-label'>单买价</Text>
                <Price fen={listPrice} size='sm' strike />
              </View>
            ) : null}
            <View className='group-activity-card__group'>
              <Text className='group-activity-card__price-label'>拼团价</Text>
              <Price fen={groupPrice} size='lg' />
            </View>
          </View>
          <Text className={`group-activity-card__go${closedLabel ? ' group-activity-card__go--off' : ''}`}>{closedLabel ?? '去拼团'}</Text>
        </View>
      </View>
    </View>
  )
}
