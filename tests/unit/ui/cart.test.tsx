/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import CartPage from '../../../src/pages/cart'
import { setTransport } from '../../../src/api'
import { useCartStore } from '../../../src/stores/cart'
import { CHEESECAKE, MIXED, OOLONG } from '../../mocks/catalog-fixtures'
import { createFakeCart } from '../../mocks/fake-cart'
import { createFakeTransport, fail } from '../../mocks/fake-transport'
import { trigger } from '../../mocks/taro'

function setup() {
  const cart = createFakeCart([OOLONG, CHEESECAKE, MIXED])
  const fake = createFakeTransport(cart.handlers)
  setTransport(fake.transport)
  return { cart, fake }
}

const total = () => (document.querySelector('.cart__total .price') as HTMLElement).textContent
const checkoutButton = () => screen.getByText(/^去结算/).closest('button') as HTMLButtonElement

beforeEach(() => useCartStore.getState().reset())
afterEach(() => {
  cleanup()
  jest.clearAllMocks()
})

describe('cart page', () => {
  test('an empty cart says so and leads to 首页', async () => {
    setup()
    render(<CartPage />)
    expect(await screen.findByText('购物车还是空的，去挑几件好物吧')).toBeTruthy()
    fireEvent.click(screen.getByText('去首页逛逛'))
    expect(jest.mocked(Taro.switchTab)).toHaveBeenCalledWith({ url: '/pages/home/index' })
  })

  test('totals the selected lines from fen and checks out the selected SKUs', async () => {
    const { cart } = setup()
    cart.put('sku-bagel-sesame', 3) // 3 × 11.00
    cart.put('sku-oolong-250', 1) // 158.00
    render(<CartPage />)
    await screen.findByText('冻顶乌龙')
    expect(total()).toBe('¥191.00')
    expect(checkoutButton().textContent).toBe('去结算(4)')

    fireEvent.click(screen.getByTestId('check-sku-bagel-sesame'))
    expect(total()).toBe('¥158.00')
    fireEvent.click(checkoutButton())
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenCalledWith({ url: '/packages/trade/checkout/index?source=cart&skuIds=sku-oolong-250' })

    fireEvent.click(screen.getByTestId('check-all'))
    expect(total()).toBe('¥191.00')
    fireEvent.click(screen.getByTestId('check-all'))
    expect(total()).toBe('¥0.00')
    expect(checkoutButton().disabled).toBe(true)
  })

  test('changing a quantity asks the server and updates the total', async () => {
    const { cart, fake } = setup()
    cart.put('sku-oolong-100', 1)
    render(<CartPage />)
    await screen.findByText('冻顶乌龙')
    await act(async () => {
      fireEvent.click(screen.getByTestId('stepper-increase'))
    })
    await waitFor(() => expect(total()).toBe('¥136.00'))
    expect(fake.callsOf('cart', 'update')[0].data).toEqual({ skuId: 'sku-oolong-100', quantity: 2 })
  })

  test('lines with problems show why and cannot be selected', async () => {
    const { cart } = setup()
    cart.put('sku-cake-6', 1) // sold out
    cart.put('sku-oolong-100', 5) // stock 3
    cart.put('sku-bagel-sesame', 1)
    render(<CartPage />)
    await screen.findByText('巴斯克芝士蛋糕')
    const soldOut = screen.getByTestId('line-sku-cake-6')
    expect(within(soldOut).getAllByText('已售罄').length).toBeGreaterThan(0)
    expect(within(screen.getByTestId('line-sku-oolong-100')).getByText('库存不足，仅剩 3 件')).toBeTruthy()
    fireEvent.click(screen.getByTestId('check-sku-cake-6'))
    fireEvent.click(screen.getByTestId('check-sku-oolong-100'))
    expect(useCartStore.getState().selectedSkuIds).toEqual(['sku-bagel-sesame'])
    expect(total()).toBe('¥11.00')
  })

  test('删除 asks first, then removes the line on the server', async () => {
    const { cart, fake } = setup()
    cart.put('sku-oolong-100', 1)
    cart.put('sku-bagel-sesame', 1)
    render(<CartPage />)
    await screen.findByText('冻顶乌龙')
    await act(async () => {
      fireEvent.click(within(screen.getByTestId('line-sku-oolong-100')).getByText('删除'))
    })
    await waitFor(() => expect(screen.queryByText('冻顶乌龙')).toBeNull())
    expect(jest.mocked(Taro.showModal)).toHaveBeenCalledTimes(1)
    expect(fake.callsOf('cart', 'remove')[0].data).toEqual({ skuIds: ['sku-oolong-100'] })
    expect(total()).toBe('¥11.00')
  })

  test('a failed load shows the error; retry loads the cart', async () => {
    const { cart, fake } = setup()
    cart.put('sku-oolong-100', 1)
    const list = fake.handlers['cart.list']
    fake.handlers['cart.list'] = () => {
      throw fail('INTERNAL', '服务开小差了')
    }
    render(<CartPage />)
    expect(await screen.findByText('服务开小差了')).toBeTruthy()
    fake.handlers['cart.list'] = list
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('冻顶乌龙')).toBeTruthy()
  })

  test('showing the page again reloads the server cart and repaints the badge', async () => {
    const { cart } = setup()
    render(<CartPage />)
    await screen.findByText('购物车还是空的，去挑几件好物吧')
    cart.put('sku-oolong-100', 2) // added elsewhere (another page or device)
    await act(async () => {
      trigger('didShow')
    })
    expect(await screen.findByText('冻顶乌龙')).toBeTruthy()
    await waitFor(() => expect(jest.mocked(Taro.setTabBarBadge)).toHaveBeenCalledWith({ index: 2, text: '2' }))
  })
})
