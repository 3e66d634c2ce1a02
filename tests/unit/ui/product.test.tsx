/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import ProductPage from '../../../src/pages/product'
import { setTransport } from '../../../src/api'
import { useCartStore } from '../../../src/stores/cart'
import type { ProductDetail } from '../../../src/core/contracts/catalog'
import { CHEESECAKE, MIXED, OOLONG } from '../../mocks/catalog-fixtures'
import { createFakeCart } from '../../mocks/fake-cart'
import { createFakeTransport, fail } from '../../mocks/fake-transport'
import { setRouterParams } from '../../mocks/taro'

function openProduct(product: ProductDetail | null, extraParams: Record<string, string> = {}) {
  const cart = createFakeCart([OOLONG, CHEESECAKE, MIXED])
  const fake = createFakeTransport({
    ...cart.handlers,
    'catalog.productDetail': ({ productId }: { productId: string }) => {
      if (!product || productId !== product._id) throw fail('PRODUCT_NOT_FOUND', '商品不存在或已删除')
      return product
    }
  })
  setTransport(fake.transport)
  setRouterParams({ id: product?._id ?? 'p-missing', ...extraParams })
  render(<ProductPage />)
  return { fake, cart }
}

const button = (text: string) => screen.getByText(text).closest('button') as HTMLButtonElement

beforeEach(() => useCartStore.getState().reset())
afterEach(() => {
  cleanup()
  jest.clearAllMocks()
})

