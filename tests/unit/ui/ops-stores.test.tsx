/** @jest-environment jsdom */
import { afterEach, describe, expect, jest, test } from '@jest/globals'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import type { StoreAdminView } from '../../../src/core/contracts/staff-admin'
import OpsStoreFormPage from '../../../src/packages/ops/store-form'
import OpsStoresPage from '../../../src/packages/ops/stores'
import StaffTodayPage from '../../../src/packages/staff/today'
import { createFakeTransport, fail, type FakeHandler } from '../../mocks/fake-transport'
import { setRouterParams } from '../../mocks/taro'

const demo: StoreAdminView = {
  storeId: 'store-demo',
  name: '私域生活馆 · 演示店',
  address: '上海市徐汇区漕溪北路 88 号',
  phone: '021-5555-0188',
  hours: { open: '09:00', close: '21:30' },
  location: { latitude: 31.1915, longitude: 121.4365 },
  pickupEnabled: true,
  sort: 10,
  staffCount: 2
}
const closed: StoreAdminView = { ...demo, storeId: 'store-hubin', name: '杭州湖滨店', pickupEnabled: false, location: null, staffCount: 0 }

function setup(handlers: Record<string, FakeHandler>, roles = ['customer', 'operator']) {
  const fake = createFakeTransport({
    'system.whoami': () => ({ openid: 'demo-operator', roles, staffStoreIds: [] }),
    'staff.adminStores': () => ({ stores: [demo, closed] }),
    ...handlers
  })
  setTransport(fake.transport)
  return fake
}
const type = (id: string, value: string) => fireEvent.change(document.getElementById(id) as HTMLInputElement, { target: { value } })
const taro = Taro as unknown as { getEnv: () => string; chooseLocation?: unknown }
const webEnv = taro.getEnv

afterEach(() => {
  cleanup()
  jest.clearAllMocks()
  taro.getEnv = webEnv
  setRouterParams({})
})

describe('ops: stores', () => {
  test('lists every store with its open/closed badge; 新建 and a row open the form', async () => {
    setup({})
    render(<OpsStoresPage />)
    const row = await screen.findByTestId('store-row-store-demo')
    expect(row.textContent).toContain('开放自提')
    expect(row.textContent).toContain('营业 09:00–21:30')
    expect(row.textContent).toContain('店员 2 人')
    expect(screen.getByTestId('store-row-store-hubin').textContent).toContain('暂停自提')
    expect(screen.getByTestId('store-row-store-hubin').textContent).toContain('未设置位置')
    fireEvent.click(row)
    expect(jest.mocked(Taro.navigateTo).mock.calls[0][0]).toEqual({ url: '/packages/ops/store-form/index?id=store-demo' })
    fireEvent.click(screen.getByTestId('stores-new'))
    expect(jest.mocked(Taro.navigateTo).mock.calls[1][0]).toEqual({ url: '/packages/ops/store-form/index' })
  })

  test('a customer sees 无权限', async () => {
    const fake = setup({}, ['customer'])
    render(<OpsStoresPage />)
    await screen.findByTestId('ops-no-access')
    expect(fake.callsOf('staff', 'adminStores')).toHaveLength(0)
  })
})

