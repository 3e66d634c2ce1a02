/** @jest-environment jsdom */
import { afterEach, describe, expect, jest, test } from '@jest/globals'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import OrderCard from '../../../src/components/order-card'
import type { OrderView } from '../../../src/core/contracts/order'
import OrderPage from '../../../src/packages/trade/order'
import { createFakeOrders, orderView } from '../../mocks/fake-orders'
import { createFakeTransport } from '../../mocks/fake-transport'
import { setRouterParams } from '../../mocks/taro'

const line = (lineTotal: number) => ({ skuId: 'mall:mall-coupon-croissant', productId: 'mall:mall-coupon-croissant', productName: '黄油可颂赠品券', skuName: '优惠券', image: null, unitPrice: lineTotal, quantity: 1, lineTotal })

/** A 100-point coupon from the points mall: issued at once, the order COMPLETED. */
const couponOrder = (): OrderView =>
  orderView('m1', 'COMPLETED', {
    items: [line(0)],
    fulfillment: { type: 'pickup', storeId: 'coupon-wallet', storeName: '电子券 · 已发放至「我的优惠券」', pickupCode: '35059219' },
    amounts: { itemsTotal: 0, discount: 0, shippingFee: 0, payable: 0 },
    source: 'mall',
    mall: { itemId: 'mall-coupon-croissant', kind: 'coupon', pointsPrice: 100, cashPrice: 0, couponId: 'c1' }
  })

/** Goods for 800 points + ¥9.90, picked up in a store. */
const goodsOrder = (): OrderView =>
  orderView('m2', 'READY_FOR_PICKUP', {
    items: [{ ...line(990), skuId: 'sku-cup', productId: 'p-cup', productName: '随行杯', skuName: '积分兑换', image: null }],
    fulfillment: { type: 'pickup', storeId: 'store-xuhui', storeName: '徐汇店', pickupCode: '12345678' },
    amounts: { itemsTotal: 990, discount: 0, shippingFee: 0, payable: 990 },
    source: 'mall',
    mall: { itemId: 'mall-cup', kind: 'goods', pointsPrice: 800, cashPrice: 990, couponId: null }
  })

function openOrder(order: OrderView) {
  const server = createFakeOrders({ now: () => Date.now() })
  server.put(order)
  setTransport(createFakeTransport(server.handlers).transport)
  setRouterParams({ id: order._id })
  render(<OrderPage />)
}

afterEach(() => {
  cleanup()
  jest.clearAllMocks()
})

describe('points-mall orders show what they cost in points', () => {
  test('a coupon: no pickup code, 已发放至「我的优惠券」, 兑换积分 100, no 运费, the line opens the mall item', async () => {
    openOrder(couponOrder())
    await screen.findByTestId('coupon-issued')
    expect(screen.queryByTestId('pickup-card')).toBeNull()
    expect(screen.queryByTestId('pickup-code')).toBeNull()
    expect(screen.getByTestId('order-amounts-points').textContent).toContain('100 积分')
    expect(screen.queryByText('运费')).toBeNull()
    expect(screen.queryByText('商品金额')).toBeNull()
    expect(screen.getAllByTestId('mall-points-price').map((el) => el.textContent)).toEqual(['100积分', '100积分'])
    fireEvent.click(screen.getByTestId('order-item-mall:mall-coupon-croissant'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenCalledWith({ url: '/packages/mall/item/index?id=mall-coupon-croissant' })
    fireEvent.click(screen.getByText('查看我的优惠券 ›'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenLastCalledWith({ url: '/packages/mall/coupons/index' })
  })

  test('points + cash goods: the pickup card stays, 兑换积分 and 另付现金 are both shown, the total is 800积分+¥9.90', async () => {
    openOrder(goodsOrder())
    await screen.findByTestId('pickup-card')
    expect(screen.getByTestId('order-amounts-points').textContent).toContain('800 积分')
    expect(screen.getByText('另付现金')).not.toBeNull()
    expect(screen.getByText('运费')).not.toBeNull()
    expect(screen.getAllByTestId('mall-points-price').map((el) => el.textContent)).toEqual(['800积分+¥9.90', '800积分+¥9.90'])
  })

  test('in 我的订单 a coupon order shows its coupon face and 100积分, a shop order its price', () => {
    render(<OrderCard order={couponOrder()} onClick={() => undefined} />)
    expect(screen.getByText('券')).not.toBeNull()
    expect(screen.getByTestId('mall-points-price').textContent).toBe('100积分')
    cleanup()
    render(<OrderCard order={orderView('o1', 'PAID')} onClick={() => undefined} />)
    expect(screen.queryByTestId('mall-points-price')).toBeNull()
    expect(screen.getByText('¥76.00')).not.toBeNull()
  })
})
