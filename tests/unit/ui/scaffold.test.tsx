/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import CartBadge from '../../../src/components/cart-badge'
import HomePage from '../../../src/pages/home'
import { useCartStore } from '../../../src/stores/cart'

beforeEach(() => {
  act(() => useCartStore.getState().clear())
})
afterEach(() => {
  cleanup()
  jest.clearAllMocks()
})

describe('CartBadge', () => {
  test('shows the cart count from the zustand store and adds one on tap', () => {
    render(<CartBadge label='已加入' />)
    expect(screen.getByText('已加入')).not.toBeNull()
    expect(screen.getByText('0 件')).not.toBeNull()

    fireEvent.click(screen.getByText('0 件'))
    expect(screen.getByText('1 件')).not.toBeNull()
    expect(useCartStore.getState().count).toBe(1)
  })
})

describe('HomePage', () => {
  test('renders its title and navigates to the points subpackage', () => {
    render(<HomePage />)
    expect(screen.getByText('首页')).not.toBeNull()
    expect(screen.getByText(/^欢迎来到私域商城，今天是 \d{4}-\d{2}-\d{2}。$/)).not.toBeNull()

    fireEvent.click(screen.getByText('去积分商城 ›'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenCalledWith({
      url: '/packages/points/pages/index/index'
    })
  })
})
