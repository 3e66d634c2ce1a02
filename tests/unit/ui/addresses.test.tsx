/** @jest-environment jsdom */
import { afterEach, describe, expect, jest, test } from '@jest/globals'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import AddressFormPage from '../../../src/packages/trade/address-form'
import AddressesPage from '../../../src/packages/trade/addresses'
import PayResultPage from '../../../src/packages/trade/pay-result'
import { createFakeOrders, orderView } from '../../mocks/fake-orders'
import { createFakeTransport, fail } from '../../mocks/fake-transport'
import { setRouterParams } from '../../mocks/taro'

function server() {
  const orders = createFakeOrders()
  orders.putAddress({ addressId: 'ad_home', name: '张三', phone: '13800138000', region: '上海市 徐汇区', regionCode: '310104', detail: '漕溪北路 88 号', isDefault: true })
  orders.putAddress({ addressId: 'ad_work', name: '李四', phone: '13900139000', region: '上海市 静安区', detail: '南京西路 1 号' })
  return orders
}

afterEach(() => {
  cleanup()
  jest.clearAllMocks()
  jest.mocked(Taro.setStorageSync).mockReset()
})

describe('收货地址 (address book)', () => {
  test('lists the default first; 设为默认, 删除 (asked first), 编辑 and 新增', async () => {
    const orders = server()
    const fake = createFakeTransport(orders.handlers)
    setTransport(fake.transport)
    setRouterParams({})
    render(<AddressesPage />)
    const home = await screen.findByTestId('address-item-ad_home')
    expect(home.textContent).toContain('默认')
    expect(screen.getAllByTestId(/^address-item-/).map((el) => el.getAttribute('data-testid'))).toEqual(['address-item-ad_home', 'address-item-ad_work'])
    fireEvent.click(screen.getByTestId('address-default-ad_work'))
    await waitFor(() => expect(screen.getAllByTestId(/^address-item-/)[0]!.getAttribute('data-testid')).toBe('address-item-ad_work'))
    fireEvent.click(screen.getByTestId('address-delete-ad_home'))
    await waitFor(() => expect(screen.queryByTestId('address-item-ad_home')).toBeNull())
    expect(jest.mocked(Taro.showModal)).toHaveBeenCalledWith(expect.objectContaining({ title: '删除地址' }))
    fireEvent.click(screen.getByTestId('address-edit-ad_work'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenLastCalledWith({ url: '/packages/trade/address-form/index?id=ad_work' })
    fireEvent.click(screen.getByTestId('address-add'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenLastCalledWith({ url: '/packages/trade/address-form/index' })
  })

  test('opened from the checkout, a tap picks the address and goes back', async () => {
    setTransport(createFakeTransport(server().handlers).transport)
    setRouterParams({ select: '1', selected: 'ad_home' })
    render(<AddressesPage />)
    expect((await screen.findByTestId('address-item-ad_home')).className).toContain('addresses__item--on')
    fireEvent.click(within(screen.getByTestId('address-item-ad_work')).getByText('李四'))
    expect(jest.mocked(Taro.setStorageSync)).toHaveBeenCalledWith('siyu.checkout.pickedAddress', 'ad_work')
    expect(jest.mocked(Taro.navigateBack)).toHaveBeenCalled()
  })

  test('no addresses yet: the empty state offers 新增收货地址', async () => {
    setTransport(createFakeTransport(createFakeOrders().handlers).transport)
    setRouterParams({})
    render(<AddressesPage />)
    fireEvent.click(await screen.findByText('新增收货地址'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenLastCalledWith({ url: '/packages/trade/address-form/index' })
  })
})

describe('新增 / 编辑收货地址', () => {
  test('a new address: inline errors, the region picker, 设为默认, saved once and back', async () => {
    const orders = createFakeOrders()
    const fake = createFakeTransport(orders.handlers)
    setTransport(fake.transport)
    setRouterParams({})
    render(<AddressFormPage />)
    fireEvent.change(await screen.findByTestId('address-phone'), { target: { value: '12345' } })
    fireEvent.click(screen.getByTestId('address-save'))
    expect(screen.getByTestId('address-phone-error').textContent).toBe('请填写 11 位手机号')
    expect(screen.getByTestId('address-region-error').textContent).toBe('请选择所在地区')
    expect(fake.callsOf('order', 'saveAddress')).toHaveLength(0)

    fireEvent.change(screen.getByTestId('address-name'), { target: { value: '王五' } })
    fireEvent.change(screen.getByTestId('address-phone'), { target: { value: '13700137000' } })
    fireEvent.change(screen.getByTestId('address-detail'), { target: { value: '中山路 1 号' } })
    fireEvent.click(screen.getByTestId('address-region'))
    fireEvent.click(await screen.findByTestId('region-option-广东省'))
    fireEvent.click(screen.getByTestId('region-option-广州市'))
    fireEvent.click(screen.getByTestId('region-option-天河区'))
    fireEvent.click(screen.getByTestId('address-default-toggle'))
    fireEvent.click(screen.getByTestId('address-save'))
    await waitFor(() => expect(jest.mocked(Taro.navigateBack)).toHaveBeenCalled())
    expect(fake.callsOf('order', 'saveAddress')[0]!.data).toMatchObject({ name: '王五', phone: '13700137000', region: '广东省 广州市 天河区', regionCode: '440106', detail: '中山路 1 号', isDefault: true })
    expect(orders.addressBook().items).toHaveLength(1)
  })

  test('editing: the address is read, the region picker opens at its county, the server field error shows inline', async () => {
    const orders = server()
    const fake = createFakeTransport({
      ...orders.handlers,
      'order.saveAddress': () => {
        throw fail('INVALID_ARGUMENT', '请求参数不正确', { fields: [{ path: 'detail', message: '不能包含文字方向控制符' }] })
      }
    })
    setTransport(fake.transport)
    setRouterParams({ id: 'ad_home' })
    render(<AddressFormPage />)
    await waitFor(() => expect((screen.getByTestId('address-name') as HTMLInputElement).value).toBe('张三'))
    fireEvent.click(screen.getByTestId('address-region'))
    const picker = await screen.findByTestId('region-picker')
    expect(within(picker).getByTestId('region-tab-2').textContent).toBe('徐汇区')
    fireEvent.click(within(picker).getByTestId('region-picker-close'))
    fireEvent.click(screen.getByTestId('address-save'))
    expect((await screen.findByTestId('address-detail-error')).textContent).toBe('不能包含文字方向控制符')
    expect(fake.callsOf('order', 'saveAddress')[0]!.data).toMatchObject({ addressId: 'ad_home', regionCode: '310104' })
  })
})

describe('支付成功', () => {
  const pickup = { type: 'pickup' as const, storeId: 'store-demo', storeName: '私域生活馆 · 演示店', pickupCode: '12345678' }

  test('amount, points earned, the order number, the pickup code, 查看订单 and 继续购物', async () => {
    const orders = createFakeOrders()
    orders.put(orderView('o1', 'READY_FOR_PICKUP', { fulfillment: pickup, orderNo: '20261125-0042' }))
    setTransport(
      createFakeTransport({
        ...orders.handlers,
        'points.ledger': () => ({ items: [{ id: 'earn:o1', kind: 'earn', label: '消费', delta: 68, balanceAfter: 168, note: '', createdAt: 0, expiresOn: null, shortfall: 0 }], nextCursor: null })
      }).transport
    )
    setRouterParams({ id: 'o1' })
    render(<PayResultPage />)
    expect(await screen.findByText('支付成功')).toBeTruthy()
    expect(screen.getByTestId('pay-result-amount').textContent).toBe('¥76.00')
    expect(screen.getByTestId('pay-result-points').textContent).toBe('本单获得 68 积分')
    expect(screen.getByTestId('pay-result-order-no').textContent).toBe('20261125-0042')
    expect(screen.getByTestId('pay-result-pickup').textContent).toContain('1234 5678')
    fireEvent.click(screen.getByTestId('pay-result-order'))
    expect(jest.mocked(Taro.redirectTo)).toHaveBeenLastCalledWith({ url: '/packages/trade/order/index?id=o1' })
    fireEvent.click(screen.getByTestId('pay-result-continue'))
    expect(jest.mocked(Taro.switchTab)).toHaveBeenLastCalledWith({ url: '/pages/home/index' })
  })

  test('not a member: no points line; a failing ledger does not hide the result', async () => {
    const orders = createFakeOrders()
    orders.put(orderView('o1', 'PAID'))
    setTransport(createFakeTransport({ ...orders.handlers, 'points.ledger': () => { throw fail('NOT_A_MEMBER', '请先加入会员') } }).transport)
    setRouterParams({ id: 'o1' })
    render(<PayResultPage />)
    expect(await screen.findByText('支付成功')).toBeTruthy()
    expect(screen.queryByTestId('pay-result-points')).toBeNull()
    expect(screen.queryByTestId('pay-result-pickup')).toBeNull()
  })
})
