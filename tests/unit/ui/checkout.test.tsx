/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import CheckoutPage from '../../../src/packages/trade/checkout'
import { useCartStore } from '../../../src/stores/cart'
import { OOLONG } from '../../mocks/catalog-fixtures'
import { createFakeCart } from '../../mocks/fake-cart'
import { createFakeOrders } from '../../mocks/fake-orders'
import { createFakeTransport, fail } from '../../mocks/fake-transport'
import { setRouterParams, trigger } from '../../mocks/taro'

const ADDRESS = { name: '张三', phone: '13800138000', region: '上海市 徐汇区', detail: '漕溪北路 88 号' }

function setup(params: Record<string, string>, options: { savedAddress?: boolean } = {}) {
  const cart = createFakeCart([OOLONG])
  cart.put('sku-oolong-100', 2)
  cart.put('sku-oolong-250', 1)
  const orders = createFakeOrders()
  const fake = createFakeTransport({ ...cart.handlers, ...orders.handlers, 'catalog.productDetail': () => OOLONG })
  setTransport(fake.transport)
  jest.mocked(Taro.getStorageSync).mockImplementation(((key: string) => (options.savedAddress && key === 'siyu.checkout.address' ? ADDRESS : '')) as typeof Taro.getStorageSync)
  setRouterParams(params)
  render(<CheckoutPage />)
  return { fake, orders }
}

const BUY_ONE = { source: 'buyNow', productId: 'p-oolong', skuId: 'sku-oolong-100', quantity: '1' }
const payable = () => within(screen.getByTestId('order-amounts')).getAllByText(/^¥/).pop()!.textContent

let fetchMock: jest.Mock<(url: string, init?: { body?: string }) => Promise<Response>>

beforeEach(() => {
  act(() => useCartStore.getState().reset())
  fetchMock = jest.fn(async () => ({ ok: true, status: 200, json: async () => ({}) }) as unknown as Response)
  ;(globalThis as { fetch: unknown }).fetch = fetchMock
})
afterEach(() => {
  cleanup()
  jest.clearAllMocks()
  jest.mocked(Taro.getStorageSync).mockReset()
})

