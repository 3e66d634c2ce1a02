/** @jest-environment jsdom */
import { afterEach, describe, expect, test } from '@jest/globals'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import type { StockEntryView, StockSkuView } from '../../../src/core/contracts/stock'
import OpsStockPage from '../../../src/packages/ops/stock'
import { createFakeTransport, fail, type FakeHandler } from '../../mocks/fake-transport'
import { setRouterParams } from '../../mocks/taro'

const AT = Date.UTC(2025, 0, 6, 2, 0, 0) // 10:00 in Shanghai

const sku = (over: Partial<StockSkuView> = {}): StockSkuView => ({
  skuId: 'sku-1',
  productId: 'p-1',
  productName: '桂花乌龙',
  skuName: '大杯',
  stock: 3,
  sold: 7,
  ...over
})

const entry = (over: Partial<StockEntryView>): StockEntryView => ({
  id: 'e',
  orderNo: null,
  kind: 'initial',
  label: '初始库存',
  delta: 10,
  reason: '',
  orderId: null,
  at: AT,
  ...over
})

function setup(params: Record<string, string>, handlers: Record<string, FakeHandler>) {
  setRouterParams(params)
  const fake = createFakeTransport({
    'system.whoami': () => ({ openid: 'demo-operator', roles: ['operator'], staffStoreIds: [] }),
    ...handlers
  })
  setTransport(fake.transport)
  const view = render(<OpsStockPage />)
  return { fake, ...view }
}

const field = (container: HTMLElement, id: string) => container.querySelector(`#${id}`) as HTMLElement
const type = (container: HTMLElement, id: string, value: string) => fireEvent.change(field(container, id), { target: { value } })

afterEach(() => {
  cleanup()
  setRouterParams({})
  jest.clearAllMocks()
})

