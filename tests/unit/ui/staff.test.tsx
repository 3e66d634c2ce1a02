/** @jest-environment jsdom */
import { afterEach, describe, expect, jest, test } from '@jest/globals'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import StaffScanPage from '../../../src/packages/staff/scan'
import { parseYuanToFen } from '../../../src/packages/staff/scan/amount'
import { setTransport } from '../../../src/api'
import { createFakeTransport, fail } from '../../mocks/fake-transport'

const MEMBER = { memberId: 'M0001', nickname: '小思', tier: { id: 'silver', name: '银卡会员', discountBps: 9800 }, points: 120, growth: 300 }
const PICKUP = {
  orderId: 'o-pick-1',
  status: 'READY_FOR_PICKUP',
  storeId: 's1',
  items: [{ name: '手冲咖啡豆', skuName: '250g', quantity: 2 }],
  payable: 13800,
  createdAt: Date.UTC(2026, 10, 25, 2, 0),
  nickname: '小思'
}

function setup(extra: Record<string, (data: any) => unknown> = {}) {
  const fake = createFakeTransport({
    'staff.myStores': () => ({ stores: [{ storeId: 's1', name: '徐汇店' }, { storeId: 's2', name: '静安店' }] }),
    'staff.scan': ({ code }: { code: string }) => {
      if (code === 'MEMBERCODE') return { kind: 'member', member: MEMBER, session: { sessionId: 'cs_1', expiresAt: Date.now() + 600_000, ttlMs: 600_000 } }
      if (code === 'o-pick-1') return { kind: 'pickup', order: PICKUP, atThisStore: true, verifiable: true }
      throw fail('CODE_UNKNOWN', '无法识别该码')
    },
    'staff.recordPurchase': (data: { amount: number; receiptNo: string }) => ({
      memberId: 'M0001',
      nickname: '小思',
      receiptNo: data.receiptNo,
      amount: data.amount,
      points: 12,
      balance: 132,
      duplicate: false
    }),
    'staff.verifyPickup': () => ({ order: { ...PICKUP, status: 'COMPLETED' }, verifiedNow: true }),
    ...extra
  })
  setTransport(fake.transport)
  return fake
}

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } })

afterEach(() => {
  cleanup()
  jest.clearAllMocks()
})

describe('parseYuanToFen', () => {
  test('parses yuan digits into integer fen without floats', () => {
    expect(parseYuanToFen('12')).toBe(1200)
    expect(parseYuanToFen('0.29')).toBe(29)
    expect(parseYuanToFen('19.9')).toBe(1990)
    expect(parseYuanToFen(' 100.05 ')).toBe(10005)
    expect(parseYuanToFen('1.')).toBe(100)
  })
  test('refuses what is not a positive amount of at most two decimals', () => {
    for (const bad of ['', '0', '0.00', '-1', '1.234', 'abc', '1e3', '１２', '1,000', '.5', '1000001', 'Infinity']) expect(parseYuanToFen(bad)).toBeNull()
  })
})

describe('staff scanner', () => {
  test('a member code: summary, then 记录消费 sends fen and the receipt once', async () => {
    const fake = setup()
    render(<StaffScanPage />)
    await screen.findByText('徐汇店')
    type('staff-code-input', 'MEMBERCODE')
    fireEvent.click(screen.getByTestId('staff-code-submit'))
    expect(await screen.findByTestId('staff-kind-member')).toBeTruthy()
    expect(screen.getByText('银卡会员')).toBeTruthy()
    expect(screen.getByTestId('staff-member-points').textContent).toBe('120')
    expect(fake.callsOf('staff', 'scan')[0].data).toEqual({ code: 'MEMBERCODE', storeId: 's1' })

    type('staff-amount', '1.234')
    expect(screen.getByText('请输入正确的金额（最多两位小数）')).toBeTruthy()
    expect((screen.getByTestId('staff-record') as HTMLButtonElement).disabled).toBe(true)
    type('staff-amount', '123.45')
    type('staff-receipt', 'R-0001')
    const record = screen.getByTestId('staff-record')
    fireEvent.click(record)
    fireEvent.click(record)
    expect(await screen.findByText('消费已记录')).toBeTruthy()
    expect(fake.callsOf('staff', 'recordPurchase')).toHaveLength(1)
    expect(fake.callsOf('staff', 'recordPurchase')[0].data).toEqual({ sessionId: 'cs_1', storeId: 's1', amount: 12345, receiptNo: 'R-0001' })
    expect(screen.getByTestId('staff-member-points').textContent).toBe('132')
  })

  test('a pickup order: 确认核销 completes it for the chosen store', async () => {
    const fake = setup()
    render(<StaffScanPage />)
    fireEvent.click(await screen.findByText('静安店'))
    type('staff-code-input', 'o-pick-1')
    fireEvent.click(screen.getByTestId('staff-code-submit'))
    expect(await screen.findByTestId('staff-kind-pickup')).toBeTruthy()
    expect(screen.getByText('手冲咖啡豆（250g）')).toBeTruthy()
    fireEvent.click(screen.getByTestId('staff-verify-pickup'))
    expect(await screen.findByText('核销成功，请将商品交给顾客')).toBeTruthy()
    expect(fake.callsOf('staff', 'verifyPickup')[0].data).toEqual({ orderId: 'o-pick-1', storeId: 's2' })
    expect(screen.getByTestId('staff-pickup-status').textContent).toBe('已完成')
  })

  test('an unknown code shows the reason with 重试; not staff: an honest empty state', async () => {
    setup()
    const { unmount } = render(<StaffScanPage />)
    await screen.findByText('徐汇店')
    type('staff-code-input', 'nope')
    fireEvent.click(screen.getByTestId('staff-code-submit'))
    expect(await screen.findByText('无法识别该码')).toBeTruthy()
    expect(screen.getByText('重试')).toBeTruthy()
    unmount()
    setup({ 'staff.myStores': () => ({ stores: [] }) })
    render(<StaffScanPage />)
    expect(await screen.findByText('你还不是任何门店的店员，请联系运营开通')).toBeTruthy()
  })

  test('weapp: 扫一扫 reads the code with the camera', async () => {
    const original = process.env.TARO_ENV
    process.env.TARO_ENV = 'weapp'
    ;(Taro as unknown as { scanCode: unknown }).scanCode = jest.fn(async () => ({ result: 'o-pick-1', errMsg: 'ok' }))
    try {
      setup()
      render(<StaffScanPage />)
      fireEvent.click(await screen.findByTestId('staff-scan-camera'))
      expect(await screen.findByTestId('staff-kind-pickup')).toBeTruthy()
      await waitFor(() => expect((Taro as unknown as { scanCode: jest.Mock }).scanCode).toHaveBeenCalled())
    } finally {
      process.env.TARO_ENV = original
    }
  })
})