describe('checkout: the server prices the order', () => {
  test('cart lines picked up at the store: quote with pickup, store name, no shipping, payable', async () => {
    const { fake } = setup({ source: 'cart', skuIds: 'sku-oolong-100,sku-oolong-250' })
    // Delivery is quoted before the address is complete (amounts and coupons show at once), without an address.
    await waitFor(() => expect(payable()).toBe('¥294.00'))
    expect(fake.callsOf('order', 'quote').pop()!.data).toMatchObject({ fulfillment: { type: 'delivery' } })
    expect((fake.callsOf('order', 'quote').pop()!.data as { fulfillment: { address?: unknown } }).fulfillment.address).toBeUndefined()

    fireEvent.click(screen.getByText('到店自提'))
    // The store picker shows the first store (no earlier choice, no location), then the quote follows.
    await screen.findByText('私域生活馆 · 演示店')
    await screen.findByText('到店自提 免运费')
    expect(fake.callsOf('order', 'quote').pop()!.data).toEqual({
      items: [
        { skuId: 'sku-oolong-250', quantity: 1 },
        { skuId: 'sku-oolong-100', quantity: 2 }
      ],
      fulfillment: { type: 'pickup', storeId: 'store-demo' }
    })
    expect(screen.getByText('到店自提 免运费')).not.toBeNull()
    expect(payable()).toBe('¥294.00')
  })

  test('delivery to the remembered address: shipping and payable come from the quote', async () => {
    const { fake } = setup(BUY_ONE, { savedAddress: true })
    await waitFor(() => expect(payable()).toBe('¥76.00'))
    expect((screen.getByTestId('address-name') as HTMLInputElement).value).toBe('张三')
    expect(screen.getByText('¥8.00')).not.toBeNull()
    expect(fake.callsOf('order', 'quote').pop()!.data).toEqual({
      items: [{ skuId: 'sku-oolong-100', quantity: 1 }],
      fulfillment: { type: 'delivery', address: ADDRESS }
    })
  })

  test('an incomplete address: each field says what it lacks, inline, no toast, nothing is ordered', async () => {
    const { fake } = setup(BUY_ONE)
    await waitFor(() => expect(payable()).toBe('¥76.00'))
    expect(screen.queryByTestId('address-name-error')).toBeNull()
    fireEvent.change(screen.getByTestId('address-phone'), { target: { value: '12345' } })
    fireEvent.click(screen.getByText('提交订单'))
    expect(screen.getByTestId('address-name-error').textContent).toBe('请填写收货人')
    expect(screen.getByTestId('address-phone-error').textContent).toBe('请填写 11 位手机号')
    expect(screen.getByTestId('address-region-error').textContent).toBe('请选择所在地区')
    expect(screen.getByTestId('address-detail-error').textContent).toBe('请填写详细地址')
    expect(jest.mocked(Taro.showToast)).not.toHaveBeenCalled()
    expect(fake.callsOf('order', 'create')).toHaveLength(0)
    // Fixing a field clears its error.
    fireEvent.change(screen.getByTestId('address-phone'), { target: { value: '13800138000' } })
    expect(screen.queryByTestId('address-phone-error')).toBeNull()
  })

  test('the region is picked 省 → 市 → 区 from the area data, then the order goes through', async () => {
    const { fake } = setup(BUY_ONE)
    await waitFor(() => expect(payable()).toBe('¥76.00'))
    fireEvent.change(screen.getByTestId('address-name'), { target: { value: '张三' } })
    fireEvent.change(screen.getByTestId('address-phone'), { target: { value: '13800138000' } })
    fireEvent.change(screen.getByTestId('address-detail'), { target: { value: '漕溪北路 88 号' } })
    fireEvent.click(screen.getByTestId('address-region'))
    const picker = await screen.findByTestId('region-picker')
    expect(within(picker).getByText('北京市')).toBeTruthy()
    fireEvent.click(within(picker).getByTestId('region-option-浙江省'))
    fireEvent.click(within(picker).getByTestId('region-option-杭州市'))
    fireEvent.click(within(picker).getByTestId('region-option-西湖区'))
    expect(screen.queryByTestId('region-picker')).toBeNull()
    expect(screen.getByTestId('address-region').textContent).toContain('浙江省 杭州市 西湖区')
    await waitFor(() => expect((fake.callsOf('order', 'quote').pop()!.data as { fulfillment: { address?: unknown } }).fulfillment.address).toEqual({ name: '张三', phone: '13800138000', region: '浙江省 杭州市 西湖区', detail: '漕溪北路 88 号' }))
    fireEvent.click(screen.getByTestId('checkout-submit'))
    await screen.findByTestId('pay-sheet')
    // A first address typed at checkout goes into the address book as the default.
    await waitFor(() => expect(fake.callsOf('order', 'saveAddress')[0]!.data).toMatchObject({ name: '张三', region: '浙江省 杭州市 西湖区', isDefault: true }))
  })

  test('a municipality is not named twice: 上海市 徐汇区', async () => {
    setup(BUY_ONE)
    await waitFor(() => expect(payable()).toBe('¥76.00'))
    fireEvent.click(screen.getByTestId('address-region'))
    const picker = await screen.findByTestId('region-picker')
    fireEvent.click(within(picker).getByTestId('region-option-上海市'))
    fireEvent.click(within(picker).getByTestId('region-option-上海市'))
    fireEvent.click(within(picker).getByTestId('region-option-徐汇区'))
    expect(screen.getByTestId('address-region').textContent).toContain('上海市 徐汇区')
  })

  test('with saved addresses the default is used, and another can be picked from the address book', async () => {
    const cart = createFakeCart([OOLONG])
    const orders = createFakeOrders()
    orders.putAddress({ addressId: 'ad_home', name: '张三', phone: '13800138000', region: '上海市 徐汇区', detail: '漕溪北路 88 号', isDefault: true })
    orders.putAddress({ addressId: 'ad_work', name: '李四', phone: '13900139000', region: '上海市 静安区', detail: '南京西路 1 号' })
    const fake = createFakeTransport({ ...cart.handlers, ...orders.handlers, 'catalog.productDetail': () => OOLONG })
    setTransport(fake.transport)
    setRouterParams(BUY_ONE)
    render(<CheckoutPage />)
    const card = await screen.findByTestId('checkout-address')
    expect(card.textContent).toContain('张三')
    expect(card.textContent).toContain('默认')
    expect(screen.queryByTestId('address-name')).toBeNull()
    await waitFor(() => expect((fake.callsOf('order', 'quote').pop()!.data as { fulfillment: { address?: unknown } }).fulfillment.address).toMatchObject({ name: '张三' }))
    fireEvent.click(card)
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenLastCalledWith({ url: '/packages/trade/addresses/index?select=1&selected=ad_home' })
    // The address book hands back 李四's address; the checkout reads it when shown again.
    jest.mocked(Taro.getStorageSync).mockImplementation(((key: string) => (key === 'siyu.checkout.pickedAddress' ? 'ad_work' : '')) as typeof Taro.getStorageSync)
    act(() => trigger('didShow'))
    await waitFor(() => expect(screen.getByTestId('checkout-address').textContent).toContain('李四'))
    await waitFor(() => expect((fake.callsOf('order', 'quote').pop()!.data as { fulfillment: { address?: unknown } }).fulfillment.address).toMatchObject({ name: '李四', phone: '13900139000' }))
    fireEvent.click(screen.getByTestId('checkout-submit'))
    await screen.findByTestId('pay-sheet')
    expect((fake.callsOf('order', 'create')[0]!.data as { fulfillment: { address?: unknown } }).fulfillment.address).toMatchObject({ name: '李四' })
    expect(fake.callsOf('order', 'saveAddress')).toHaveLength(0)
  })

  test('the coupon row shows before the address is complete', async () => {
    const { fake } = setup(BUY_ONE)
    await screen.findByTestId('checkout-coupon')
    expect(screen.getByTestId('address-name')).toBeTruthy()
    expect(fake.callsOf('order', 'create')).toHaveLength(0)
  })
})

