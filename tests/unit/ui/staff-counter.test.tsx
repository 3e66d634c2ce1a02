/** @jest-environment jsdom */
import { afterEach, describe, expect, jest, test } from '@jest/globals'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import { resetServerClock } from '../../../src/components/order-countdown/server-clock'
import StaffScanPage from '../../../src/packages/staff/scan'
import { minutesSeconds } from '../../../src/packages/staff/scan/use-seconds-left'
import { createFakeTransport, fail } from '../../mocks/fake-transport'

const SESSION_MS = 10 * 60_000
const MEMBER = { memberId: 'M0001', nickname: '小思', tier: { id: 'silver', name: '银卡会员', discountBps: 9800 }, points: 120, growth: 300 }
const OTHER = { ...MEMBER, memberId: 'M0002', nickname: '阿二' }
const TYPED_CODE = '8123 4567 8901 2345 67'
const COUPON = {
  couponId: 'c1',
  templateId: 't99',
  title: '门店满减券',
  kind: 'amount',
  rule: { kind: 'amount', amountOff: 1000, threshold: 9900 },
  ruleLabel: '满99减10',
  status: 'AVAILABLE',
  statusLabel: '可使用',
  validFrom: Date.UTC(2026, 10, 1),
  validUntil: Date.UTC(2026, 11, 31),
  inStoreOnly: true,
  source: 'claim',
  code: '123456789012',
  issuedAt: Date.UTC(2026, 10, 1),
  orderId: null,
  usedAt: null
}

function setup(extra: Record<string, (data: any) => unknown> = {}) {
  const fake = createFakeTransport({
    'system.ping': () => ({ pong: true, now: Date.now() }),
    'staff.myStores': () => ({ stores: [{ storeId: 's1', name: '徐汇店' }] }),
    'staff.scan': ({ code }: { code: string }) => {
      const session = (memberId: string) => ({ sessionId: `cs_${memberId}`, expiresAt: Date.now() + SESSION_MS, ttlMs: SESSION_MS })
      if (code === TYPED_CODE) return { kind: 'member', member: MEMBER, session: session(MEMBER.memberId) }
      if (code === 'OTHER') return { kind: 'member', member: OTHER, session: session(OTHER.memberId) }
      if (code === COUPON.code) return { kind: 'coupon', coupon: COUPON, owner: { nickname: '小思', maskedPhone: '138****1234' }, threshold: 9900, verifiable: true }
      throw fail('MEMBER_CODE_INVALID', '会员码无效或已过期，请让顾客刷新后重试')
    },
    'staff.recordPurchase': (data: { amount: number; receiptNo: string }) => ({
      memberId: 'M0001',
      nickname: '小思',
      receiptNo: data.receiptNo,
      amount: data.amount,
      points: 88,
      balance: 208,
      duplicate: false
    }),
    'staff.verifyCoupon': (data: { amount: number }) => ({
      coupon: { ...COUPON, status: 'USED', statusLabel: '已使用' },
      verifiedNow: true,
      storeId: 's1',
      amount: data.amount,
      discount: 1000
    }),
    ...extra
  })
  setTransport(fake.transport)
  return fake
}

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } })
const valueOf = (testId: string) => (screen.getByTestId(testId) as HTMLInputElement).value
const isDisabled = (testId: string) => (screen.getByTestId(testId) as HTMLButtonElement).disabled
const sessionLeft = () => screen.getByTestId('staff-session-left').textContent
async function scanCode(code: string) {
  type('staff-code-input', code)
  await act(async () => {
    fireEvent.click(screen.getByTestId('staff-code-submit'))
  })
}
const advance = (ms: number) =>
  act(async () => {
    jest.advanceTimersByTime(ms)
  })

afterEach(() => {
  cleanup()
  jest.useRealTimers()
  jest.clearAllMocks()
  resetServerClock()
})