describe('ops: store form', () => {
  test('new store: refuses a bad phone and hours before sending, then saves once with a requestId', async () => {
    const fake = setup({ 'staff.saveStore': () => ({ storeId: 'st_1', created: true }) })
    render(<OpsStoreFormPage />)
    await screen.findByTestId('store-save')
    type('store-name', '徐家汇店')
    type('store-address', '上海市徐汇区虹桥路 1 号')
    type('store-phone', '12345')
    type('store-open', '22:00')
    type('store-close', '10:00')
    type('store-latitude', '95')
    type('store-longitude', '121.4')
    fireEvent.click(screen.getByTestId('store-save'))
    expect(screen.getByTestId('field-phone-error').textContent).toContain('门店电话格式不正确')
    expect(screen.getByTestId('field-hours-error').textContent).toContain('开门早于打烊')
    expect(screen.getByTestId('field-location-error').textContent).toContain('纬度')
    expect(fake.callsOf('staff', 'saveStore')).toHaveLength(0)

    type('store-phone', '021-6400-1234')
    type('store-open', '10:00')
    type('store-close', '22:00')
    type('store-latitude', '31.195')
    fireEvent.click(screen.getByTestId('store-pickup-closed'))
    const save = screen.getByTestId('store-save')
    fireEvent.click(save)
    fireEvent.click(save)
    await waitFor(() => expect(fake.callsOf('staff', 'saveStore')).toHaveLength(1))
    expect(fake.callsOf('staff', 'saveStore')[0].data).toEqual({
      name: '徐家汇店',
      address: '上海市徐汇区虹桥路 1 号',
      phone: '021-6400-1234',
      hours: { open: '10:00', close: '22:00' },
      location: { latitude: 31.195, longitude: 121.4 },
      pickupEnabled: false,
      requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/)
    })
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
  })

  test('edit: loads the store, shows a server refusal on its field, saves by storeId', async () => {
    setRouterParams({ id: 'store-demo' })
    let refuse = true
    const fake = setup({
      'staff.saveStore': () => {
        if (refuse) throw fail('INVALID_ARGUMENT', '参数有误', { fields: [{ path: 'phone', message: '门店电话格式不正确', reason: 'STORE_PHONE_INVALID' }] })
        return { storeId: 'store-demo', created: false }
      }
    })
    render(<OpsStoreFormPage />)
    await waitFor(() => expect((document.getElementById('store-name') as HTMLInputElement).value).toBe('私域生活馆 · 演示店'))
    expect((document.getElementById('store-latitude') as HTMLInputElement).value).toBe('31.1915')
    fireEvent.click(screen.getByTestId('store-save'))
    expect((await screen.findByTestId('field-phone-error')).textContent).toContain('门店电话格式不正确')
    refuse = false
    fireEvent.click(screen.getByTestId('store-save'))
    await waitFor(() => expect(fake.callsOf('staff', 'saveStore')).toHaveLength(2))
    expect(fake.callsOf('staff', 'saveStore')[1].data).toMatchObject({ storeId: 'store-demo', name: '私域生活馆 · 演示店', pickupEnabled: true })
    expect(fake.callsOf('staff', 'saveStore')[1].data).not.toHaveProperty('requestId')
  })

  test('on weapp the location is picked on the map (Taro.chooseLocation)', async () => {
    taro.getEnv = () => 'WEAPP'
    const chooseLocation = jest.fn(async () => ({ latitude: 31.2238, longitude: 121.4458, name: '静安寺', address: '上海市静安区南京西路 1601 号', errMsg: 'ok' }))
    taro.chooseLocation = chooseLocation
    setup({})
    render(<OpsStoreFormPage />)
    fireEvent.click(await screen.findByTestId('store-choose-location'))
    await waitFor(() => expect((document.getElementById('store-latitude') as HTMLInputElement).value).toBe('31.223800'))
    expect((document.getElementById('store-longitude') as HTMLInputElement).value).toBe('121.445800')
    expect((document.getElementById('store-address') as HTMLInputElement).value).toBe('上海市静安区南京西路 1601 号')
  })

  test('H5 has no map button: the location is typed', async () => {
    setup({})
    render(<OpsStoreFormPage />)
    await screen.findByTestId('store-save')
    expect(screen.queryByTestId('store-choose-location')).toBeNull()
  })
})

describe('staff: 今日核销', () => {
  test('shows my counts and entries of today for the chosen store', async () => {
    const fake = createFakeTransport({
      'staff.myStores': () => ({ stores: [{ storeId: 'store-demo', name: '演示店' }, { storeId: 'store-jingan', name: '静安寺店' }] }),
      'staff.myDay': (data: { storeId: string }) =>
        data.storeId === 'store-demo'
          ? {
              day: '2026-12-01',
              counts: { pickup: 2, coupon: 1, purchase: 0 },
              items: [
                { id: 'e1', kind: 'coupon', result: 'COUPON_THRESHOLD_NOT_MET', target: '1234', at: Date.UTC(2026, 11, 1, 3) },
                { id: 'e2', kind: 'pickup', result: 'ok', target: 'o_1', at: Date.UTC(2026, 11, 1, 2) }
              ]
            }
          : { day: '2026-12-01', counts: { pickup: 0, coupon: 0, purchase: 0 }, items: [] }
    })
    setTransport(fake.transport)
    render(<StaffTodayPage />)
    await waitFor(() => expect(screen.getByTestId('today-count-pickup').textContent).toContain('2'))
    expect(screen.getByTestId('today-count-coupon').textContent).toContain('1')
    expect(screen.getByTestId('today-row-e1').textContent).toContain('未达用券门槛')
    expect(screen.getByTestId('today-row-e2').textContent).toContain('订单 o_1')
    expect(fake.callsOf('staff', 'myDay')[0].data).toEqual({ storeId: 'store-demo' })
    fireEvent.click(screen.getByTestId('today-store-store-jingan'))
    await screen.findByText('今天还没有核销记录')
    expect(fake.callsOf('staff', 'myDay').at(-1)!.data).toEqual({ storeId: 'store-jingan' })
  })
})
