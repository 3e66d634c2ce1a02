// An in-memory order server for UI tests (order.* and system.ping), with the rules the UI
// relies on: create is idempotent by requestId, actions follow the state machine, pay
// answers sandbox parameters. Tweak `handlers` in a test to answer differently.
import type { OrderView, QuoteInput, CreateOrderInput } from '../../src/core/contracts/order'
import type { AddressBookView, SaveAddressInput, SavedAddressView } from '../../src/core/contracts/order-address'
import type { OrderItem } from '../../src/core/order/types'
import type { PickupStoreView } from '../../src/core/pickup/store'
import { nextOrderStatus, type OrderEvent, type OrderStatus, ORDER_STATUS_LABELS } from '../../src/core/order/status'
import { fail } from './fake-transport'

export const NOW = Date.UTC(2026, 10, 25, 2, 0, 0)

/** The stores the fake answers to `catalog.pickupStores` (the demo store first, as the seed). */
export const PICKUP_STORES: PickupStoreView[] = [
  {
    storeId: 'store-demo',
    name: '私域生活馆 · 演示店',
    address: '上海市徐汇区漕溪北路 88 号 1 层',
    phone: '021-5555-0188',
    hours: '09:00–21:30',
    location: { latitude: 31.1915, longitude: 121.4365 }
  },
  {
    storeId: 'store-jingan',
    name: '私域生活馆 · 静安寺店',
    address: '上海市静安区南京西路 1601 号 B1 层 B1-12',
    phone: '021-6288-1601',
    hours: '10:00–22:00',
    location: { latitude: 31.2238, longitude: 121.4458 }
  }
]

export const item = (skuId: string, productName: string, skuName: string, unitPrice: number, quantity = 1): OrderItem => ({
  skuId,
  productId: `p-${skuId}`,
  productName,
  skuName,
  image: null,
  unitPrice,
  quantity,
  lineTotal: unitPrice * quantity
})

/** A stable human number per id (`20261125-0123`), as the server gives one per order. */
export function fakeOrderNo(id: string): string {
  let h = 0
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) % 9000
  return `20261125-${String(h + 1000)}`
}

export function orderView(id: string, status: OrderStatus, extra: Partial<OrderView> = {}): OrderView {
  const items = extra.items ?? [item('sku-oolong-100', '冻顶乌龙', '100g 罐装', 6800)]
  const itemsTotal = items.reduce((n, i) => n + i.lineTotal, 0)
  return {
    _id: id,
    orderNo: fakeOrderNo(id),
    status,
    statusLabel: ORDER_STATUS_LABELS[status],
    items,
    fulfillment: { type: 'delivery', address: { name: '张三', phone: '13800138000', region: '上海市 徐汇区', detail: '漕溪北路 88 号' } },
    amounts: { itemsTotal, discount: 0, shippingFee: 800, payable: itemsTotal + 800 },
    remark: '',
    createdAt: NOW - 60_000,
    expiresAt: Date.now() + 15 * 60_000,
    paidAt: status === 'PENDING_PAYMENT' || status === 'CANCELLED' ? null : NOW - 30_000,
    shippedAt: null,
    trackingNo: null,
    completedAt: null,
    cancelledAt: null,
    cancelReason: null,
    refundRequestedAt: null,
    refundedAt: null,
    ...extra
  }
}

const PRICES: Record<string, { productName: string; skuName: string; price: number; stock: number }> = {
  'sku-oolong-100': { productName: '冻顶乌龙', skuName: '100g 罐装', price: 6800, stock: 3 },
  'sku-oolong-250': { productName: '冻顶乌龙', skuName: '250g 礼盒', price: 15800, stock: 40 }
}

