import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { call, toastError } from '../../../api'
import Price from '../../../components/price'
import StateView from '../../../components/state-view'
import { addDays } from '../../../core/points/china-day'
import { pickupDateLabel } from '../../../core/community/activity'
import type { HandoutOrderView, HandoutView, MyLeaderView } from '../../../core/contracts/community'
import { isWeapp } from '../../../utils/platform'
import { useAsync } from '../../../utils/use-async'
import { today } from '../shared/format'
import { COMMUNITY_ACTIVITIES_URL, LEADER_APPLY_URL, leaderStatementUrl } from '../shared/links'
import '../shared/community.scss'
import './index.scss'

/** 团长工作台: the application's state; for a leader, the day's hand-out list and 核销 by the customer's 取货码. */
export default function LeaderPage() {
  const load = useCallback(() => call('community', 'myLeader', {}), [])
  const mine = useAsync(load, false)
  useDidShow(() => void mine.reload())

  if (mine.status === 'loading') return <StateView state='loading' />
  if (mine.status === 'error') return <StateView state='error' message={mine.message} onRetry={() => void mine.reload()} />
  const leader = mine.data
  if (!leader) {
    return (
      <View className='cm-page'>
        <StateView state='empty' message='成为团长，为邻居提供自提服务并获得佣金' actionText='申请成为团长' onAction={() => void Taro.navigateTo({ url: LEADER_APPLY_URL })} />
      </View>
    )
  }
  if (leader.status === 'APPLIED' || leader.status === 'REJECTED') return <Application leader={leader} />
  return <Workbench leader={leader} />
}

function Application({ leader }: { leader: MyLeaderView }) {
  const rejected = leader.status === 'REJECTED'
  return (
    <View className='cm-page'>
      <View className='cm-card' data-testid='leader-application'>
        <View className='cm-leader__head'>
          <Text className='cm-card__title'>{rejected ? '申请未通过' : '申请审核中'}</Text>
          <Text className={`cm-tag${rejected ? ' cm-tag--brand' : ' cm-tag--warn'}`}>{leader.statusLabel}</Text>
        </View>
        <Text className='cm-card__line'>{`自提点：${leader.point.name}`}</Text>
        <Text className='cm-card__line'>{leader.point.address}</Text>
        {rejected && leader.reason ? <Text className='cm-card__line'>{`原因：${leader.reason}`}</Text> : null}
        {!rejected ? <Text className='cm-card__line'>运营审核通过后，邻居即可在社区团购中选择你的自提点。</Text> : null}
      </View>
      <Button className='cm-leader__action' onClick={() => void Taro.navigateTo({ url: LEADER_APPLY_URL })}>
        {rejected ? '修改后重新申请' : '修改申请信息'}
      </Button>
    </View>
  )
}

function Workbench({ leader }: { leader: MyLeaderView }) {
  // `?date=YYYY-MM-DD` opens that pickup day (a link to the day's list); else today.
  const asked = useRouter().params.date ?? ''
  const [day, setDay] = useState(() => (/^\d{4}-\d{2}-\d{2}$/.test(asked) ? asked : today()))
  const load = useCallback(() => call('community', 'handout', { pickupDate: day }), [day])
  const list = useAsync(load)
  usePullDownRefresh(() => {
    void list.reload().finally(() => void Taro.stopPullDownRefresh())
  })
  const todayDay = today()
  const days = [
    { value: addDays(todayDay, -1), label: '昨天' },
    { value: todayDay, label: '今天' },
    { value: addDays(todayDay, 1), label: '明天' },
  ]
  if (!days.some((d) => d.value === day)) days.push({ value: day, label: '取货日' })

  return (
    <View className='cm-page cm-leader'>
      <View className='cm-card'>
        <View className='cm-leader__head'>
          <Text className='cm-card__title'>{leader.point.name}</Text>
          <Text className={`cm-tag${leader.status === 'SUSPENDED' ? ' cm-tag--off' : ''}`}>{leader.statusLabel}</Text>
        </View>
        <Text className='cm-card__line'>{leader.point.address}</Text>
        {leader.status === 'SUSPENDED' ? <Text className='cm-card__line'>{`已暂停接单${leader.reason ? `：${leader.reason}` : ''}，已下单的订单仍可核销`}</Text> : null}
        <View className='cm-leader__links'>
          <Text className='cm-leader__link' data-testid='leader-statement-link' onClick={() => void Taro.navigateTo({ url: leaderStatementUrl() })}>
            月结单 ›
          </Text>
          <Text className='cm-leader__link' onClick={() => void Taro.navigateTo({ url: COMMUNITY_ACTIVITIES_URL })}>
            本期团购 ›
          </Text>
        </View>
      </View>

      <VerifyBox onVerified={() => void list.reload()} />

      <View className='cm-card'>
        <View className='cm-chips'>
          {days.map((d) => (
            <Text key={d.value} className={`cm-chips__chip${d.value === day ? ' cm-chips__chip--on' : ''}`} data-testid={`leader-day-${d.label}`} onClick={() => setDay(d.value)}>
              {`${d.label} ${d.value.slice(5)}`}
            </Text>
          ))}
        </View>
        {list.status === 'loading' ? <StateView state='loading' /> : null}
        {list.status === 'error' ? <StateView state='error' message={list.message} onRetry={() => void list.reload()} /> : null}
        {list.status === 'ready' ? <HandoutList view={list.data} /> : null}
      </View>
    </View>
  )
}

