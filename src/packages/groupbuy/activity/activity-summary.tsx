import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import Price from '../../../components/price'
import type { GroupBuyActivityView } from '../../../core/contracts/groupbuy'
import { durationLabel } from '../shared/terms'
import CloudImage from '../../../components/cloud-image'

interface Props {
  activity: GroupBuyActivityView
  /** 已拼 N 件 (paid seats). */
  soldCount: number
  onProduct: () => void
}

/** The product, the group price against the list price, the leader's price and the terms. */
export default function ActivitySummary({ activity, soldCount, onProduct }: Props) {
  const leaderCheaper = activity.leaderPrice < activity.groupPrice
  return (
    <>
      {activity.image ? (
        <CloudImage className='gb-activity__image' src={activity.image} mode='aspectFill' />
      ) : (
        <View className='gb-activity__image gb-activity__image--none'>
          <Text>拼</Text>
        </View>
      )}
      <View className='gb-activity__strip'>
        <View className='gb-activity__strip-prices'>
          <Text className='gb-activity__strip-label'>拼团价</Text>
          <View className='gb-activity__strip-price' data-testid='activity-group-price'>
            <Price fen={activity.groupPrice} size='lg' className='gb-activity__strip-fen' />
          </View>
          {activity.listPrice > activity.groupPrice ? (
            <Text className='gb-activity__strip-list'>
              单买价 <Price fen={activity.listPrice} size='sm' strike className='gb-activity__strip-strike' />
            </Text>
          ) : null}
        </View>
        <View className='gb-activity__strip-side'>
          <Text className='gb-activity__strip-size'>{activity.groupSize}人团</Text>
          {soldCount > 0 ? (
            <Text className='gb-activity__strip-sold' data-testid='activity-sold'>
              已拼 {soldCount} 件
            </Text>
          ) : null}
        </View>
      </View>
      <View className='gb-activity__card'>
        <Text className='gb-activity__title'>{activity.title}</Text>
        <View className='gb-activity__sku-row'>
          <Text className='gb-activity__sku'>{activity.skuName}</Text>
          <Text className='gb-activity__product-link' onClick={onProduct}>
            商品详情 ›
          </Text>
        </View>
        {leaderCheaper ? (
          <View className='gb-activity__leader' data-testid='activity-leader-price'>
            <Text className='gb-activity__leader-tag'>团长价</Text>
            <Price fen={activity.leaderPrice} size='md' />
            <Text className='gb-activity__leader-note'>开团即享</Text>
          </View>
        ) : null}
        <View className='gb-activity__terms'>
          <Text className='gb-activity__term'>成团时限 {durationLabel(activity.timeLimitMinutes)}</Text>
          <Text className='gb-activity__term'>每人限参 {activity.perMemberLimit} 次</Text>
          <Text className='gb-activity__term'>{dayjs(activity.endAt).format('M月D日 HH:mm')} 截止</Text>
        </View>
      </View>
    </>
  )
}
