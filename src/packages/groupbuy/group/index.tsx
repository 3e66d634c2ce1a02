import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import GroupCountdown from '../../../components/group-countdown'
import GroupMembers, { type GroupSeat } from '../../../components/group-members'
import GroupShare from '../../../components/group-share'
import GroupState, { type GroupTone } from '../../../components/group-state'
import { serverNow } from '../../../components/order-countdown/server-clock'
import PaySheet from '../../../components/pay-sheet'
import PosterEntry from '../../../components/poster-entry'
import StateView from '../../../components/state-view'
import type { GroupMemberView } from '../../../core/contracts/groupbuy'
import { isWeapp } from '../../../utils/platform'
import { orderUrl } from '../../../utils/routes'
import FulfillmentSheet, { type GroupFulfillment } from '../shared/fulfillment-sheet'
import { groupPhase, phaseText, type GroupPhase } from '../shared/group-phase'
import { activityUrl, GROUPBUY_LIST_URL, groupUrl } from '../shared/links'
import { NEW_GROUP_REFUSALS, REFUSAL_TITLES, type SeatRefusal } from '../shared/refusals'
import { ruleLines } from '../shared/terms'
import { shareTitle } from '../shared/share'
import { useSeat } from '../shared/use-seat'
import GroupActions, { groupActions, type GroupAction } from './group-actions'
import GroupProduct from './group-product'
import { useGroup } from './use-group'
import { withSharer } from '../../../utils/invite'
import './index.scss'

const TONES: Record<GroupPhase, GroupTone> = {
  pending: 'live',
  open: 'live',
  full: 'live',
  settling: 'live',
  succeeded: 'success',
  failed: 'fail',
  cancelled: 'closed'
}