export function createFakeOrders(options: { now?: () => number } = {}) {
  const now = options.now ?? (() => NOW)
  const orders = new Map<string, OrderView>()
  const byRequestId = new Map<string, string>()
  let seq = 0

  const price = (input: QuoteInput) => {
    const items = input.items.map((line) => {
      const sku = PRICES[line.skuId]
      if (!sku) throw fail('SKU_NOT_FOUND', '商品规格不存在或已下架', { skuId: line.skuId })
      if (sku.stock < line.quantity) throw fail('OUT_OF_STOCK', `「${sku.skuName}」库存不足，仅剩 ${sku.stock} 件`, { skuId: line.skuId, available: sku.stock })
      return { ...item(line.skuId, sku.productName, sku.skuName, sku.price, line.quantity) }
    })
    const itemsTotal = items.reduce((n, i) => n + i.lineTotal, 0)
    const shippingFee = input.fulfillment.type === 'pickup' || itemsTotal >= 9900 ? 0 : 800
    const fulfillment =
      input.fulfillment.type === 'pickup'
        ? { type: 'pickup' as const, storeId: input.fulfillment.storeId, storeName: '私域生活馆 · 演示店' }
        : { type: 'delivery' as const, address: input.fulfillment.address! }
    return { items, fulfillment, amounts: { itemsTotal, discount: 0, shippingFee, payable: itemsTotal + shippingFee }, memberDiscountBps: 0 }
  }

  const addresses = new Map<string, SavedAddressView>()
  let defaultAddressId: string | null = null
  const book = (): AddressBookView => {
    const items = [...addresses.values()]
      .map((a) => ({ ...a, isDefault: a.addressId === defaultAddressId }))
      .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || b.updatedAt - a.updatedAt)
    return { items, defaultId: defaultAddressId, max: 20 }
  }
  const putAddress = (address: Omit<SavedAddressView, 'isDefault' | 'updatedAt' | 'regionCode'> & { isDefault?: boolean; regionCode?: string | null }) => {
    addresses.set(address.addressId, { regionCode: null, ...address, isDefault: false, updatedAt: now() + addresses.size })
    if (address.isDefault || defaultAddressId === null) defaultAddressId = address.addressId
  }

  const own = (orderId: string) => {
    const order = orders.get(orderId)
    if (!order) throw fail('ORDER_NOT_FOUND', '订单不存在', { orderId })
    return order
  }

  const previous = new Map<string, OrderStatus>()
  const step = (orderId: string, event: OrderEvent, patch: Partial<OrderView> = {}) => {
    const order = own(orderId)
    const next = nextOrderStatus(order.status, event)
    if (!next) throw fail('ORDER_STATE_INVALID', `订单当前状态为「${ORDER_STATUS_LABELS[order.status]}」，不能执行该操作`)
    const changed = { ...order, ...patch, status: next, statusLabel: ORDER_STATUS_LABELS[next] }
    orders.set(orderId, changed)
    return changed
  }

  const handlers: Record<string, (data: any) => unknown> = {
    'system.ping': () => ({ pong: true, now: now() }),
    'catalog.pickupStores': () => ({ stores: PICKUP_STORES }),
    'order.quote': (input: QuoteInput) => price(input),
    // The address book (empty unless a test saves or puts addresses).
    'order.addresses': () => book(),
    'order.saveAddress': (input: SaveAddressInput & { requestId: string }) => {
      const addressId = input.addressId ?? `ad_${input.requestId}`
      if (input.addressId && !addresses.has(addressId)) throw fail('ADDRESS_NOT_FOUND', '地址不存在或已删除', { addressId })
      const saved = { addressId, name: input.name, phone: input.phone, region: input.region, regionCode: input.regionCode ?? null, detail: input.detail, isDefault: false, updatedAt: now() + addresses.size }
      addresses.set(addressId, saved)
      if (input.isDefault || defaultAddressId === null) defaultAddressId = addressId
      return { ...book(), saved: { ...saved, isDefault: defaultAddressId === addressId } }
    },
    'order.deleteAddress': ({ addressId }: { addressId: string }) => {
      addresses.delete(addressId)
      if (defaultAddressId === addressId) defaultAddressId = [...addresses.keys()][0] ?? null
      return book()
    },
    'order.setDefaultAddress': ({ addressId }: { addressId: string }) => {
      if (!addresses.has(addressId)) throw fail('ADDRESS_NOT_FOUND', '地址不存在或已删除', { addressId })
      defaultAddressId = addressId
      return book()
    },
    'order.create': (input: CreateOrderInput) => {
      const earlier = byRequestId.get(input.requestId)
      if (earlier) return own(earlier)
      const quote = price(input)
      seq += 1
      const id = `o${seq}`
      const order = orderView(id, 'PENDING_PAYMENT', { items: quote.items, fulfillment: quote.fulfillment, amounts: quote.amounts, remark: input.remark ?? '', createdAt: now(), expiresAt: now() + 15 * 60_000 })
      orders.set(id, order)
      byRequestId.set(input.requestId, id)
      return order
    },
    'order.pay': ({ orderId }: { orderId: string }) => {
      const order = own(orderId)
      if (order.status !== 'PENDING_PAYMENT') throw fail('ORDER_STATE_INVALID', '订单状态不允许支付')
      const amount = order.amounts.payable
      return { orderId, amount, expiresAt: order.expiresAt, payment: { provider: 'sandbox', orderId, amount, sheetUrl: `/pay/${orderId}` } }
    },
    'order.get': ({ orderId }: { orderId: string }) => own(orderId),
    'order.cancel': ({ orderId }: { orderId: string }) => step(orderId, 'cancel', { cancelledAt: now(), cancelReason: 'customer' }),
    'order.confirm': ({ orderId }: { orderId: string }) => step(orderId, 'confirm', { completedAt: now() }),
    'order.requestRefund': ({ orderId, reason = '' }: { orderId: string; reason?: string }) => {
      const order = own(orderId)
      const at = now()
      // Issue 10: the request waits for review; the fake keeps the status it came from in `previous`.
      previous.set(orderId, order.status)
      return step(orderId, 'requestRefund', {
        refundRequestedAt: at,
        refundRequest: {
          attempt: (order.refundRequest?.attempt ?? 0) + 1, state: 'PENDING', amount: order.amounts.payable, full: true, lines: null, reason,
          requestedAt: at, decidedAt: null, rejectReason: null, refundedAt: null, canRequest: false,
          timeline: [
            { key: 'requested', label: '申请退款', at, state: 'done', ...(reason ? { note: reason } : {}) },
            { key: 'reviewing', label: '商家处理中', at: null, state: 'current' },
            { key: 'refunding', label: '退款中', at: null, state: 'todo' },
            { key: 'refunded', label: '已退款', at: null, state: 'todo' }
          ]
        }
      })
    },
    'order.withdrawRefund': ({ orderId }: { orderId: string }) => {
      const order = own(orderId)
      const back = order.status === 'REFUND_REQUESTED' ? (previous.get(orderId) ?? 'PAID') : null
      if (!back) throw fail('REFUND_NOT_PENDING', '该订单没有待处理的退款申请')
      const changed = { ...order, status: back, statusLabel: ORDER_STATUS_LABELS[back], refundRequest: order.refundRequest ? { ...order.refundRequest, state: 'WITHDRAWN' as const, canRequest: true, timeline: [order.refundRequest.timeline[0]!, { key: 'withdrawn' as const, label: '已撤销申请', at: now(), state: 'done' as const }] } : null }
      orders.set(orderId, changed)
      return changed
    },
    'order.list': ({ status, page = 0, pageSize = 10 }: { status?: OrderStatus; page?: number; pageSize?: number }) => {
      const all = [...orders.values()].filter((o) => !status || o.status === status).sort((a, b) => b.createdAt - a.createdAt)
      const slice = all.slice(page * pageSize, page * pageSize + pageSize)
      return { items: slice, page, pageSize, hasMore: all.length > (page + 1) * pageSize }
    }
  }

  /** What the sandbox pay endpoint does to the order (tests wire it to a fetch stub). */
  const settle = (orderId: string, result: 'SUCCESS' | 'FAIL') => {
    if (result !== 'SUCCESS') return
    const order = own(orderId)
    const next = order.fulfillment.type === 'pickup' ? 'READY_FOR_PICKUP' : 'PAID'
    orders.set(orderId, { ...order, status: next, statusLabel: ORDER_STATUS_LABELS[next], paidAt: now() })
  }

  return { handlers, orders, settle, put: (order: OrderView) => orders.set(order._id, order), putAddress, addressBook: book }
}