function HandoutList({ view }: { view: HandoutView }) {
  return (
    <View data-testid='leader-handout'>
      <Text className='cm-leader__summary' data-testid='leader-handout-summary'>
        {`${pickupDateLabel(view.pickupDate)}：待取货 ${view.toHandOut} 单 · 已取货 ${view.handedOut} 单`}
      </Text>
      {view.orders.length === 0 ? <StateView state='empty' message='这一天没有需要取货的订单' /> : null}
      {view.orders.map((order) => (
        <HandoutRow key={order.orderId} order={order} />
      ))}
    </View>
  )
}

function HandoutRow({ order }: { order: HandoutOrderView }) {
  const done = order.status === 'COMPLETED'
  return (
    <View className={`cm-handout${done ? ' cm-handout--done' : ''}`} data-testid={`leader-order-${order.orderNo}`}>
      <View className='cm-leader__head'>
        <Text className='cm-handout__customer'>{order.customer}</Text>
        <Text className={`cm-tag${done ? ' cm-tag--off' : order.status === 'READY_FOR_PICKUP' ? ' cm-tag--warn' : ''}`}>{order.statusLabel}</Text>
      </View>
      {order.items.map((item) => (
        <Text key={`${item.name}-${item.skuName}`} className='cm-card__line'>{`${item.name} · ${item.skuName} × ${item.quantity}`}</Text>
      ))}
      <View className='cm-leader__head'>
        <Text className='cm-card__line'>{`订单号 ${order.orderNo}`}</Text>
        <Price fen={order.payable} size='sm' />
      </View>
    </View>
  )
}

/** 核销: the customer's 8-digit 取货码, typed or scanned (weapp). */
function VerifyBox({ onVerified }: { onVerified: () => void }) {
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [last, setLast] = useState<{ text: string; ok: boolean } | null>(null)
  const busyRef = useRef(false)

  const verify = async (raw: string) => {
    const value = raw.replace(/\s+/g, '')
    if (!/^\d{8}$/.test(value)) return void Taro.showToast({ title: '请输入 8 位取货码', icon: 'none' })
    if (busyRef.current) return
    busyRef.current = true
    setBusy(true)
    try {
      const result = await call('community', 'verify', { code: value })
      const items = result.order.items.map((i) => `${i.name}×${i.quantity}`).join('、')
      setLast({ text: result.verifiedNow ? `核销成功：${result.order.customer} ${items}` : `该订单已取货（${result.order.orderNo}）`, ok: result.verifiedNow })
      setCode('')
      onVerified()
    } catch (error) {
      toastError(error)
    } finally {
      busyRef.current = false
      setBusy(false)
    }
  }
  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode', 'barCode'] })
      if (res.result) await verify(res.result)
    } catch {
      // Closed the camera: nothing to do.
    }
  }

  return (
    <View className='cm-card' data-testid='leader-verify'>
      <Text className='cm-card__title'>取货核销</Text>
      <View className='cm-leader__verify'>
        <Input
          id='leader-code'
          className='cm-input'
          type='number'
          maxlength={9}
          value={code}
          placeholder='输入顾客的 8 位取货码'
          disabled={busy}
          onInput={(e) => setCode(e.detail.value)}
          onConfirm={() => void verify(code)}
        />
        <Button className='cm-leader__verify-button' data-testid='leader-verify-submit' disabled={busy || undefined} loading={busy} onClick={() => void verify(code)}>
          核销
        </Button>
      </View>
      {isWeapp() ? (
        <Text className='cm-leader__link' onClick={() => void scan()}>
          扫描顾客取货二维码
        </Text>
      ) : null}
      {last ? (
        <Text className={`cm-leader__result${last.ok ? '' : ' cm-leader__result--repeat'}`} data-testid='leader-verify-result'>
          {last.text}
        </Text>
      ) : null}
    </View>
  )
}
