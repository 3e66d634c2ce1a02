import { Text, View } from '@tarojs/components'
import type { MemberProfileView, TimelineKind } from '../../../core/contracts/crm'
import { COUPON_STATUS_LABELS } from '../../../core/coupon/types'
import { formatPrice } from '../../../core/money'
import { ORDER_STATUS_LABELS } from '../../../core/order/status'
import { ARM_LABELS, dayText, minuteText } from '../shared/crm/labels'

type P = MemberProfileView

/** The server answers status codes: shown by their Chinese label (the code itself when it is a new one). */
const label = (labels: Record<string, string>, code: string): string => labels[code] ?? code

function Rows<T>({ title, testId, items, empty, render }: { title: string; testId: string; items: T[]; empty: string; render: (item: T, i: number) => JSX.Element }) {
  return (
    <View className='ops-card' data-testid={testId}>
      <Text className='ops-card__title'>{title}</Text>
      {items.length ? items.map(render) : <Text className='crm-filter__none'>{empty}</Text>}
    </View>
  )
}

function Line({ main, sub, right, tone }: { main: string; sub?: string; right?: string; tone?: string }) {
  return (
    <View className='crm-line'>
      <View className='crm-line__body'>
        <Text className='crm-line__main'>{main}</Text>
        {sub ? <Text className='crm-line__sub'>{sub}</Text> : null}
      </View>
      {right ? <Text className={`crm-line__right${tone ? ` crm-line__right--${tone}` : ''}`}>{right}</Text> : null}
    </View>
  )
}

export function TopCategories({ profile }: { profile: P }) {
  return (
    <Rows
      title='偏好品类'
      testId='member-categories'
      items={profile.stats.topCategories}
      empty='还没有购买记录'
      render={(c) => <Line key={c.categoryId} main={c.name} right={`${c.orders} 单`} />}
    />
  )
}

export function Orders({ profile }: { profile: P }) {
  return (
    <Rows
      title='最近订单'
      testId='member-orders'
      items={profile.orders}
      empty='还没有订单'
      render={(o) => <Line key={o.orderId} main={o.title} sub={`${minuteText(o.createdAt)} · ${label(ORDER_STATUS_LABELS, o.status)}`} right={formatPrice(o.payableFen)} />}
    />
  )
}

export function PointsLedger({ profile }: { profile: P }) {
  return (
    <Rows
      title={`积分明细（余额 ${profile.points.balance}）`}
      testId='member-points'
      items={profile.pointsLedger}
      empty='还没有积分记录'
      render={(e, i) => <Line key={`${e.at}-${i}`} main={e.note} sub={minuteText(e.at)} right={`${e.delta > 0 ? '+' : ''}${e.delta}`} tone={e.delta > 0 ? 'up' : 'down'} />}
    />
  )
}

export function Coupons({ profile }: { profile: P }) {
  return (
    <Rows
      title='优惠券'
      testId='member-coupons'
      items={profile.coupons}
      empty='没有优惠券'
      render={(c) => <Line key={c.couponId} main={c.title} sub={c.validUntil ? `有效期至 ${dayText(c.validUntil)}` : undefined} right={label(COUPON_STATUS_LABELS, c.status)} />}
    />
  )
}

export function Campaigns({ profile }: { profile: P }) {
  return (
    <Rows
      title='收到的营销'
      testId='member-campaigns'
      items={profile.campaigns}
      empty='还没有参与营销活动'
      render={(c) => (
        <Line
          key={c.campaignId}
          main={c.name}
          sub={`${minuteText(c.deliveredAt)}${c.arm === 'target' ? ` · ${c.granted ? '已发放激励' : '未发放激励'} · ${c.messaged ? '已发消息' : '未发消息'}` : ' · 不发放，用于对比'}`}
          right={ARM_LABELS[c.arm]}
          tone={c.arm === 'target' ? 'up' : undefined}
        />
      )}
    />
  )
}

const KIND_ICONS: Record<TimelineKind, string> = { join: '入', order: '单', refund: '退', checkin: '签', points: '积', campaign: '营', message: '信', visit: '访' }

export function Timeline({ profile }: { profile: P }) {
  return (
    <View className='ops-card' data-testid='member-timeline'>
      <Text className='ops-card__title'>动态</Text>
      {profile.timeline.length === 0 ? <Text className='crm-filter__none'>还没有动态</Text> : null}
      <View className='crm-timeline'>
        {profile.timeline.map((e, i) => (
          <View key={`${e.at}-${i}`} className='crm-timeline__item'>
            <Text className={`crm-timeline__icon crm-timeline__icon--${e.kind}`}>{KIND_ICONS[e.kind] ?? '·'}</Text>
            <View className='crm-timeline__body'>
              <Text className='crm-timeline__title'>{e.title}</Text>
              {e.detail ? <Text className='crm-timeline__detail'>{e.detail}</Text> : null}
              <Text className='crm-timeline__at'>{minuteText(e.at)}</Text>
            </View>
          </View>
        ))}
      </View>
    </View>
  )
}
