/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import type { MallItemDetailView, MallItemView, RedeemInput } from '../../../src/core/contracts/mall'
import MallPage from '../../../src/packages/mall/index'
import MallItemPage from '../../../src/packages/mall/item'
import RedeemResultPage from '../../../src/packages/mall/result'
import { createFakeOrders, item as orderItem, orderView } from '../../mocks/fake-orders'
import { createFakeTransport, fail } from '../../mocks/fake-transport'
import { setRouterParams, trigger } from '../../mocks/taro'

// A small points mall server: items, a balance, redeem idempotent by requestId, the server's refusals.
const goods = (id: string, extra: Partial<MallItemDetailView> = {}): MallItemDetailView => ({
  itemId: id,
  title: '定制帆布袋',
  subtitle: '门店同款',
  image: `/assets/mall/${id}.svg`,
  kind: 'goods',
  pointsPrice: 500,
  cashPrice: 0,
  stock: 8,
  soldOut: false,
  perMemberLimit: 2,
  couponLabel: null,
  description: '积分兑换，不退不换',
  couponRule: null,
  redeemedByMe: 0,
  limitReached: false,
  needsFulfillment: true,
  ...extra
})
const TOTE = goods('mall-tote')
const MUG = goods('mall-mug', { title: '陶瓷马克杯', pointsPrice: 800, cashPrice: 1990, perMemberLimit: 0 })
const GONE = goods('mall-gone', { title: '限量茶礼盒', stock: 0, soldOut: true })
const COUPON = goods('mall-coupon', {
  title: '5 元无门槛券',
  image: null,
  kind: 'coupon',
  pointsPrice: 300,
  couponLabel: '无门槛减5',
  couponRule: { kind: 'amount', amountOff: 500, threshold: 0 },
  needsFulfillment: false
})
const summary = ({ description: _d, couponRule: _r, redeemedByMe: _m, limitReached: _l, needsFulfillment: _n, ...rest }: MallItemDetailView): MallItemView => rest

function setup(options: { balance?: number; items?: MallItemDetailView[] } = {}) {
  const items = new Map((options.items ?? [TOTE, MUG, GONE, COUPON]).map((i) => [i.itemId, { ...i }]))
  let balance = options.balance ?? 1200
  const orders = createFakeOrders({ now: () => Date.now() })
  const redeemed = new Map<string, unknown>()
  const fake = createFakeTransport({
    ...orders.handlers,
    'member.card': () => ({ joined: true, points: { balance, expiringSoon: { amount: 100, on: '2027-12-31' } } }),
    'mall.list': ({ kind }: { kind?: string }) => ({
      items: [...items.values()].filter((i) => !kind || i.kind === kind).map(summary),
      page: 0,
      pageSize: 20,
      hasMore: false
    }),
    'mall.get': ({ itemId }: { itemId: string }) => {
      const found = items.get(itemId)
      if (!found) throw fail('MALL_ITEM_NOT_FOUND', '兑换商品不存在')
      return found
    },
    'mall.redeem': (input: RedeemInput) => {
      const earlier = redeemed.get(input.requestId)
      if (earlier) return earlier
      const found = items.get(input.itemId)!
      if (found.soldOut) throw fail('MALL_SOLD_OUT', '兑换商品已被兑完')
      if (balance < found.pointsPrice) throw fail('INSUFFICIENT_POINTS', `积分不足，需要 ${found.pointsPrice} 积分，当前 ${balance} 积分`)
      balance -= found.pointsPrice
      found.stock -= 1
      const needsPayment = found.cashPrice > 0
      const order = orderView(`o-${input.itemId}`, needsPayment ? 'PENDING_PAYMENT' : 'PAID', {
        items: [orderItem('sku-mall', found.title, '积分兑换', found.cashPrice)],
        amounts: { itemsTotal: found.cashPrice, discount: 0, shippingFee: 0, payable: found.cashPrice },
        fulfillment: { type: 'pickup', storeId: 'store-demo', storeName: '私域生活馆 · 演示店' },
        source: 'mall',
        mall: { itemId: found.itemId, kind: found.kind, pointsPrice: found.pointsPrice, cashPrice: found.cashPrice, couponId: null }
      })
      orders.put(order)
      const answer = { order, pointsSpent: found.pointsPrice, needsPayment, couponId: null }
      redeemed.set(input.requestId, answer)
      return answer
    }
  })
  setTransport(fake.transport)
  return { fake, orders, items, balance: () => balance }
}

let fetchMock: jest.Mock<(url: string) => Promise<Response>>

