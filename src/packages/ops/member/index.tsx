import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useCallback } from 'react'
import { call } from '../../../api'
import StateView from '../../../components/state-view'
import type { MemberProfileView } from '../../../core/contracts/crm'
import { CHANNEL_LABELS } from '../../../core/crm/channel'
import { formatPrice } from '../../../core/money'
import NoAccess from '../shared/no-access'
import OperatorGate from '../shared/operator-gate'
import { dayText, LIFECYCLE_TONES } from '../shared/crm/labels'
import { useLive } from '../shared/use-live'
import { useRefreshOnShow } from '../shared/use-refresh-on-show'
import { Campaigns, Coupons, Orders, PointsLedger, Timeline, TopCategories } from './sections'
import TagEditor from './tag-editor'
import '../shared/ops.scss'
import '../shared/crm/crm.scss'
import './index.scss'

/** 客户画像: who the member is, their figures, RFM and stage, tags, orders, points, coupons, campaigns and timeline. */
export default function OpsMemberPage() {
  return (
    <OperatorGate>
      <OpsMember />
    </OperatorGate>
  )
}

function OpsMember() {
  const openid = (useRouter().params.openid ?? '').trim()
  const load = useCallback(() => call('crm', 'member', { openid }), [openid])
  const live = useLive(load, null)
  const { state } = live
  useRefreshOnShow(() => live.reload())

  if (!openid) return <StateView state='empty' message='没有指定会员' />
  if (state.status === 'loading') return <StateView state='loading' />
  if (state.status === 'denied') return <NoAccess />
  if (state.status === 'error') return <StateView state='error' message={state.message} onRetry={() => void live.retry()} />
  return <Profile profile={state.data} reload={live.reload} />
}

function Profile({ profile: p, reload }: { profile: MemberProfileView; reload: () => Promise<void> }) {
  const m = p.member
  const kpis = [
    { key: 'orders', label: '支付订单', value: String(p.stats.paidOrders) },
    { key: 'paid', label: '累计消费', value: formatPrice(p.stats.paidFen) },
    { key: 'net', label: '净消费', value: formatPrice(p.stats.netFen) },
    { key: 'aov', label: '客单价', value: formatPrice(p.stats.aovFen) },
    { key: 'refund', label: `退款（${p.stats.refundedOrders} 单）`, value: formatPrice(p.stats.refundedFen) },
    { key: 'points', label: '积分', value: String(p.points.balance) }
  ]
  return (
    <View className='ops-page crm-profile' data-testid='member-profile'>
      <View className='crm-profile__head'>
        <Text className='crm-profile__avatar'>{m.nickname.slice(0, 1) || '会'}</Text>
        <View className='crm-profile__who'>
          <View className='crm-member__name-row'>
            <Text className='crm-profile__name'>{m.nickname || '未命名会员'}</Text>
            <Text className='crm-member__tier'>{m.tier}</Text>
          </View>
          <Text className='crm-profile__line'>
            {m.phone ?? '未留手机号'}
            {p.card.memberId ? ` · 卡号 ${p.card.memberId}` : ''}
          </Text>
          <Text className='crm-profile__line'>
            入会 {dayText(p.card.joinedAt, '未入会')} · 来自{CHANNEL_LABELS[m.channel]}
            {p.card.birthday ? ` · 生日 ${p.card.birthday}` : ''}
          </Text>
        </View>
      </View>

      <View className='ops-kpis'>
        {kpis.map((k) => (
          <View key={k.key} className='ops-kpis__item' data-testid={`member-kpi-${k.key}`}>
            <Text className='ops-kpis__label'>{k.label}</Text>
            <Text className='ops-kpis__value'>{k.value}</Text>
          </View>
        ))}
      </View>

      <View className='crm-profile__panels'>
        <View className='crm-profile__col'>
          <View className='ops-card' data-testid='member-rfm'>
            <Text className='ops-card__title'>分层</Text>
            <View className='crm-rfm'>
              {(['r', 'f', 'm'] as const).map((k) => (
                <View key={k} className='crm-rfm__score'>
                  <Text className='crm-rfm__value' data-testid={`member-rfm-${k}`}>
                    {m.rfm[k]}
                  </Text>
                  <Text className='crm-rfm__label'>{k === 'r' ? 'R 近度' : k === 'f' ? 'F 频度' : 'M 额度'}</Text>
                </View>
              ))}
            </View>
            <View className='ops-info__row'>
              <Text className='ops-info__key'>RFM 分类</Text>
              <Text className='ops-info__value' data-testid='member-rfm-class'>
                {m.rfm.class}
              </Text>
            </View>
            <View className='ops-info__row'>
              <Text className='ops-info__key'>生命周期</Text>
              <View className='ops-info__value'>
                <Text className={`crm-stage crm-stage--${LIFECYCLE_TONES[m.lifecycle]}`} data-testid='member-lifecycle'>
                  {m.lifecycle}
                </Text>
              </View>
            </View>
            <View className='ops-info__row'>
              <Text className='ops-info__key'>首次消费</Text>
              <Text className='ops-info__value'>{dayText(p.stats.firstPaidAt, '未消费')}</Text>
            </View>
            <View className='ops-info__row'>
              <Text className='ops-info__key'>最近消费</Text>
              <Text className='ops-info__value'>{dayText(p.stats.lastPaidAt, '未消费')}</Text>
            </View>
            <View className='ops-info__row'>
              <Text className='ops-info__key'>最近访问</Text>
              <Text className='ops-info__value'>{dayText(p.stats.lastVisitAt)}</Text>
            </View>
          </View>
          <TagEditor openid={m.openid} manualTags={p.manualTags} ruleTags={p.ruleTags} onChanged={reload} />
          <TopCategories profile={p} />
          <Campaigns profile={p} />
        </View>
        <View className='crm-profile__col'>
          <Orders profile={p} />
          <Coupons profile={p} />
          <PointsLedger profile={p} />
          <Timeline profile={p} />
        </View>
      </View>
    </View>
  )
}
