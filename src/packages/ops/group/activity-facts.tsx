import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import type { GroupBuyActivityView, LeaderDiscount } from '../../../core/contracts/groupbuy'
import { formatPrice } from '../../../core/money'
import { timeLimitText } from '../shared/time-limit'

const time = (at: number) => dayjs(at).format('YYYY-MM-DD HH:mm:ss')

function discountText(discount: LeaderDiscount | null): string {
  if (!discount) return '无'
  if (discount.type === 'fen') return `立减 ${formatPrice(discount.amount)}`
  return `${(10000 - discount.bps) / 1000} 折`
}

/** The terms of the activity. */
export default function ActivityFacts({ activity }: { activity: GroupBuyActivityView }) {
  const rows: Array<[string, string]> = [
    ['商品规格', `${activity.productName} · ${activity.skuName}`],
    ['拼团价', `${formatPrice(activity.groupPrice)}（原价 ${formatPrice(activity.listPrice)}）`],
    ['团长优惠', activity.leaderDiscount ? `${discountText(activity.leaderDiscount)}，团长付 ${formatPrice(activity.leaderPrice)}` : '无'],
    ['成团人数', `${activity.groupSize} 人`],
    ['成团时限', timeLimitText(activity.timeLimitMinutes)],
    ['每人限参', `${activity.perMemberLimit} 次`],
    ['模拟成团', activity.virtualCompletion ? '开启（到时自动成团）' : '关闭（到时未满则失败退款）'],
    ['开始时间', time(activity.startAt)],
    ['结束时间', time(activity.endAt)]
  ]
  return (
    <View className='ops-card ops-info'>
      <Text className='ops-card__title'>活动设置</Text>
      {rows.map(([key, value]) => (
        <View key={key} className='ops-info__row'>
          <Text className='ops-info__key'>{key}</Text>
          <Text className='ops-info__value'>{value}</Text>
        </View>
      ))}
    </View>
  )
}
