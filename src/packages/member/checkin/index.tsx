import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useMemo } from 'react'
import CheckinCalendar, { shiftMonth } from '../../../components/checkin-calendar'
import StateView from '../../../components/state-view'
import { pointsUrl } from '../../../components/points-shortcuts/links'
import NotMember from '../not-member'
import { ruleLines } from './rules'
import { useCheckIn } from './use-checkin'
import './index.scss'

/** How far back the calendar goes. */
const MONTHS_BACK = 12

/** 签到有礼: today's reward and the 签到 button, the streak, the month's check-ins, the rules. */
export default function CheckInPage() {
  const { calendar, checking, lastCheckIn, load, checkIn } = useCheckIn()
  usePullDownRefresh(() => {
    void load().finally(() => void Taro.stopPullDownRefresh())
  })
  const view = calendar.status === 'ready' ? calendar.view : null
  const checked = useMemo(() => new Set(view?.days ?? []), [view])

  if (calendar.status === 'loading') return <StateView state='loading' />
  if (calendar.status === 'notMember') return <NotMember message='开通会员后每日签到领积分，连续签到奖励更多' />
  if (calendar.status === 'error') return <StateView state='error' message={calendar.message} onRetry={() => void load()} />

  const v = calendar.view
  const doneToday = v.checkedInToday || lastCheckIn?.day === v.today
  return (
    <View className='checkin'>
      <View className='checkin__hero'>
        <Text className='checkin__streak-label'>已连续签到</Text>
        <View className='checkin__streak'>
          <Text className='checkin__streak-value' data-testid='checkin-streak'>
            {v.streak}
          </Text>
          <Text className='checkin__streak-unit'>天</Text>
        </View>
        <Text className='checkin__reward' data-testid='checkin-reward'>
          {doneToday ? `今日已签到，明天签到可得 ${v.nextReward} 积分` : `今日签到可得 ${v.nextReward} 积分`}
        </Text>
        <Button
          className={`checkin__button${doneToday ? ' checkin__button--done' : ''}`}
          data-testid='checkin-button'
          disabled={doneToday || checking || undefined}
          loading={checking}
          onClick={() => void checkIn()}
        >
          {/* in a fragment, a text node: see src/packages/flashsale/detail/buy-bar.tsx */}
          <>{doneToday ? '今日已签到' : '签到'}</>
        </Button>
        {lastCheckIn && !lastCheckIn.alreadyCheckedIn ? (
          <Text className='checkin__balance' onClick={() => void Taro.navigateTo({ url: pointsUrl() })}>
            {`当前积分 ${lastCheckIn.balance} ›`}
          </Text>
        ) : null}
      </View>

      <View className={`checkin__card checkin__card--calendar${calendar.switching ? ' checkin__card--stale' : ''}`}>
        <CheckinCalendar month={v.month} checked={checked} today={v.today} earliest={shiftMonth(v.today.slice(0, 7), -MONTHS_BACK)} onMonth={(m) => void load(m)} />
      </View>

      <View className='checkin__card checkin__rules'>
        <Text className='checkin__rules-title'>签到规则</Text>
        {ruleLines(v.rules).map((line) => (
          <Text key={line} className='checkin__rule'>
            {line}
          </Text>
        ))}
      </View>
    </View>
  )
}