describe('ops stock page', () => {
  test('without an id: the low-stock list with the threshold, each row opening its ledger', async () => {
    setup({}, {
      'catalog.lowStock': () => ({ threshold: 10, items: [sku({ stock: 0, skuId: 'sku-0', skuName: '小杯' }), sku()] })
    })
    expect((await screen.findByTestId('low-stock-threshold')).textContent).toContain('10')
    expect(screen.getByTestId('low-stock-sku-0').textContent).toContain('已售罄')
    const row = screen.getByTestId('low-stock-sku-1')
    expect(row.textContent).toContain('桂花乌龙')
    expect(row.textContent).toContain('大杯')
    expect(row.textContent).toContain('剩 3')
    expect(row.textContent).not.toContain('sku-1')
    fireEvent.click(row)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/ops/stock/index?id=sku-1' })
  })

  test('an empty low-stock list and a failed one say so', async () => {
    setup({}, { 'catalog.lowStock': () => ({ threshold: 10, items: [] }) })
    await screen.findByText('库存都很充足，没有需要补货的规格')
    cleanup()
    setup({}, { 'catalog.lowStock': () => { throw fail('INTERNAL', '服务繁忙') } })
    await screen.findByText('服务繁忙')
  })

  test('with an id: stock, the ledger with Chinese labels and order links, and an adjustment that reloads it', async () => {
    let current = sku()
    let entries: StockEntryView[] = [
      entry({ id: 'e3', kind: 'refund', label: '退款返还', delta: 1, orderId: 'o_abc' }),
      entry({ id: 'e2', kind: 'sale', label: '销售', delta: -8, orderId: 'o_abc' }),
      entry({ id: 'e1', kind: 'initial', label: '初始库存', delta: 10 })
    ]
    const { fake, container } = setup({ id: 'sku-1' }, {
      'catalog.stockLedger': () => ({ sku: current, entries, nextCursor: null }),
      'catalog.adjustStock': (input) => {
        if (input.delta < -current.stock) throw fail('STOCK_NEGATIVE', `库存不足：当前库存 ${current.stock}`)
        current = { ...current, stock: current.stock + input.delta }
        const made = entry({ id: 'e4', kind: 'adjust', label: '人工调整', delta: input.delta, reason: input.reason })
        entries = [made, ...entries]
        return { sku: current, entry: made }
      }
    })
    expect((await screen.findByTestId('stock-current')).textContent).toBe('3')
    expect(screen.getByTestId('stock-summary').textContent).toContain('桂花乌龙')
    const shown = screen.getAllByTestId('stock-entry').map((e) => e.textContent)
    expect(shown[0]).toContain('退款返还')
    expect(shown[0]).toContain('+1')
    expect(shown[1]).toContain('销售')
    expect(shown[1]).toContain('-8')
    expect(shown[2]).toContain('初始库存')
    expect(shown[2]).toContain('2025-01-06 10:00')
    fireEvent.click(screen.getAllByTestId('stock-entry-order')[0]!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/ops/order/index?id=o_abc' })

    // Checked before sending: a reason is required, and no more than the stock can be taken out.
    fireEvent.click(screen.getByTestId('stock-adjust-out'))
    type(container, 'stock-adjust-quantity', '5')
    fireEvent.click(screen.getByTestId('stock-adjust-submit'))
    expect(screen.getByTestId('field-quantity-error').textContent).toContain('最多减少 3')
    expect(screen.getByTestId('field-reason-error').textContent).toBe('请填写调整原因')
    expect(fake.callsOf('catalog', 'adjustStock')).toHaveLength(0)

    fireEvent.click(screen.getByTestId('stock-adjust-in'))
    type(container, 'stock-adjust-reason', '到货入库')
    fireEvent.click(screen.getByTestId('stock-adjust-submit'))
    await waitFor(() => expect(screen.getByTestId('stock-current').textContent).toBe('8'))
    const sent = fake.callsOf('catalog', 'adjustStock')[0]!.data
    expect(sent).toMatchObject({ skuId: 'sku-1', delta: 5, reason: '到货入库' })
    expect(typeof sent.requestId).toBe('string')
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '库存已调整' }))
    await waitFor(() => expect(screen.getAllByTestId('stock-entry')[0]!.textContent).toContain('人工调整'))
    expect(screen.getAllByTestId('stock-entry')[0]!.textContent).toContain('到货入库')
  })

  test('a refusal from the server is shown under the form', async () => {
    const { container } = setup({ id: 'sku-1' }, {
      'catalog.stockLedger': () => ({ sku: sku(), entries: [], nextCursor: null }),
      'catalog.adjustStock': () => { throw fail('STOCK_NEGATIVE', '库存不足：当前库存 0，不能减少 2') }
    })
    await screen.findByText('还没有库存变动')
    fireEvent.click(screen.getByTestId('stock-adjust-out'))
    type(container, 'stock-adjust-quantity', '2')
    type(container, 'stock-adjust-reason', '破损')
    fireEvent.click(screen.getByTestId('stock-adjust-submit'))
    expect((await screen.findByTestId('stock-adjust-failure')).textContent).toBe('库存不足：当前库存 0，不能减少 2')
  })

  test('a SKU that does not exist, and a customer, are told so', async () => {
    setup({ id: 'nope' }, { 'catalog.stockLedger': () => { throw fail('SKU_NOT_FOUND', '商品规格不存在') } })
    await screen.findByText('商品规格不存在')
    cleanup()
    setRouterParams({ id: 'sku-1' })
    const fake = createFakeTransport({ 'system.whoami': () => ({ openid: 'demo-customer', roles: ['customer'], staffStoreIds: [] }) })
    setTransport(fake.transport)
    render(<OpsStockPage />)
    await waitFor(() => expect(fake.callsOf('system', 'whoami')).toHaveLength(1))
    await waitFor(() => expect(document.body.textContent).toContain('无权限'))
    expect(fake.callsOf('catalog', 'stockLedger')).toHaveLength(0)
  })
})