/** 拼团 (the share page): the product, the leader and members, seats left, the countdown, and 参与拼团 / 邀请好友. */
export default function GroupPage() {
  const groupId = (useRouter().params.id ?? '').trim()
  const { state, reload } = useGroup(groupId)
  const [sheetOpen, setSheetOpen] = useState(false)
  const [refusal, setRefusal] = useState<SeatRefusal | null>(null)
  const [, setTick] = useState(0)
  const group = state.status === 'ready' ? state.data : null

  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void reload()
    shown.current = true
  })
  usePullDownRefresh(() => {
    void reload().finally(() => void Taro.stopPullDownRefresh())
  })

  // weapp: the share card carries this group's path (the menu's 转发 and the 邀请好友 button).
  useEffect(() => {
    if (isWeapp()) void Taro.showShareMenu({ withShareTicket: true }).catch(() => undefined)
  }, [])
  useShareAppMessage(() => ({
    title: group ? shareTitle(group) : '一起拼团更划算',
    path: withSharer(groupUrl(groupId)),
    imageUrl: group?.activity.image ?? undefined
  }))

  const onRefused = useCallback(
    (next: SeatRefusal) => {
      setSheetOpen(false)
      setRefusal(next)
      void reload()
    },
    [reload]
  )
  const onPaid = useCallback(() => {
    setRefusal(null)
    void reload()
  }, [reload])
  const onReserved = useCallback(() => setSheetOpen(false), [])
  const seat = useSeat({ onPaid, onRefused, onReserved })

  const onExpire = useCallback(() => {
    setTick((n) => n + 1)
    void reload()
  }, [reload])

  if (state.status === 'loading') return <StateView state='loading' />
  if (state.status === 'error') return <StateView state='error' message={state.message} onRetry={() => void reload()} />
  if (state.status === 'missing') {
    return <StateView state='empty' message={state.message} actionText='看看其他拼团' onAction={() => void Taro.redirectTo({ url: GROUPBUY_LIST_URL })} />
  }

  const view = state.data
  const phase = groupPhase(view, serverNow())
  const text = phaseText(phase, view)
  const actions = groupActions(phase, view)
  const seats: GroupSeat[] = view.members.map(toSeat)

  const newGroup = () => void Taro.navigateTo({ url: activityUrl(view.activity.activityId) })
  const onAction = (action: GroupAction) => {
    if (action === 'join') {
      if (seat.submitting) return
      setRefusal(null)
      setSheetOpen(true)
    } else if ((action === 'pay' || action === 'order') && view.myOrderId) {
      void Taro.navigateTo({ url: orderUrl(view.myOrderId) })
    } else if (action === 'more') {
      void Taro.navigateTo({ url: GROUPBUY_LIST_URL })
    } else newGroup()
  }
  const confirm = (fulfillment: GroupFulfillment) => {
    void seat.reserve({ kind: 'join', groupId: view.groupId }, fulfillment)
  }

  return (
    <View className='gb-group'>
      <GroupProduct group={view} onOpen={newGroup} />

      {refusal ? (
        <View className='gb-group__problem' data-testid='seat-refusal' data-code={refusal.code}>
          <View className='gb-group__problem-body'>
            <Text className='gb-group__problem-title'>{REFUSAL_TITLES[refusal.code]}</Text>
            <Text className='gb-group__problem-text'>{refusal.message}</Text>
          </View>
          {NEW_GROUP_REFUSALS.includes(refusal.code) ? (
            <Text className='gb-group__problem-action' data-testid='refusal-new-group' onClick={newGroup}>
              去开新团
            </Text>
          ) : null}
        </View>
      ) : null}

      <View className='gb-group__card'>
        <GroupState tone={TONES[phase]} title={text.title} note={text.note}>
          {(phase === 'open' || phase === 'full') && view.expiresAt !== null ? (
            <GroupCountdown deadline={view.expiresAt} prefix='剩余' suffix='结束' onEnd={onExpire} />
          ) : null}
        </GroupState>
        <GroupMembers members={seats} size={view.size} />
        <Text className='gb-group__seats' data-testid='group-seats'>
          {view.seatsLeft > 0 ? `${view.size}人团 · 已参团 ${view.reserved} 人 · 剩余 ${view.seatsLeft} 个名额` : `${view.size}人团 · 已支付 ${view.paid}/${view.size}`}
        </Text>
        {phase === 'open' && view.joinedByMe ? (
          <View className='gb-group__share'>
            <GroupShare path={groupUrl(view.groupId)} seatsLeft={view.seatsLeft} />
          </View>
        ) : null}
        {phase === 'open' && !view.joinedByMe && view.canJoin ? (
          <View className='gb-group__join' data-testid='group-join-invite'>
            <Text className='gb-group__join-text'>好友邀请你参团，仅剩 {view.seatsLeft} 个名额</Text>
            <Text className='gb-group__join-cta' onClick={() => onAction('join')}>
              参与拼团
            </Text>
          </View>
        ) : null}
      </View>

      <PosterEntry kind='group' id={view.groupId} note={view.seatsLeft > 0 ? `还差 ${view.seatsLeft} 人，发海报邀好友参团` : undefined} />
      <View className='gb-group__card gb-group__card--rules'>
        <Text className='gb-group__label'>拼团规则</Text>
        {ruleLines(view.activity).map((line, i) => (
          <Text key={line} className='gb-group__rule'>
            {i + 1}. {line}
          </Text>
        ))}
      </View>

      <GroupActions actions={actions} group={view} submitting={seat.submitting} onAction={onAction} />

      <FulfillmentSheet
        visible={sheetOpen}
        title='参与拼团'
        amount={view.groupPrice}
        submitting={seat.submitting}
        onConfirm={confirm}
        onClose={() => setSheetOpen(false)}
      />
      <PaySheet {...seat.sheetProps} />
    </View>
  )
}

function toSeat(member: GroupMemberView, index: number): GroupSeat {
  return {
    key: `${index}-${member.joinedAt}`,
    name: member.nickname,
    avatar: member.avatar,
    leader: member.leader,
    paid: member.paid
  }
}
