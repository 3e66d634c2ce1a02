/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import { formatDateTime, parseDateTime } from '../../../src/components/ops-datetime/format'
import { resetSaleClock } from '../../../src/components/flash-countdown/clock'
import { resetServerClock } from '../../../src/components/order-countdown/server-clock'
import type { FlashSaleView } from '../../../src/core/contracts/flashsale'
import OpsSaleFormPage from '../../../src/packages/ops/sale-form'
import { checkSaleForm, emptySaleForm } from '../../../src/packages/ops/sale-form/form'
import { parseYuan } from '../../../src/packages/ops/shared/money'
import { createFakeTransport, fail, type FakeHandler } from '../../mocks/fake-transport'
import { setRouterParams } from '../../mocks/taro'

// The shared component mock has no Picker (global `jest`, so swc hoists this above the imports).
jest.mock('@tarojs/components', () => {
  const actual = jest.requireActual<Record<string, unknown>>('../../mocks/taro-components')
  const { createElement } = jest.requireActual<typeof import('react')>('react')
  const Picker = ({ children }: { children: import('react').ReactNode }) => createElement('div', { 'data-taro': 'Picker' }, children)
  return { ...actual, Picker }
})

const OOLONG = {
  _id: 'p-oolong',
  name: '冻顶乌龙',
  subtitle: '',
  categoryId: 'tea',
  image: null,
  price: 6800,
  listPrice: 6800,
  soldOut: false,
  images: [],
  description: '',
  skus: [
    { _id: 'sku-oolong-100', name: '100g 罐装', price: 6800, stock: 40, soldOut: false },
    { _id: 'sku-oolong-250', name: '250g 礼盒', price: 15800, stock: 0, soldOut: true }
  ]
}

function setup(roles: string[], more: Record<string, FakeHandler> = {}) {
  const fake = createFakeTransport({
    'system.ping': () => ({ pong: true, now: Date.now() }),
    'system.whoami': () => ({ openid: 'demo-operator', roles, staffStoreIds: [] }),
    'catalog.listProducts': () => ({ items: [OOLONG], page: 0, pageSize: 20, hasMore: false }),
    'catalog.productDetail': () => OOLONG,
    'flashsale.create': (input) => ({ saleId: 'fs-new', ...input }) as unknown as FlashSaleView,
    ...more
  })
  setTransport(fake.transport)
  const view = render(<OpsSaleFormPage />)
  return { fake, view }
}

const field = (container: HTMLElement, id: string) => container.querySelector(`#${id}`) as HTMLInputElement
const type = (container: HTMLElement, id: string, value: string) => fireEvent.change(field(container, id), { target: { value } })
const errorOf = (name: string) => screen.queryByTestId(`field-${name}-error`)?.textContent ?? null

async function chooseOolong() {
  fireEvent.click(await screen.findByTestId('sku-picker'))
  fireEvent.click(await screen.findByTestId('sku-product-p-oolong'))
  fireEvent.click(await screen.findByTestId('sku-option-sku-oolong-100'))
  await waitFor(() => expect(screen.queryByTestId('sku-sheet')).toBeNull())
}

beforeEach(() => {
  resetServerClock()
  resetSaleClock()
  setRouterParams({})
})
afterEach(() => {
  cleanup()
  jest.clearAllMocks()
})

describe('ops: who may use it', () => {
  test('a customer gets 无权限 and the page asks nothing else', async () => {
    const { fake } = setup(['customer'])
    await screen.findByTestId('ops-no-access')
    expect(screen.getByText('无权限')).toBeTruthy()
    expect(fake.calls.map((c) => `${c.fn}.${c.action}`).filter((name) => name !== 'system.whoami')).toEqual([])
  })
})

