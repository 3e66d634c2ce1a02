/** @jest-environment jsdom */
import { afterEach, describe, expect, jest, test } from '@jest/globals'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import { resetServerClock } from '../../../src/components/order-countdown/server-clock'
import MemberCodePage from '../../../src/packages/member/code'
import { secondsLeft } from '../../../src/packages/member/code/use-member-code'
import { createFakeTransport, fail } from '../../mocks/fake-transport'

const PERIOD = 30_000

function setup(expiresIn: number[] = [PERIOD]) {
  let issued = 0
  const fake = createFakeTransport({
    'system.ping': () => ({ pong: true, now: Date.now() }),
    'member.code': () => {
      issued += 1
      return {
        code: `code-${issued}`,
        numericCode: `81234567890123456${issued}`,
        memberId: 'M10001',
        expiresAt: Date.now() + (expiresIn[issued - 1] ?? PERIOD),
        periodMs: PERIOD
      }
    }
  })
  setTransport(fake.transport)
  render(<MemberCodePage />)
  return fake
}

const shownCode = () => screen.getByTestId('member-qr').getAttribute('data-text')

afterEach(() => {
  cleanup()
  jest.clearAllMocks()
  resetServerClock()
})

describe('member code page', () => {
  test('shows the code as an SVG with a countdown to its expiry; 刷新 fetches a new one', async () => {
    const fake = setup()
    await waitFor(() => expect(shownCode()).toBe('code-1'))
    expect(screen.getByTestId('member-qr').tagName.toLowerCase()).toBe('svg')
    expect(screen.getByTestId('member-code-countdown').textContent).toMatch(/^(30|29) 秒后自动刷新$/)
    expect(screen.getByText('会员卡号 M10001')).toBeTruthy()
    expect(screen.getByText('会员码每 30 秒更新一次，截图无法重复使用，请勿转发他人')).toBeTruthy()

    fireEvent.click(screen.getByTestId('member-code-refresh'))
    fireEvent.click(screen.getByTestId('member-code-refresh'))
    await waitFor(() => expect(shownCode()).toBe('code-2'))
    expect(fake.callsOf('member', 'code')).toHaveLength(2)
  })

  test('shows the numeric code under the QR, grouped 4-4-4-4-2 for staff to type, and renews it with the QR', async () => {
    setup()
    await waitFor(() => expect(shownCode()).toBe('code-1'))
    const digits = screen.getByTestId('member-code-digits')
    expect(digits.textContent).toBe('8123 4567 8901 2345 61')
    expect(digits.getAttribute('data-digits')).toBe('812345678901234561')
    expect(screen.getByText('扫不出时，店员可输入上方数字')).toBeTruthy()
    fireEvent.click(screen.getByTestId('member-code-refresh'))
    await waitFor(() => expect(screen.getByTestId('member-code-digits').textContent).toBe('8123 4567 8901 2345 62'))
  })

  test('a new code arrives on its own when the shown one expires', async () => {
    const fake = setup([1200, PERIOD])
    await waitFor(() => expect(shownCode()).toBe('code-1'))
    await waitFor(() => expect(shownCode()).toBe('code-2'), { timeout: 4000 })
    expect(fake.callsOf('member', 'code')).toHaveLength(2)
    expect(screen.getByTestId('member-code-countdown').textContent).toMatch(/^(30|29) 秒后自动刷新$/)
  })

  test('a failed refresh keeps the old code greyed out with the reason, and 刷新 recovers', async () => {
    const fake = setup()
    await waitFor(() => expect(shownCode()).toBe('code-1'))
    const ok = fake.handlers['member.code']
    fake.handlers['member.code'] = () => {
      throw fail('NETWORK_ERROR', '网络不给力，请稍后重试')
    }
    fireEvent.click(screen.getByTestId('member-code-refresh'))
    expect((await screen.findByTestId('member-code-error', {}, { timeout: 4000 })).textContent).toBe('网络不给力，请稍后重试')
    fake.handlers['member.code'] = ok
    await act(async () => fireEvent.click(screen.getByTestId('member-code-refresh')))
    await waitFor(() => expect(screen.queryByTestId('member-code-error')).toBeNull())
    expect(shownCode()).toMatch(/^code-\d$/)
  })

  test('a customer who has not joined is led to 开卡', async () => {
    const fake = createFakeTransport({
      'system.ping': () => ({ pong: true, now: Date.now() }),
      'member.code': () => {
        throw fail('NOT_A_MEMBER', '请先开通会员')
      }
    })
    setTransport(fake.transport)
    render(<MemberCodePage />)
    fireEvent.click(await screen.findByText('去开卡'))
    expect(jest.mocked(Taro.switchTab)).toHaveBeenCalledWith({ url: '/pages/member/index' })
  })

  test('seconds left round up and stop at zero', () => {
    expect(secondsLeft(10_000, 0)).toBe(10)
    expect(secondsLeft(10_000, 9_001)).toBe(1)
    expect(secondsLeft(10_000, 10_000)).toBe(0)
    expect(secondsLeft(10_000, 12_000)).toBe(0)
    expect(secondsLeft(30_004, 0, 30_000)).toBe(30)
  })
})