describe('checkout: submit', () => {
  test('buying now from a live room attributes the order to the room', async () => {
    const { fake } = setup({ ...BUY_ONE, liveRoomId: 'room-1' }, { savedAddress: true })
    await waitFor(() => expect(payable()).toBe('¥76.00'))
    act(() => screen.getByTestId('checkout-submit').click())
    await screen.findByTestId('pay-sheet')
    expect(fake.callsOf('order', 'create')[0]!.data).toMatchObject({ source: 'buyNow', liveRoomId: 'room-1' })
  })

  test('a double tap creates one order, then the pay sheet pays it and the order page opens', async () => {
    const { fake, orders } = setup(BUY_ONE, { savedAddress: true })
    await waitFor(() => expect(payable()).toBe('¥76.00'))
    fireEvent.change(screen.getByTestId('checkout-remark'), { target: { value: '少放冰' } })
    const submit = screen.getByTestId('checkout-submit')
    // Both taps land before React re-renders the disabled button.
    act(() => {
      submit.click()
      submit.click()
    })
    await screen.findByTestId('pay-sheet')
    expect(fake.callsOf('order', 'create')).toHaveLength(1)
    expect(fake.callsOf('order', 'create')[0]!.data).toMatchObject({ source: 'buyNow', remark: '少放冰', fulfillment: { type: 'delivery', address: ADDRESS } })
    expect(jest.mocked(Taro.setStorageSync)).toHaveBeenCalledWith('siyu.checkout.address', ADDRESS)

    fetchMock.mockImplementation(async () => {
      orders.settle('o1', 'SUCCESS')
      return { ok: true, status: 200, json: async () => ({}) } as unknown as Response
    })
    fireEvent.click(screen.getByText('确认支付'))
    await waitFor(() => expect(jest.mocked(Taro.redirectTo)).toHaveBeenCalledWith({ url: '/packages/trade/pay-result/index?id=o1' }))
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/dev/pay/o1')
    expect(fake.callsOf('order', 'pay')).toHaveLength(1)
  })

  test('a retry after a failed submit sends the same requestId', async () => {
    const { fake, orders } = setup(BUY_ONE, { savedAddress: true })
    const create = orders.handlers['order.create']!
    let first = true
    orders.handlers['order.create'] = (input) => {
      if (first) {
        first = false
        throw fail('INTERNAL', '服务繁忙，请稍后再试')
      }
      return create(input)
    }
    fake.handlers['order.create'] = orders.handlers['order.create']
    await waitFor(() => expect(payable()).toBe('¥76.00'))
    fireEvent.click(screen.getByTestId('checkout-submit'))
    await waitFor(() => expect(jest.mocked(Taro.showToast)).toHaveBeenCalledWith(expect.objectContaining({ title: '服务繁忙，请稍后再试' })))
    fireEvent.click(screen.getByTestId('checkout-submit'))
    await screen.findByTestId('pay-sheet')
    const [a, b] = fake.callsOf('order', 'create')
    expect(a!.data.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(b!.data.requestId).toBe(a!.data.requestId)
  })

  test('取消 on the pay sheet leaves the order unpaid and opens its page', async () => {
    setup(BUY_ONE, { savedAddress: true })
    await waitFor(() => expect(payable()).toBe('¥76.00'))
    fireEvent.click(screen.getByTestId('checkout-submit'))
    await screen.findByTestId('pay-sheet')
    fireEvent.click(screen.getByText('取消'))
    expect(jest.mocked(Taro.redirectTo)).toHaveBeenCalledWith({ url: '/packages/trade/order/index?id=o1' })
    expect(fetchMock).not.toHaveBeenCalled()
  })

  test('backing out of the page with the pay sheet open lands on the unpaid order', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] })
    try {
      setup(BUY_ONE, { savedAddress: true })
      await waitFor(() => expect(payable()).toBe('¥76.00'))
      fireEvent.click(screen.getByTestId('checkout-submit'))
      await screen.findByTestId('pay-sheet')
      // The browser's back unloads the checkout while the sheet is up.
      cleanup()
      act(() => jest.runOnlyPendingTimers())
      expect(jest.mocked(Taro.navigateTo)).toHaveBeenLastCalledWith({ url: '/packages/trade/order/index?id=o1' })
    } finally {
      jest.useRealTimers()
    }
  })
})