describe('product page', () => {
  test('shows the first SKU in stock; choosing another SKU changes price and stock', async () => {
    openProduct(OOLONG)
    expect(await screen.findByText('100g 罐装')).toBeTruthy()
    expect(screen.getByText('冻顶乌龙')).toBeTruthy()
    expect(screen.getByText('¥68.00')).toBeTruthy()
    expect(screen.getByText('库存 3 件')).toBeTruthy()
    expect(screen.getByTestId('sku-sku-oolong-100').className).toContain('product__sku--selected')

    fireEvent.click(screen.getByTestId('sku-sku-oolong-250'))
    expect(screen.getByText('¥158.00')).toBeTruthy()
    expect(screen.getByText('库存 40 件')).toBeTruthy()
    expect(screen.getByTestId('sku-sku-oolong-250').className).toContain('product__sku--selected')
  })

  test('the quantity stops at the stock of the SKU and shrinks when a smaller SKU is chosen', async () => {
    openProduct(OOLONG)
    await screen.findByText('100g 罐装')
    fireEvent.click(screen.getByTestId('sku-sku-oolong-250'))
    for (let i = 0; i < 5; i += 1) fireEvent.click(screen.getByTestId('stepper-increase'))
    expect(screen.getByTestId('stepper-value').textContent).toBe('6')
    fireEvent.click(screen.getByTestId('sku-sku-oolong-100'))
    expect(screen.getByTestId('stepper-value').textContent).toBe('3')
    fireEvent.click(screen.getByTestId('stepper-increase'))
    expect(screen.getByTestId('stepper-value').textContent).toBe('3')
  })

  test('a sold-out SKU cannot be chosen', async () => {
    openProduct(MIXED)
    await screen.findByText('芝麻')
    // The first SKU is sold out, so the second is preselected.
    expect(screen.getByTestId('sku-sku-bagel-sesame').className).toContain('product__sku--selected')
    fireEvent.click(screen.getByTestId('sku-sku-bagel-plain'))
    expect(screen.getByTestId('sku-sku-bagel-plain').className).not.toContain('product__sku--selected')
    expect(screen.getByText('¥11.00')).toBeTruthy()
    expect(button('加入购物车').disabled).toBe(false)
  })

  test('a sold-out product shows 已售罄 and cannot be bought', async () => {
    const { fake } = openProduct(CHEESECAKE)
    await screen.findByText('巴斯克芝士蛋糕')
    expect(screen.getAllByText('已售罄').length).toBeGreaterThan(0)
    expect(screen.queryByText('加入购物车')).toBeNull()
    expect(screen.queryByText('立即购买')).toBeNull()
    const soldOutButton = screen.getAllByText('已售罄').map((el) => el.closest('button')).find(Boolean) as HTMLButtonElement
    expect(soldOutButton.disabled).toBe(true)
    fireEvent.click(soldOutButton)
    expect(fake.callsOf('cart', 'add')).toHaveLength(0)
    expect(jest.mocked(Taro.navigateTo)).not.toHaveBeenCalled()
  })

  test('a double tap on 加入购物车 adds once, with one requestId', async () => {
    const { fake } = openProduct(OOLONG)
    await screen.findByText('100g 罐装')
    fireEvent.click(screen.getByTestId('stepper-increase'))
    const add = button('加入购物车')
    fireEvent.click(add)
    fireEvent.click(add)
    await waitFor(() => expect(useCartStore.getState().count).toBe(2))
    expect(fake.callsOf('cart', 'add')).toHaveLength(1)
    expect(fake.callsOf('cart', 'add')[0].data).toMatchObject({ skuId: 'sku-oolong-100', quantity: 2 })
    expect(jest.mocked(Taro.showToast)).toHaveBeenCalledWith(expect.objectContaining({ title: '已加入购物车' }))

    // A later tap is a new intent with a new id.
    fireEvent.click(button('加入购物车'))
    await waitFor(() => expect(fake.callsOf('cart', 'add')).toHaveLength(2))
    const [first, second] = fake.callsOf('cart', 'add').map((c) => c.data.requestId)
    expect(second).not.toBe(first)
    await waitFor(() => expect(useCartStore.getState().count).toBe(4))
  })

  test('a refused add shows the server message', async () => {
    const { fake } = openProduct(OOLONG)
    await screen.findByText('100g 罐装')
    fake.handlers['cart.add'] = () => {
      throw fail('OUT_OF_STOCK', '库存不足', { skuId: 'sku-oolong-100' })
    }
    await act(async () => {
      fireEvent.click(button('加入购物车'))
    })
    await waitFor(() => expect(jest.mocked(Taro.showToast)).toHaveBeenCalledWith(expect.objectContaining({ title: '库存不足' })))
    expect(button('加入购物车').disabled).toBe(false)
  })

  test('立即购买 opens checkout with the SKU and quantity', async () => {
    openProduct(OOLONG)
    await screen.findByText('100g 罐装')
    fireEvent.click(screen.getByTestId('sku-sku-oolong-250'))
    fireEvent.click(screen.getByTestId('stepper-increase'))
    fireEvent.click(button('立即购买'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenCalledWith({ url: '/packages/trade/checkout/index?source=buyNow&skuId=sku-oolong-250&quantity=2' })
  })

  test('opened from a live room, 立即购买 carries the room to checkout for attribution', async () => {
    openProduct(OOLONG, { liveRoomId: 'room-1' })
    await screen.findByText('100g 罐装')
    fireEvent.click(screen.getByTestId('sku-sku-oolong-250'))
    fireEvent.click(button('立即购买'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenCalledWith({
      url: '/packages/trade/checkout/index?source=buyNow&skuId=sku-oolong-250&quantity=1&liveRoomId=room-1',
    })
  })

  test('an unknown product is an empty state with a way home', async () => {
    openProduct(null)
    expect(await screen.findByText('商品不存在或已删除')).toBeTruthy()
    fireEvent.click(screen.getByText('去首页逛逛'))
    expect(jest.mocked(Taro.switchTab)).toHaveBeenCalledWith({ url: '/pages/home/index' })
  })

  test('a failed load shows the error with retry', async () => {
    const { fake } = openProduct(OOLONG)
    await screen.findByText('100g 罐装')
    cleanup()
    const detail = fake.handlers['catalog.productDetail']
    fake.handlers['catalog.productDetail'] = () => {
      throw fail('INTERNAL', '服务开小差了')
    }
    render(<ProductPage />)
    expect(await screen.findByText('服务开小差了')).toBeTruthy()
    fake.handlers['catalog.productDetail'] = detail
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('100g 罐装')).toBeTruthy()
  })
})
