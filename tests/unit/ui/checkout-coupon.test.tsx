/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import type { CheckoutCouponOption } from '../../../src/core/contracts/coupon'
import type { CreateOrderInput, QuoteInput, QuoteView } from '../../../src/core/contracts/order'
import CheckoutPage from '../../../src/packages/trade/checkout'
import { useCartStore } from '../../../src/stores/cart'
import { OOLONG } from '../../mocks/catalog-fixtures'
import { createFakeCart } from '../../mocks/fake-cart'
import { createFakeOrders } from '../../mocks/fake-orders'
import { createFakeTransport, fail } from '../../mocks/fake-transport'
import { setRouterParams } from '../../mocks/taro'

const ADDRESS = { name: '张三', phone: '13800138000', region: '上海市 徐汇区', detail: '漕溪北路 88 号' }
const UNTIL = Date.UTC(2026, 11, 31, 16, 0, 0)

// The customer's coupons for 2 × 100g 冻顶乌龙 (¥136, free shipping): 满99减10 is the best, 95折 takes ¥6.80, 满200减30 is below its threshold.
const COUPONS: CheckoutCouponOption[] = [
  { couponId: 'c-10', title: '满99减10', ruleLabel: '满99减10', validUntil: UNTIL, usable: true, discount: 1000, reason: null, reasonLabel: null },
  { couponId: 'c-95', title: '会员95折', ruleLabel: '9.5折', validUntil: UNTIL, usable: true, discount: 680, reason: null, reasonLabel: null },
  { couponId: 'c-30', title: '满200减30', ruleLabel: '满200减30', validUntil: UNTIL, usable: false, discount: 0, reason: 'BELOW_THRESHOLD', reasonLabel: '未达使用门槛' }
]

/** The order server with coupons, by the contract: couponId absent → the best usable, null → none, an id → that one. */
function setup() {
  const cart = createFakeCart([OOLONG])
  const orders = createFakeOrders()
  const baseQuote = orders.handlers['order.quote']!
  const baseCreate = orders.handlers['order.create']!
  const withCoupon = (input: QuoteInput): QuoteView => {
    const quote = baseQuote(input) as QuoteView
    const chosen =
      input.couponId === null ? null : input.couponId === undefined ? COUPONS.find((c) => c.usable)! : COUPONS.find((c) => c.couponId === input.couponId)
    if (chosen && !chosen.usable) throw fail('COUPON_NOT_APPLICABLE', '订单金额未达到优惠券的使用门槛', { couponId: chosen.couponId })
    if (!chosen) return { ...quote, coupon: null, couponOptions: COUPONS }
    const amounts = { ...quote.amounts, couponDiscount: chosen.discount, payable: quote.amounts.payable - chosen.discount }
    return { ...quote, amounts, coupon: { couponId: chosen.couponId, templateId: 't', title: chosen.title, kind: 'amount', discount: chosen.discount }, couponOptions: COUPONS }
  }
  const fake = createFakeTransport({
    ...cart.handlers,
    ...orders.handlers,
    'catalog.productDetail': () => OOLONG,
    'order.quote': (input: QuoteInput) => withCoupon(input),
    'order.create': (input: CreateOrderInput) => {
      const quote = withCoupon(input)
      const order = baseCreate(input) as { _id: string }
      const created = { ...orders.orders.get(order._id)!, amounts: quote.amounts, coupon: quote.coupon }
      orders.put(created)
      return created
    }
  })
  setTransport(fake.transport)
  jest.mocked(Taro.getStorageSync).mockImplementation(((key: string) => (key === 'siyu.checkout.address' ? ADDRESS : '')) as typeof Taro.getStorageSync)
  setRouterParams({ source: 'buyNow', productId: 'p-oolong', skuId: 'sku-oolong-100', quantity: '2' })
  render(<CheckoutPage />)
  return { fake }
}

const payable = () => within(screen.getByTestId('order-amounts')).getAllByText(/^¥/).pop()!.textContent
const couponRow = () => screen.getByTestId('checkout-coupon')

beforeEach(() => {
  act(() => useCartStore.getState().reset())
  ;(globalThis as { fetch: unknown }).fetch = jest.fn(async () => ({ ok: true, status: 200, json: async () => ({}) }) as unknown as Response)
})
afterEach(() => {
  cleanup()
  jest.clearAllMocks()
  jest.mocked(Taro.getStorageSync).mockReset()
})

