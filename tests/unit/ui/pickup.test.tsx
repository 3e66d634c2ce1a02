/** @jest-environment jsdom */
/**
 * Issue 9, items 10 and 11 on screen: the shared store picker (name, address,
 * hours; distance only when the location is granted; the choice remembered)
 * and the order page's pickup card (取货码, QR, the store's details).
 */
import { afterEach, describe, expect, jest, test } from '@jest/globals'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import StorePicker, { usePickupStores } from '../../../src/components/store-picker'
import OrderPage from '../../../src/packages/trade/order'
import CheckoutPage from '../../../src/packages/trade/checkout'
import StaffScanPage from '../../../src/packages/staff/scan'
import { OOLONG } from '../../mocks/catalog-fixtures'
import { createFakeOrders, orderView, PICKUP_STORES } from '../../mocks/fake-orders'
import { createFakeTransport, fail } from '../../mocks/fake-transport'
import { setRouterParams } from '../../mocks/taro'

/** Near 静安寺 (about 0.3 km from it, 3.9 km from the demo store). */
const NEAR_JINGAN = { latitude: 31.2245, longitude: 121.4488 }

function Picker() {
  const pickup = usePickupStores(true)
  return (
    <>
      <StorePicker pickup={pickup} note='支付后凭取货码到店取货' />
      <Text data-testid='chosen-id'>{pickup.chosen?.storeId ?? ''}</Text>
    </>
  )
}

function renderPicker() {
  const fake = createFakeTransport({ 'catalog.pickupStores': () => ({ stores: PICKUP_STORES }) })
  setTransport(fake.transport)
  render(<Picker />)
  return fake
}

const chosenId = () => screen.getByTestId('chosen-id').textContent

afterEach(() => {
  cleanup()
  jest.clearAllMocks()
  jest.mocked(Taro.getStorageSync).mockReset()
})

describe('store picker', () => {
  test('without location: the shop’s first store, its address and hours, no distance; 更换门店 lists every store and remembers the choice', async () => {
    renderPicker()
    await screen.findByText('私域生活馆 · 演示店')
    expect(chosenId()).toBe('store-demo')
    const chosen = screen.getByTestId('pickup-store-chosen')
    expect(chosen.textContent).toContain('上海市徐汇区漕溪北路 88 号 1 层')
    expect(chosen.textContent).toContain('营业 09:00–21:30')
    expect(chosen.textContent).not.toContain('距你')

    fireEvent.click(screen.getByTestId('pickup-store-change'))
    const sheet = screen.getByTestId('store-sheet')
    expect(within(sheet).getByText('允许获取位置后，可查看各门店离你的距离')).not.toBeNull()
    const jingan = within(sheet).getByTestId('store-option-store-jingan')
    expect(jingan.textContent).toContain('上海市静安区南京西路 1601 号 B1 层 B1-12')
    expect(jingan.textContent).toContain('营业 10:00–22:00')
    expect(jingan.textContent).toContain('电话 021-6288-1601')
    expect(sheet.textContent).not.toContain('距你')

    fireEvent.click(jingan)
    expect(screen.queryByTestId('store-sheet')).toBeNull()
    expect(chosenId()).toBe('store-jingan')
    expect(screen.getByTestId('pickup-store-name').textContent).toBe('私域生活馆 · 静安寺店')
    expect(jest.mocked(Taro.setStorageSync)).toHaveBeenCalledWith('siyu.pickupStore', 'store-jingan')
  })

  test('with location: nearest first and chosen, marked 离你最近, every store with its distance', async () => {
    jest.mocked(Taro.getLocation).mockResolvedValueOnce({ ...NEAR_JINGAN, errMsg: 'getLocation:ok' } as never)
    renderPicker()
    await waitFor(() => expect(chosenId()).toBe('store-jingan'))
    expect(screen.getByTestId('pickup-store-chosen').textContent).toMatch(/距你 \d+m/)
    // Not weapp here: the browser's coordinate system.
    expect(jest.mocked(Taro.getLocation)).toHaveBeenCalledWith({ type: 'wgs84' })

    fireEvent.click(screen.getByTestId('pickup-store-change'))
    const options = screen.getAllByTestId(/^store-option-/)
    expect(options.map((o) => o.getAttribute('data-testid'))).toEqual(['store-option-store-jingan', 'store-option-store-demo'])
    expect(options[0]!.textContent).toContain('离你最近')
    expect(options[1]!.textContent).toMatch(/距你 3\.9km/)
    expect(screen.queryByText('允许获取位置后，可查看各门店离你的距离')).toBeNull()
  })

  test('the store chosen last time is chosen again', async () => {
    jest.mocked(Taro.getStorageSync).mockImplementation(((key: string) => (key === 'siyu.pickupStore' ? 'store-jingan' : '')) as typeof Taro.getStorageSync)
    renderPicker()
    await waitFor(() => expect(chosenId()).toBe('store-jingan'))
  })

  test('checkout sends the chosen store in the quote and the order', async () => {
    const orders = createFakeOrders()
    const fake = createFakeTransport({ ...orders.handlers, 'catalog.productDetail': () => OOLONG })
    setTransport(fake.transport)
    setRouterParams({ source: 'buyNow', productId: 'p-oolong', skuId: 'sku-oolong-100', quantity: '1' })
    render(<CheckoutPage />)
    fireEvent.click(await screen.findByText('到店自提'))
    fireEvent.click(await screen.findByTestId('pickup-store-change'))
    fireEvent.click(screen.getByTestId('store-option-store-jingan'))
    await waitFor(() => expect(fake.callsOf('order', 'quote').pop()?.data.fulfillment).toEqual({ type: 'pickup', storeId: 'store-jingan' }))
    await screen.findByText('到店自提 免运费')
    fireEvent.click(screen.getByTestId('checkout-submit'))
    await waitFor(() => expect(fake.callsOf('order', 'create')).toHaveLength(1))
    expect(fake.callsOf('order', 'create')[0]!.data.fulfillment).toEqual({ type: 'pickup', storeId: 'store-jingan' })
  })
})