describe('staff counter: the member session', () => {
  test('the typed numeric code opens a 10-minute session with a countdown; re-scanning the same member keeps the form', async () => {
    jest.useFakeTimers()
    const fake = setup()
    render(<StaffScanPage />)
    await act(async () => undefined)
    await scanCode(TYPED_CODE)
    expect(screen.getByTestId('staff-kind-member')).toBeTruthy()
    expect(sessionLeft()).toBe('会员识别剩余 10:00，期间可直接记录消费')

    type('staff-amount', '88.50')
    type('staff-receipt', 'R-1')
    await advance(4 * 60_000)
    expect(sessionLeft()).toContain('06:00')

    await scanCode(TYPED_CODE)
    expect(fake.callsOf('staff', 'scan')).toHaveLength(2)
    expect(valueOf('staff-amount')).toBe('88.50')
    expect(valueOf('staff-receipt')).toBe('R-1')
    expect(sessionLeft()).toContain('10:00')

    await act(async () => {
      fireEvent.click(screen.getByTestId('staff-record'))
    })
    expect(screen.getByText('消费已记录')).toBeTruthy()
    expect(fake.callsOf('staff', 'recordPurchase')[0].data).toEqual({ sessionId: 'cs_M0001', storeId: 's1', amount: 8850, receiptNo: 'R-1' })
    fireEvent.click(screen.getByTestId('staff-record-another'))
    expect(valueOf('staff-amount')).toBe('')
  })

  test('when the session runs out the panel says so, keeps what was typed, and a fresh code resumes it', async () => {
    jest.useFakeTimers()
    const fake = setup()
    render(<StaffScanPage />)
    await act(async () => undefined)
    await scanCode(TYPED_CODE)
    type('staff-amount', '120')
    type('staff-receipt', 'R-2')
    await advance(SESSION_MS)
    expect(screen.getByTestId('staff-session-expired').textContent).toBe('会员识别已超过 10 分钟，请让顾客重新出示会员码后继续')
    expect(screen.queryByTestId('staff-session-left')).toBeNull()
    expect(isDisabled('staff-record')).toBe(true)
    expect(valueOf('staff-amount')).toBe('120')

    await scanCode('expired-code')
    expect(screen.getByText('会员码无效或已过期，请让顾客刷新后重试')).toBeTruthy()
    expect(screen.getByTestId('staff-kind-member')).toBeTruthy()
    expect(valueOf('staff-amount')).toBe('120')

    await scanCode(TYPED_CODE)
    expect(sessionLeft()).toContain('10:00')
    expect(isDisabled('staff-record')).toBe(false)
    expect(valueOf('staff-receipt')).toBe('R-2')
    await scanCode('OTHER')
    expect(screen.getByText('阿二')).toBeTruthy()
    expect(valueOf('staff-amount')).toBe('')
    expect(fake.callsOf('staff', 'recordPurchase')).toHaveLength(0)
  })

  test('a session the server calls expired disables the form with the same notice', async () => {
    setup({
      'staff.recordPurchase': () => {
        throw fail('COUNTER_SESSION_EXPIRED', '会员识别已超过 10 分钟，请让顾客重新出示会员码')
      }
    })
    render(<StaffScanPage />)
    await screen.findByText('徐汇店')
    await scanCode(TYPED_CODE)
    type('staff-amount', '10')
    type('staff-receipt', 'R-3')
    await act(async () => {
      fireEvent.click(screen.getByTestId('staff-record'))
    })
    expect(await screen.findByTestId('staff-session-expired')).toBeTruthy()
    expect(jest.mocked(Taro.showToast)).toHaveBeenCalledWith(expect.objectContaining({ title: '会员识别已超过 10 分钟，请让顾客重新出示会员码' }))
  })

  test('minutes and seconds', () => {
    expect(minutesSeconds(600)).toBe('10:00')
    expect(minutesSeconds(599)).toBe('09:59')
    expect(minutesSeconds(5)).toBe('00:05')
  })
})

describe('staff counter: a coupon against the purchase', () => {
  test('shows the owner and the rule, asks for the amount, and will not verify below the threshold', async () => {
    const fake = setup()
    render(<StaffScanPage />)
    await screen.findByText('徐汇店')
    await scanCode(COUPON.code)
    expect(screen.getByTestId('staff-kind-coupon')).toBeTruthy()
    expect(screen.getByTestId('staff-coupon-owner').textContent).toBe('小思 · 138****1234')
    expect(screen.getByTestId('staff-coupon-rule').textContent).toBe('满99减10')
    expect(isDisabled('staff-verify-coupon')).toBe(true)

    type('staff-coupon-amount', '98.99')
    expect(screen.getByTestId('staff-coupon-below').textContent).toBe('未达使用门槛：需满 ¥99.00，还差 ¥0.01')
    expect(isDisabled('staff-verify-coupon')).toBe(true)

    type('staff-coupon-amount', '99')
    expect(screen.queryByTestId('staff-coupon-below')).toBeNull()
    await act(async () => {
      fireEvent.click(screen.getByTestId('staff-verify-coupon'))
    })
    expect(fake.callsOf('staff', 'verifyCoupon')[0].data).toEqual({ code: COUPON.code, storeId: 's1', amount: 9900 })
    expect(screen.getByText('核销成功')).toBeTruthy()
    expect(screen.getByTestId('staff-coupon-discount').textContent).toBe('消费 ¥99.00，本单减 ¥10.00')
  })

  test('a refusal from the server (COUPON_THRESHOLD_NOT_MET) is shown and the coupon can still be verified later', async () => {
    setup({
      'staff.verifyCoupon': () => {
        throw fail('COUPON_THRESHOLD_NOT_MET', '消费金额未达到优惠券门槛（满 ¥99.00 可用，本单 ¥99.00）')
      }
    })
    render(<StaffScanPage />)
    await screen.findByText('徐汇店')
    await scanCode(COUPON.code)
    type('staff-coupon-amount', '99')
    await act(async () => {
      fireEvent.click(screen.getByTestId('staff-verify-coupon'))
    })
    expect(jest.mocked(Taro.showToast)).toHaveBeenCalledWith(expect.objectContaining({ title: '消费金额未达到优惠券门槛（满 ¥99.00 可用，本单 ¥99.00）' }))
    expect(screen.queryByTestId('staff-coupon-done')).toBeNull()
    expect(isDisabled('staff-verify-coupon')).toBe(false)
  })
})
