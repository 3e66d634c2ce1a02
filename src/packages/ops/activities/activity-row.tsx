import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import OpsStatGrid from '../../../components/ops-stat-grid'
import type { GroupBuyActivityView } from '../../../core/contracts/groupbuy'
import { formatPrice } from '../../../core/money'
import { PHASE_LABELS } from '../shared/labels'
import { timeLimitText } from '../shared/time-limit'

const at = (ms: number) => dayjs(ms).format('MM-DD HH:mm')

/** A group-buy activity in the operator's list: phase, terms, when, and its groups. */
export default function ActivityRow({ activity, onOpen }: { activity: GroupBuyActivityView; onOpen: () => void }) {
  const phase = PHASE_LABELS[activity.phase]
  const stats = activity.stats
  return (
    <View className='ops-row' data-testid={`ops-activity-${activity.activityId}`} onClick={onOpen}>
      <View className='ops-row__head'>
        <Text className='ops-row__title'>{activity.title}</Text>
        <Text className={`ops-tag ops-tag--${phase.tone}`}>{phase.label}</Text>
      </View>
      <Text className='ops-row__line'>
        {activity.skuName} · {activity.groupSize} 人团 {formatPrice(activity.groupPrice)}（原价 {formatPrice(activity.listPrice)}）
      </Text>
      <Text className='ops-row__line'>
        {at(activity.startAt)} 至 {at(activity.endAt)} · 成团时限 {timeLimitText(activity.timeLimitMinutes)}
      </Text>
      {stats ? (
        <OpsStatGrid
          compact
          stats={[
            { key: 'open', label: '拼团中', value: stats.groupsOpen, tone: 'accent' },
            { key: 'succeeded', label: '已成团', value: stats.groupsSucceeded + stats.groupsSucceededVirtual, tone: 'good' },
            { key: 'failed', label: '已失败', value: stats.groupsFailed, tone: 'bad' },
            { key: 'paid', label: '已付人数', value: stats.paidMembers },
            { key: 'revenue', label: '成交额', value: formatPrice(stats.paidFen ?? 0) }
          ]}
        />
      ) : null}
    </View>
  )
}