describe('order page: the pickup card', () => {
  const pickupOrder = (status: 'PENDING_PAYMENT' | 'READY_FOR_PICKUP' | 'COMPLETED') =>
    orderView('o-pick', status, {
      fulfillment: { type: 'pickup', storeId: 'store-jingan', storeName: '私域生活馆 · 静安寺店', pickupCode: '12345678' },
      pickupStore: PICKUP_STORES[1]!,
      amounts: { itemsTotal: 6800, discount: 0, shippingFee: 0, payable: 6800 }
    })

  function renderOrder(status: 'PENDING_PAYMENT' | 'READY_FOR_PICKUP' | 'COMPLETED') {
    const server = createFakeOrders({ now: () => Date.now() })
    server.put(pickupOrder(status))
    setTransport(createFakeTransport(server.handlers).transport)
    setRouterParams({ id: 'o-pick' })
    render(<OrderPage />)
  }

  test('ready for pickup: the 取货码 in fours, its QR, and the store’s name, address, hours and phone', async () => {
    renderOrder('READY_FOR_PICKUP')
    const card = await screen.findByTestId('pickup-card')
    expect(screen.getByTestId('pickup-code').textContent).toBe('1234 5678')
    expect(screen.getByTestId('pickup-qr').tagName.toLowerCase()).toBe('svg')
    expect(card.textContent).toContain('请到店向店员出示取货码或二维码')
    const store = screen.getByTestId('pickup-card-store')
    expect(store.textContent).toContain('私域生活馆 · 静安寺店')
    expect(store.textContent).toContain('上海市静安区南京西路 1601 号 B1 层 B1-12')
    expect(store.textContent).toContain('营业时间 10:00–22:00')
    fireEvent.click(within(store).getByText('门店电话 021-6288-1601'))
    expect(jest.mocked(Taro.makePhoneCall)).toHaveBeenCalledWith({ phoneNumber: '021-6288-1601' })
  })

  test('unpaid: no code yet, only the store; completed: the code greyed as used, no QR to scan', async () => {
    renderOrder('PENDING_PAYMENT')
    const card = await screen.findByTestId('pickup-card')
    expect(card.textContent).toContain('支付后生成取货码')
    expect(screen.queryByTestId('pickup-code')).toBeNull()
    expect(screen.getByTestId('pickup-card-store').textContent).toContain('私域生活馆 · 静安寺店')
    cleanup()

    renderOrder('COMPLETED')
    await screen.findByTestId('pickup-card')
    expect(screen.getByTestId('pickup-code').textContent).toBe('1234 5678')
    expect(screen.getByText('已取货，取货码已失效')).not.toBeNull()
    expect(screen.queryByTestId('pickup-qr')).toBeNull()
  })
})

describe('staff scanner: the pickup panel', () => {
  const PICKUP = {
    orderId: 'g_0000000000000000000a',
    status: 'READY_FOR_PICKUP',
    storeId: 's1',
    pickupCode: '87654321',
    items: [{ name: '草莓', skuName: '500g', quantity: 1 }],
    payable: 2990,
    createdAt: Date.UTC(2026, 10, 25, 2, 0),
    nickname: '小思'
  }

  function setupStaff() {
    const fake = createFakeTransport({
      'staff.myStores': () => ({ stores: [{ storeId: 's1', name: '徐汇店' }] }),
      'staff.scan': ({ code }: { code: string }) => {
        if (code === '87654321') return { kind: 'pickup', order: PICKUP, atThisStore: true, verifiable: true }
        throw fail('PICKUP_WRONG_STORE', '该订单需到「私域生活馆 · 静安寺店」自提，不能在本门店核销', { pickupStoreName: '私域生活馆 · 静安寺店' })
      },
      'staff.verifyPickup': () => ({ order: { ...PICKUP, status: 'COMPLETED' }, verifiedNow: true })
    })
    setTransport(fake.transport)
    render(<StaffScanPage />)
    return fake
  }
  const typeCode = (code: string) => {
    fireEvent.change(screen.getByTestId('staff-code-input'), { target: { value: code } })
    fireEvent.click(screen.getByTestId('staff-code-submit'))
  }

  test('a typed 取货码 of a group-buy order: its code and lines, then 确认核销 by its order id', async () => {
    const fake = setupStaff()
    await screen.findByText('徐汇店')
    typeCode('87654321')
    expect((await screen.findByTestId('staff-pickup-code')).textContent).toBe('取货码：8765 4321')
    fireEvent.click(screen.getByTestId('staff-verify-pickup'))
    await screen.findByTestId('staff-pickup-done')
    expect(fake.callsOf('staff', 'verifyPickup')[0]!.data).toEqual({ orderId: 'g_0000000000000000000a', storeId: 's1' })
  })

  test('another store’s order: only where the customer should go', async () => {
    setupStaff()
    await screen.findByText('徐汇店')
    typeCode('11112222')
    await screen.findByText('该订单需到「私域生活馆 · 静安寺店」自提，不能在本门店核销')
    expect(screen.queryByTestId('staff-kind-pickup')).toBeNull()
  })
})