describe('ops: new flash sale', () => {
  test('checks times in order, price below the list price and quantity within stock before sending', async () => {
    const { fake, view } = setup(['customer', 'operator'])
    await screen.findByTestId('sale-submit')
    fireEvent.click(screen.getByTestId('sale-submit'))
    await waitFor(() => expect(errorOf('skuId')).toBe('请选择商品规格'))
    expect(errorOf('salePrice')).toBe('请填写秒杀价（元，最多两位小数）')
    expect(jest.mocked(Taro.showToast)).toHaveBeenLastCalledWith({ title: '请选择商品规格', icon: 'none' })

    await chooseOolong()
    expect(screen.getByText('售价 ¥68.00 · 库存 40 件')).toBeTruthy()
    expect(errorOf('skuId')).toBeNull()
    const c = view.container
    type(c, 'sale-salePrice', '68')
    type(c, 'sale-quantity', '41')
    type(c, 'sale-perMemberLimit', '0')
    const start = Date.now() + 3_600_000
    type(c, 'sale-startAt', formatDateTime(start))
    type(c, 'sale-endAt', formatDateTime(start - 60_000))
    type(c, 'sale-shards', '33')
    fireEvent.click(screen.getByTestId('sale-submit'))

    await waitFor(() => expect(errorOf('salePrice')).toBe('秒杀价必须低于原价 ¥68.00'))
    expect(errorOf('quantity')).toBe('秒杀数量不能超过可用库存 40')
    expect(errorOf('perMemberLimit')).toBe('每人限购至少为 1')
    expect(errorOf('endAt')).toBe('结束时间必须晚于开始时间')
    expect(errorOf('shards')).toBe('并发通道数应为 1–32')
    expect(fake.callsOf('flashsale', 'create')).toHaveLength(0)

    type(c, 'sale-startAt', formatDateTime(Date.now() - 3 * 60_000))
    fireEvent.click(screen.getByTestId('sale-submit'))
    await waitFor(() => expect(errorOf('startAt')).toBe('开始时间不能早于当前时间'))
  })

  test('a valid form creates the sale once (prices in fen, times in ms) and opens its live view', async () => {
    let release: () => void = () => undefined
    const { fake, view } = setup(['customer', 'operator'], {
      'flashsale.create': (input) => new Promise((done) => (release = () => done({ saleId: 'fs-new', ...input })))
    })
    await screen.findByTestId('sale-submit')
    await chooseOolong()
    const c = view.container
    const start = Math.floor((Date.now() + 3_600_000) / 1000) * 1000
    type(c, 'sale-title', '乌龙整点秒杀')
    type(c, 'sale-salePrice', '39.9')
    type(c, 'sale-quantity', '10')
    type(c, 'sale-perMemberLimit', '2')
    type(c, 'sale-startAt', formatDateTime(start))
    type(c, 'sale-endAt', formatDateTime(start + 7_200_000))
    fireEvent.click(screen.getByTestId('sale-submit'))
    fireEvent.click(screen.getByTestId('sale-submit'))
    await waitFor(() => expect((screen.getByTestId('sale-submit') as HTMLButtonElement).disabled).toBe(true))
    await act(async () => release())
    await waitFor(() => expect(jest.mocked(Taro.redirectTo)).toHaveBeenCalledWith({ url: '/packages/ops/sale/index?id=fs-new' }))
    expect(fake.callsOf('flashsale', 'create').map((call) => call.data)).toEqual([
      {
        skuId: 'sku-oolong-100',
        title: '乌龙整点秒杀',
        salePrice: 3990,
        quantity: 10,
        perMemberLimit: 2,
        startAt: start,
        endAt: start + 7_200_000,
        shards: 4,
        paymentMinutes: 5
      }
    ])
  })

  test("the server's SALE_INVALID issues show on their fields", async () => {
    const { view } = setup(['customer', 'operator'], {
      'flashsale.create': () => {
        throw fail('SALE_INVALID', '秒杀数量不能超过可用库存 3', { issues: [{ field: 'quantity', message: '秒杀数量不能超过可用库存 3' }] })
      }
    })
    await screen.findByTestId('sale-submit')
    await chooseOolong()
    type(view.container, 'sale-salePrice', '39.90')
    type(view.container, 'sale-quantity', '10')
    fireEvent.click(screen.getByTestId('sale-submit'))
    await waitFor(() => expect(errorOf('quantity')).toBe('秒杀数量不能超过可用库存 3'))
    expect(jest.mocked(Taro.showToast)).toHaveBeenCalledWith(expect.objectContaining({ title: '秒杀数量不能超过可用库存 3' }))
    expect(jest.mocked(Taro.redirectTo)).not.toHaveBeenCalled()
  })

  test('a sold-out SKU cannot be chosen', async () => {
    setup(['customer', 'operator'])
    fireEvent.click(await screen.findByTestId('sku-picker'))
    fireEvent.click(await screen.findByTestId('sku-product-p-oolong'))
    fireEvent.click(await screen.findByTestId('sku-option-sku-oolong-250'))
    expect(screen.getByTestId('sku-sheet')).toBeTruthy()
    expect(screen.getByText('选择商品规格', { selector: '.ops-sku__placeholder' })).toBeTruthy()
  })
})

describe('ops: the form rules', () => {
  test('yuan and times are parsed exactly', () => {
    expect(parseYuan('39.9')).toBe(3990)
    expect(parseYuan('0.01')).toBe(1)
    expect(parseYuan('12.345')).toBeNull()
    expect(parseYuan('abc')).toBeNull()
    expect(parseDateTime('2026-02-30 10:00:00')).toBeNull()
    expect(parseDateTime('2026-11-25 10:00')).toBe(new Date(2026, 10, 25, 10, 0, 0).getTime())
  })

  test('editing counts the units the sale holds as available', () => {
    const now = Date.now()
    const form = { ...emptySaleForm(now), sku: { skuId: 's', productId: 'p', productName: 'P', skuName: 'S', image: null, price: 1000, stock: 2 }, salePrice: '5', quantity: '10' }
    expect(checkSaleForm(form, now).errors.quantity).toBe('秒杀数量不能超过可用库存 2')
    expect(checkSaleForm(form, now, 8).errors.quantity).toBeUndefined()
  })
})