describe('checkout: OUT_OF_STOCK', () => {
  test('a quote over the stock names the item, blocks submit and leads back', async () => {
    const { fake } = setup({ ...BUY_ONE, quantity: '4' }, { savedAddress: true })
    const alert = await screen.findByTestId('stock-alert')
    expect(alert.textContent).toContain('「100g 罐装」库存不足，仅剩 3 件')
    expect(within(screen.getByTestId('order-item-sku-oolong-100')).getByText('库存不足')).not.toBeNull()
    expect((screen.getByTestId('checkout-submit') as HTMLButtonElement).disabled).toBe(true)
    fireEvent.click(screen.getByText('返回修改'))
    expect(jest.mocked(Taro.navigateBack)).toHaveBeenCalled()
    expect(fake.callsOf('order', 'create')).toHaveLength(0)
  })

  test('stock gone by the time of create: the item is flagged and no payment starts', async () => {
    const { fake, orders } = setup({ source: 'cart', skuIds: 'sku-oolong-100,sku-oolong-250' }, { savedAddress: true })
    let soldOut = false
    const quote = orders.handlers['order.quote']!
    fake.handlers['order.quote'] = (input) => {
      if (soldOut) throw fail('OUT_OF_STOCK', '「250g 礼盒」库存不足，仅剩 0 件', { skuId: 'sku-oolong-250', available: 0 })
      return quote(input)
    }
    fake.handlers['order.create'] = () => {
      soldOut = true
      throw fail('OUT_OF_STOCK', '「250g 礼盒」库存不足，仅剩 0 件', { skuId: 'sku-oolong-250', available: 0 })
    }
    await waitFor(() => expect(payable()).toBe('¥294.00'))
    fireEvent.click(screen.getByTestId('checkout-submit'))
    const alert = await screen.findByTestId('stock-alert')
    expect(alert.textContent).toContain('「250g 礼盒」库存不足')
    expect(within(screen.getByTestId('order-item-sku-oolong-250')).getByText('库存不足')).not.toBeNull()
    await waitFor(() => expect(fake.callsOf('order', 'quote').length).toBeGreaterThan(1))
    expect(screen.getByTestId('stock-alert')).not.toBeNull()
    expect(fake.callsOf('order', 'pay')).toHaveLength(0)
    expect(screen.queryByTestId('pay-sheet')).toBeNull()
  })
})

describe('checkout: loading and empty', () => {
  test('buy now without a product id reads the line from a quote; over the stock it leads back', async () => {
    setup({ source: 'buyNow', skuId: 'sku-oolong-100', quantity: '4' })
    await screen.findByText('「100g 罐装」库存不足，仅剩 3 件')
    fireEvent.click(screen.getByText('返回修改'))
    expect(jest.mocked(Taro.navigateBack)).toHaveBeenCalled()
  })

  test('buy now without a product id shows the quoted line', async () => {
    setup({ source: 'buyNow', skuId: 'sku-oolong-250', quantity: '1' })
    await screen.findByText('250g 礼盒')
    expect(screen.getByText('冻顶乌龙')).not.toBeNull()
  })

  test('nothing to check out shows the empty state', async () => {
    setup({ source: 'cart', skuIds: 'sku-gone' })
    await screen.findByText('所选商品已不在购物车中或暂不可购买')
    fireEvent.click(screen.getByText('返回购物车'))
    expect(jest.mocked(Taro.switchTab)).toHaveBeenCalledWith({ url: '/pages/cart/index' })
  })

  test('a failed load shows the error with a retry', async () => {
    const { fake } = setup(BUY_ONE)
    // The first productDetail answered already; make the retry path observable.
    await screen.findByTestId('address-name')
    fake.handlers['catalog.productDetail'] = () => {
      throw fail('PRODUCT_NOT_FOUND', '商品不存在')
    }
    cleanup()
    render(<CheckoutPage />)
    await screen.findByText('商品不存在')
    fake.handlers['catalog.productDetail'] = () => OOLONG
    fireEvent.click(screen.getByText('重试'))
    await screen.findByTestId('address-name')
  })
})