beforeEach(() => {
  jest.mocked(Taro.showModal).mockImplementation(async () => ({ errMsg: 'ok', confirm: true, cancel: false }))
  fetchMock = jest.fn(async () => ({ ok: true, status: 200, json: async () => ({}) }) as unknown as Response)
  ;(globalThis as { fetch: unknown }).fetch = fetchMock
})
afterEach(() => {
  cleanup()
  jest.clearAllMocks()
})

describe('积分商城: the list', () => {
  test('my points on top; each item with its points (+ cash), stock or 已兑完, and the limit', async () => {
    setup()
    render(<MallPage />)
    expect((await screen.findByTestId('mall-balance')).textContent).toBe('1200')
    expect(screen.getByText('100 积分将于 2027-12-31 过期')).not.toBeNull()

    const tote = await screen.findByTestId('mall-item-mall-tote')
    expect(within(tote).getByTestId('mall-points-price').textContent).toBe('500积分')
    expect(within(tote).getByText('剩余 8')).not.toBeNull()
    expect(within(tote).getByText('每人限兑 2')).not.toBeNull()
    expect(within(screen.getByTestId('mall-item-mall-mug')).getByTestId('mall-points-price').textContent).toBe('800积分+¥19.90')
    expect(within(screen.getByTestId('mall-item-mall-gone')).getAllByText('已兑完').length).toBeGreaterThan(0)
    expect(within(screen.getByTestId('mall-item-mall-coupon')).getByText('无门槛减5')).not.toBeNull()

    fireEvent.click(tote)
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenCalledWith({ url: '/packages/mall/item/index?id=mall-tote' })
  })

  test('the kind filter asks for coupons only', async () => {
    const { fake } = setup()
    render(<MallPage />)
    await screen.findByTestId('mall-item-mall-tote')
    fireEvent.click(screen.getByTestId('mall-kind-coupon'))
    await waitFor(() => expect(screen.queryByTestId('mall-item-mall-tote')).toBeNull())
    expect(await screen.findByTestId('mall-item-mall-coupon')).not.toBeNull()
    expect(fake.callsOf('mall', 'list').pop()!.data).toMatchObject({ kind: 'coupon', page: 0 })
  })

  test('a guest is invited to join; a failed list offers 重试', async () => {
    const { fake } = setup()
    fake.handlers['member.card'] = () => ({ joined: false, tiers: [], joinGift: { points: 100, couponTemplateId: null } })
    let broken = true
    const list = fake.handlers['mall.list']!
    fake.handlers['mall.list'] = (input) => {
      if (broken) throw fail('INTERNAL', '服务繁忙，请稍后再试')
      return list(input)
    }
    render(<MallPage />)
    await screen.findByText('服务繁忙，请稍后再试')
    fireEvent.click(screen.getByText('开通会员卡，送 100 积分 ›'))
    expect(jest.mocked(Taro.switchTab)).toHaveBeenCalledWith({ url: '/pages/member/index' })
    broken = false
    fireEvent.click(screen.getByText('重试'))
    await screen.findByTestId('mall-item-mall-tote')
  })

  test('nothing on sale shows the empty state', async () => {
    setup({ items: [] })
    render(<MallPage />)
    await screen.findByText('好礼正在上架中，稍后再来看看')
  })
})

