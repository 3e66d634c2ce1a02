/** @jest-environment jsdom */
import { afterEach, describe, expect, jest, test } from '@jest/globals'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import type { CheckInCalendarView } from '../../../src/core/contracts/points'
import CheckinCalendar, { monthGrid } from '../../../src/components/checkin-calendar'
import CheckInPage from '../../../src/packages/member/checkin'
import { ruleLines } from '../../../src/packages/member/checkin/rules'
import { createFakeTransport, fail } from '../../mocks/fake-transport'

const RULES = { basePoints: 5, cycleDays: 7, bonuses: [{ day: 3, points: 5 }, { day: 7, points: 20 }] }

function setup() {
  const days = ['2026-05-12', '2026-05-13']
  let checkedInToday = false
  const calendar = (month = '2026-05'): CheckInCalendarView => ({
    month,
    today: '2026-05-14',
    days: days.filter((d) => d.startsWith(month)),
    streak: checkedInToday ? 3 : 2,
    checkedInToday,
    nextReward: checkedInToday ? 5 : 10,
    rules: RULES
  })
  const fake = createFakeTransport({
    'points.checkInCalendar': ({ month }: { month?: string }) => calendar(month),
    'points.checkIn': async () => {
      await new Promise((done) => setTimeout(done, 20))
      const again = checkedInToday
      if (!again) days.push('2026-05-14')
      checkedInToday = true
      return { day: '2026-05-14', reward: 10, streak: 3, balance: 110, alreadyCheckedIn: again }
    }
  })
  setTransport(fake.transport)
  render(<CheckInPage />)
  return fake
}

const button = () => screen.getByTestId('checkin-button') as HTMLButtonElement

afterEach(() => {
  cleanup()
  jest.clearAllMocks()
})

describe('check-in page', () => {
  test('the month with checked days, the streak and today\'s reward; 签到 once, then it is disabled', async () => {
    const fake = setup()
    await screen.findByTestId('checkin-calendar')
    expect(screen.getByText('2026年5月')).toBeTruthy()
    expect(screen.getByTestId('day-2026-05-12').getAttribute('data-checked')).toBe('yes')
    expect(screen.getByTestId('day-2026-05-14').getAttribute('data-checked')).toBe('no')
    expect(screen.getByTestId('day-2026-05-14').className).toContain('checkin-calendar__cell--today')
    expect(screen.getByTestId('checkin-streak').textContent).toBe('2')
    expect(screen.getByTestId('checkin-reward').textContent).toBe('今日签到可得 10 积分')
    expect(button().disabled).toBe(false)

    fireEvent.click(button())
    fireEvent.click(button())
    await waitFor(() => expect(button().textContent).toBe('今日已签到'))
    expect(button().disabled).toBe(true)
    expect(fake.callsOf('points', 'checkIn')).toHaveLength(1)
    expect(jest.mocked(Taro.showToast)).toHaveBeenCalledWith(expect.objectContaining({ title: '签到成功 +10 积分' }))
    expect(screen.getByTestId('day-2026-05-14').getAttribute('data-checked')).toBe('yes')
    expect(screen.getByTestId('checkin-streak').textContent).toBe('3')
    expect(screen.getByTestId('checkin-reward').textContent).toBe('今日已签到，明天签到可得 5 积分')
    expect(screen.getByText('当前积分 110 ›')).toBeTruthy()
    fireEvent.click(button())
    expect(fake.callsOf('points', 'checkIn')).toHaveLength(1)
  })

  test('earlier months are a tap away; the future is not', async () => {
    const fake = setup()
    await screen.findByTestId('checkin-calendar')
    fireEvent.click(screen.getByTestId('calendar-next'))
    expect(fake.callsOf('points', 'checkInCalendar')).toHaveLength(1)
    fireEvent.click(screen.getByTestId('calendar-prev'))
    await screen.findByText('2026年4月')
    expect(fake.callsOf('points', 'checkInCalendar').at(-1)!.data).toEqual({ month: '2026-04' })
    // April 2026 starts on a Wednesday: three blanks, then the 1st.
    expect(monthGrid('2026-04').slice(0, 4).map((c) => c.day)).toEqual([null, null, null, 1])
    // February 2026 starts on a Sunday and has 28 days: exactly four weeks.
    expect(monthGrid('2026-02')).toHaveLength(28)
    expect(monthGrid('2026-05')).toHaveLength(42)
  })

  test('a refused check-in says why and the button comes back', async () => {
    const fake = setup()
    await screen.findByTestId('checkin-calendar')
    fake.handlers['points.checkIn'] = () => {
      throw fail('NETWORK_ERROR', '网络不给力，请稍后重试')
    }
    fireEvent.click(button())
    await waitFor(() => expect(jest.mocked(Taro.showToast)).toHaveBeenCalledWith(expect.objectContaining({ title: '网络不给力，请稍后重试' })))
    await waitFor(() => expect(button().disabled).toBe(false))
    expect(button().textContent).toBe('签到')
  })

  test('the rules in words', () => {
    expect(ruleLines(RULES)).toEqual([
      '每日签到得 5 积分',
      '连续签到第 3 天，额外得 5 积分',
      '连续签到第 7 天，额外得 20 积分',
      '每连续 7 天为一轮，断签后从第 1 天重新计算'
    ])
  })

  test('a customer who has not joined is led to 开卡', async () => {
    const fake = createFakeTransport({
      'points.checkInCalendar': () => {
        throw fail('NOT_A_MEMBER', '请先开通会员')
      }
    })
    setTransport(fake.transport)
    render(<CheckInPage />)
    fireEvent.click(await screen.findByText('去开卡'))
    expect(jest.mocked(Taro.switchTab)).toHaveBeenCalledWith({ url: '/pages/member/index' })
  })

  test('the calendar goes back no further than its earliest month and has no arrows without onMonth', () => {
    const onMonth = jest.fn()
    const { unmount } = render(<CheckinCalendar month='2026-03' checked={new Set()} today='2026-05-14' earliest='2026-03' onMonth={onMonth} />)
    fireEvent.click(screen.getByTestId('calendar-prev'))
    expect(onMonth).not.toHaveBeenCalled()
    fireEvent.click(screen.getByTestId('calendar-next'))
    expect(onMonth).toHaveBeenCalledWith('2026-04')
    unmount()
    render(<CheckinCalendar month='2026-05' checked={new Set()} today='2026-05-14' />)
    expect(screen.getByText('2026年5月')).toBeTruthy()
    expect(screen.queryByTestId('calendar-prev')).toBeNull()
  })
})