describe('checkout: coupons', () => {
  test('by default the server picks the best coupon: the row shows it and its discount, the payable includes it', async () => {
    const { fake } = setup()
    await waitFor(() => expect(payable()).toBe('¥126.00'))
    expect(within(couponRow()).getByText('满99减10')).not.toBeNull()
    expect(screen.getByTestId('checkout-coupon-discount').textContent).toBe('-¥10.00')
    expect(fake.callsOf('order', 'quote')[0]!.data).not.toHaveProperty('couponId')
  })

  test('choosing another coupon re-quotes with it, and create sends it', async () => {
    const { fake } = setup()
    await waitFor(() => expect(payable()).toBe('¥126.00'))
    fireEvent.click(couponRow())
    const picker = await screen.findByTestId('coupon-picker')
    expect(within(screen.getByTestId('coupon-option-c-10')).getByText('-¥10.00')).not.toBeNull()
    expect(within(screen.getByTestId('coupon-option-c-30')).getByText('未达使用门槛')).not.toBeNull()
    expect(within(picker).getByText('本单不可用（1）')).not.toBeNull()

    fireEvent.click(screen.getByTestId('coupon-option-c-95'))
    expect(screen.queryByTestId('coupon-picker')).toBeNull()
    await waitFor(() => expect(payable()).toBe('¥129.20'))
    expect(fake.callsOf('order', 'quote').pop()!.data).toMatchObject({ couponId: 'c-95' })
    expect(screen.getByTestId('checkout-coupon-discount').textContent).toBe('-¥6.80')

    // A tap on an unusable coupon does nothing.
    fireEvent.click(couponRow())
    fireEvent.click(await screen.findByTestId('coupon-option-c-30'))
    expect(screen.getByTestId('coupon-picker')).not.toBeNull()
    fireEvent.click(screen.getByText('×'))

    fireEvent.click(screen.getByTestId('checkout-submit'))
    await screen.findByTestId('pay-sheet')
    expect(fake.callsOf('order', 'create')).toHaveLength(1)
    expect(fake.callsOf('order', 'create')[0]!.data).toMatchObject({ couponId: 'c-95', source: 'buyNow' })
    expect(screen.getByTestId('pay-sheet-amount').textContent).toBe('¥129.20')
  })

  test('不使用优惠券 re-quotes with couponId null and create sends null', async () => {
    const { fake } = setup()
    await waitFor(() => expect(payable()).toBe('¥126.00'))
    fireEvent.click(couponRow())
    fireEvent.click(await screen.findByTestId('coupon-option-none'))
    await waitFor(() => expect(payable()).toBe('¥136.00'))
    expect(fake.callsOf('order', 'quote').pop()!.data).toMatchObject({ couponId: null })
    expect(within(couponRow()).getByText('不使用优惠券 · 2 张可用')).not.toBeNull()
    expect(screen.queryByTestId('checkout-coupon-discount')).toBeNull()

    fireEvent.click(screen.getByTestId('checkout-submit'))
    await screen.findByTestId('pay-sheet')
    expect(fake.callsOf('order', 'create')[0]!.data.couponId).toBeNull()
  })

  test('a chosen coupon refused at create (used meanwhile): the reason is shown and checkout goes back to the best coupon', async () => {
    const { fake } = setup()
    await waitFor(() => expect(payable()).toBe('¥126.00'))
    fireEvent.click(couponRow())
    fireEvent.click(await screen.findByTestId('coupon-option-c-95'))
    await waitFor(() => expect(payable()).toBe('¥129.20'))
    const create = fake.handlers['order.create']!
    fake.handlers['order.create'] = () => {
      fake.handlers['order.create'] = create
      throw fail('COUPON_LOCKED', '优惠券已被一笔待支付订单占用，取消该订单后可再用', { couponId: 'c-95' })
    }
    fireEvent.click(screen.getByTestId('checkout-submit'))
    await waitFor(() =>
      expect(jest.mocked(Taro.showToast)).toHaveBeenCalledWith(expect.objectContaining({ title: '优惠券已被一笔待支付订单占用，取消该订单后可再用' }))
    )
    await waitFor(() => expect(payable()).toBe('¥126.00'))
    expect(fake.callsOf('order', 'quote').pop()!.data).not.toHaveProperty('couponId')
    expect(screen.queryByTestId('pay-sheet')).toBeNull()
  })
})