describe('积分商城: redeem', () => {
  test('a double tap on 立即兑换 confirms once, redeems once with one requestId, then opens the result', async () => {
    const { fake } = setup()
    setRouterParams({ id: 'mall-tote' })
    render(<MallItemPage />)
    await screen.findByText('定制帆布袋')
    await waitFor(() => expect(screen.getByTestId('item-balance').textContent).toBe('1200'))
    expect(screen.getByText('每人限兑 2 件')).not.toBeNull()
    await screen.findByText('私域生活馆 · 演示店')

    const button = screen.getByTestId('redeem-button')
    act(() => {
      button.click()
      button.click()
    })
    await waitFor(() => expect(jest.mocked(Taro.redirectTo)).toHaveBeenCalledWith({ url: '/packages/mall/result/index?orderId=o-mall-tote&points=500' }))
    expect(jest.mocked(Taro.showModal)).toHaveBeenCalledTimes(1)
    expect(jest.mocked(Taro.showModal).mock.calls[0]![0]).toMatchObject({ title: '确认兑换', content: expect.stringContaining('将使用 500 积分兑换「定制帆布袋」') })
    const redeems = fake.callsOf('mall', 'redeem')
    expect(redeems).toHaveLength(1)
    expect(redeems[0]!.data).toMatchObject({ itemId: 'mall-tote', fulfillment: { type: 'pickup', storeId: 'store-demo' } })
    expect(redeems[0]!.data.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(fake.callsOf('order', 'pay')).toHaveLength(0)
  })

  test('再想想 in the confirm redeems nothing; a retry after a failure sends the same requestId', async () => {
    const { fake } = setup()
    setRouterParams({ id: 'mall-coupon' })
    render(<MallItemPage />)
    await screen.findByText('5 元无门槛券')
    await waitFor(() => expect(screen.getByTestId('item-balance').textContent).toBe('1200'))

    jest.mocked(Taro.showModal).mockImplementationOnce(async () => ({ errMsg: 'ok', confirm: false, cancel: true }))
    fireEvent.click(screen.getByTestId('redeem-button'))
    await waitFor(() => expect(jest.mocked(Taro.showModal)).toHaveBeenCalledTimes(1))
    expect(fake.callsOf('mall', 'redeem')).toHaveLength(0)

    const redeem = fake.handlers['mall.redeem']!
    fake.handlers['mall.redeem'] = () => {
      fake.handlers['mall.redeem'] = redeem
      throw fail('INTERNAL', '服务繁忙，请稍后再试')
    }
    await waitFor(() => expect((screen.getByTestId('redeem-button') as HTMLButtonElement).disabled).toBe(false))
    fireEvent.click(screen.getByTestId('redeem-button'))
    await waitFor(() => expect(jest.mocked(Taro.showToast)).toHaveBeenCalledWith(expect.objectContaining({ title: '服务繁忙，请稍后再试' })))
    await waitFor(() => expect((screen.getByTestId('redeem-button') as HTMLButtonElement).disabled).toBe(false))
    fireEvent.click(screen.getByTestId('redeem-button'))
    await waitFor(() => expect(jest.mocked(Taro.redirectTo)).toHaveBeenCalled())
    const [a, b] = fake.callsOf('mall', 'redeem')
    expect(b!.data.requestId).toBe(a!.data.requestId)
    // A coupon needs no fulfillment.
    expect(b!.data.fulfillment).toBeUndefined()
  })

  test('not enough points: the button says 积分不足 and the page says how many are missing', async () => {
    const { fake } = setup({ balance: 320 })
    setRouterParams({ id: 'mall-tote' })
    render(<MallItemPage />)
    await waitFor(() => expect(screen.getByTestId('redeem-button').textContent).toBe('积分不足'))
    expect(screen.getByTestId('redeem-problem').textContent).toContain('积分不足，还差 180 积分')
    fireEvent.click(screen.getByTestId('redeem-button'))
    expect(fake.callsOf('mall', 'redeem')).toHaveLength(0)
  })

  test('INSUFFICIENT_POINTS from the server (points spent elsewhere) is shown on the page and as a toast', async () => {
    const { fake } = setup()
    setRouterParams({ id: 'mall-tote' })
    render(<MallItemPage />)
    await waitFor(() => expect(screen.getByTestId('item-balance').textContent).toBe('1200'))
    await screen.findByText('私域生活馆 · 演示店')
    fake.handlers['mall.redeem'] = () => {
      throw fail('INSUFFICIENT_POINTS', '积分不足，需要 500 积分，当前 100 积分', { needed: 500, balance: 100 })
    }
    fireEvent.click(screen.getByTestId('redeem-button'))
    expect((await screen.findByTestId('redeem-problem')).textContent).toBe('积分不足，需要 500 积分，当前 100 积分')
    expect(jest.mocked(Taro.showToast)).toHaveBeenCalledWith(expect.objectContaining({ title: '积分不足，需要 500 积分，当前 100 积分', icon: 'none' }))
    expect(jest.mocked(Taro.redirectTo)).not.toHaveBeenCalled()
  })

  test('sold out and limit reached turn the button off', async () => {
    setup({ items: [GONE, goods('mall-limit', { redeemedByMe: 2, limitReached: true })] })
    setRouterParams({ id: 'mall-gone' })
    render(<MallItemPage />)
    await waitFor(() => expect(screen.getByTestId('redeem-button').textContent).toBe('已兑完'))
    cleanup()
    setRouterParams({ id: 'mall-limit' })
    render(<MallItemPage />)
    await waitFor(() => expect(screen.getByTestId('redeem-button').textContent).toBe('已达兑换上限'))
    expect(screen.getByText('每人限兑 2 件，已兑 2 件')).not.toBeNull()
  })

  test('delivery needs an address; points + cash goes through the pay sheet to the order page', async () => {
    const { fake, orders } = setup()
    setRouterParams({ id: 'mall-mug' })
    render(<MallItemPage />)
    await screen.findByText('陶瓷马克杯')
    await waitFor(() => expect(screen.getByTestId('item-balance').textContent).toBe('1200'))
    fireEvent.click(screen.getByText('快递配送'))
    fireEvent.click(screen.getByTestId('redeem-button'))
    // Inline, under each field, not a toast.
    expect(jest.mocked(Taro.showToast)).not.toHaveBeenCalled()
    expect((await screen.findByTestId('address-name-error')).textContent).toBe('请填写收货人')
    expect(screen.getByTestId('address-phone-error').textContent).toBe('请填写手机号')
    expect(screen.getByTestId('address-detail-error').textContent).toBe('请填写详细地址')
    fireEvent.change(screen.getByTestId('address-name'), { target: { value: '李四' } })
    fireEvent.change(screen.getByTestId('address-phone'), { target: { value: '13900139000' } })
    fireEvent.change(screen.getByTestId('address-region'), { target: { value: '上海市 静安区' } })
    fireEvent.change(screen.getByTestId('address-detail'), { target: { value: '南京西路 1 号' } })
    fireEvent.click(screen.getByTestId('redeem-button'))

    await screen.findByTestId('pay-sheet')
    expect(jest.mocked(Taro.showModal).mock.calls[0]![0]).toMatchObject({ content: expect.stringContaining('将使用 800 积分，并支付 ¥19.90兑换「陶瓷马克杯」') })
    expect(fake.callsOf('mall', 'redeem')[0]!.data).toMatchObject({
      fulfillment: { type: 'delivery', address: { name: '李四', phone: '13900139000', region: '上海市 静安区', detail: '南京西路 1 号' } }
    })
    expect(screen.getByTestId('pay-sheet-amount').textContent).toBe('¥19.90')
    fetchMock.mockImplementation(async () => {
      orders.settle('o-mall-mug', 'SUCCESS')
      return { ok: true, status: 200, json: async () => ({}) } as unknown as Response
    })
    fireEvent.click(screen.getByText('确认支付'))
    await waitFor(() => expect(jest.mocked(Taro.redirectTo)).toHaveBeenCalledWith({ url: '/packages/trade/order/index?id=o-mall-mug' }))
  })

  test('a guest is sent to join instead of redeeming', async () => {
    const { fake } = setup()
    fake.handlers['member.card'] = () => ({ joined: false, tiers: [], joinGift: { points: 100, couponTemplateId: null } })
    setRouterParams({ id: 'mall-tote' })
    render(<MallItemPage />)
    await waitFor(() => expect(screen.getByTestId('redeem-button').textContent).toBe('开通会员后兑换'))
    fireEvent.click(screen.getByTestId('redeem-button'))
    expect(jest.mocked(Taro.switchTab)).toHaveBeenCalledWith({ url: '/pages/member/index' })
    expect(fake.callsOf('mall', 'redeem')).toHaveLength(0)
  })

  test('an unknown item shows the empty state with the way back to the mall', async () => {
    setup()
    setRouterParams({ id: 'nope' })
    render(<MallItemPage />)
    await screen.findByText('兑换商品不存在')
    fireEvent.click(screen.getByText('去积分商城'))
    expect(jest.mocked(Taro.redirectTo)).toHaveBeenCalledWith({ url: '/packages/mall/index/index' })
  })
})

describe('积分商城: the result', () => {
  test('兑换成功 shows the points spent and links to the order', async () => {
    const { orders } = setup()
    orders.put(
      orderView('o-r1', 'PAID', {
        items: [orderItem('sku-mall', '定制帆布袋', '积分兑换', 0)],
        source: 'mall',
        mall: { itemId: 'mall-tote', kind: 'goods', pointsPrice: 500, cashPrice: 0, couponId: null }
      })
    )
    setRouterParams({ orderId: 'o-r1', points: '500' })
    render(<RedeemResultPage />)
    await screen.findByText('兑换成功')
    expect(screen.getByTestId('redeem-result-points').textContent).toBe('已使用 500 积分')
    expect(screen.getByText('定制帆布袋')).not.toBeNull()
    expect(screen.getByText('已支付')).not.toBeNull()
    fireEvent.click(screen.getByTestId('result-order'))
    expect(jest.mocked(Taro.redirectTo)).toHaveBeenCalledWith({ url: '/packages/trade/order/index?id=o-r1' })
  })

  test('showing the mall again reads the balance again', async () => {
    const { fake } = setup()
    render(<MallPage />)
    await screen.findByTestId('mall-item-mall-tote')
    const before = fake.callsOf('member', 'card').length
    await act(async () => trigger('didShow'))
    await waitFor(() => expect(fake.callsOf('member', 'card').length).toBe(before + 1))
  })
})
