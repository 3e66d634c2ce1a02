/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Price from '../../../src/components/price'
import StateView from '../../../src/components/state-view'
import QuantityStepper from '../../../src/components/quantity-stepper'
import ProductCard from '../../../src/components/product-card'
import IdentitySwitcher from '../../../src/components/identity-switcher'
import { setTransport } from '../../../src/api'
import { useCartStore } from '../../../src/stores/cart'
import { newRequestId, REQUEST_ID_PATTERN } from '../../../src/utils/request-id'
import { CHEESECAKE, OOLONG, summary } from '../../mocks/catalog-fixtures'
import { createFakeTransport } from '../../mocks/fake-transport'
import { createFakeCart } from '../../mocks/fake-cart'

afterEach(() => {
  cleanup()
  jest.clearAllMocks()
})

describe('Price', () => {
  test('formats integer fen as yuan with two decimals', () => {
    const { container, rerender } = render(<Price fen={12345} />)
    expect(container.textContent).toBe('¥123.45')
    rerender(<Price fen={5} />)
    expect(container.textContent).toBe('¥0.05')
    rerender(<Price fen={0} />)
    expect(container.textContent).toBe('¥0.00')
  })

  test('a struck-through reference price and sizes are classes', () => {
    render(<Price fen={8800} strike size='sm' />)
    const el = screen.getByText('¥88.00')
    expect(el.className).toContain('price--strike')
    expect(el.className).toContain('price--sm')
  })
})

describe('StateView', () => {
  test('loading and empty show their text; empty offers its action', () => {
    const onAction = jest.fn()
    const { rerender } = render(<StateView state='loading' />)
    expect(screen.getByText('加载中…')).toBeTruthy()
    rerender(<StateView state='empty' message='购物车是空的' actionText='去逛逛' onAction={onAction} />)
    fireEvent.click(screen.getByText('去逛逛'))
    expect(onAction).toHaveBeenCalledTimes(1)
    expect(screen.queryByText('重试')).toBeNull()
  })

  test('error shows the message and a retry button', () => {
    const onRetry = jest.fn()
    render(<StateView state='error' message='网络不给力' onRetry={onRetry} />)
    expect(screen.getByText('网络不给力')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    expect(onRetry).toHaveBeenCalledTimes(1)
  })
})

describe('QuantityStepper', () => {
  test('steps within bounds and does nothing at a bound', () => {
    const onChange = jest.fn()
    const { rerender } = render(<QuantityStepper value={1} min={1} max={3} onChange={onChange} />)
    fireEvent.click(screen.getByTestId('stepper-decrease'))
    expect(onChange).not.toHaveBeenCalled()
    expect(screen.getByTestId('stepper-decrease').getAttribute('aria-disabled')).toBe('true')
    fireEvent.click(screen.getByTestId('stepper-increase'))
    expect(onChange).toHaveBeenLastCalledWith(2)

    rerender(<QuantityStepper value={3} min={1} max={3} onChange={onChange} />)
    onChange.mockClear()
    fireEvent.click(screen.getByTestId('stepper-increase'))
    expect(onChange).not.toHaveBeenCalled()
    fireEvent.click(screen.getByTestId('stepper-decrease'))
    expect(onChange).toHaveBeenLastCalledWith(2)
  })

  test('a value above max steps down to max; disabled does nothing', () => {
    const onChange = jest.fn()
    const { rerender } = render(<QuantityStepper value={5} min={1} max={2} onChange={onChange} />)
    fireEvent.click(screen.getByTestId('stepper-decrease'))
    expect(onChange).toHaveBeenLastCalledWith(2)
    onChange.mockClear()
    rerender(<QuantityStepper value={2} min={1} max={9} onChange={onChange} disabled />)
    fireEvent.click(screen.getByTestId('stepper-increase'))
    fireEvent.click(screen.getByTestId('stepper-decrease'))
    expect(onChange).not.toHaveBeenCalled()
  })
})

describe('ProductCard', () => {
  test('shows the from-price, the 划线价 and opens the product page', () => {
    render(<ProductCard product={summary(OOLONG)} />)
    expect(screen.getByText('冻顶乌龙')).toBeTruthy()
    expect(screen.getByText('¥68.00')).toBeTruthy()
    expect(screen.getByText('¥88.00').className).toContain('price--strike')
    fireEvent.click(screen.getByText('冻顶乌龙'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenCalledWith({ url: '/pages/product/index?id=p-oolong' })
  })

  test('marks a sold-out product', () => {
    render(<ProductCard product={summary(CHEESECAKE)} layout='row' />)
    expect(screen.getByText('已售罄')).toBeTruthy()
  })
})

describe('newRequestId', () => {
  test('answers distinct ids in the server format', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newRequestId()))
    expect(ids.size).toBe(200)
    for (const id of ids) expect(id).toMatch(REQUEST_ID_PATTERN)
  })
})

describe('IdentitySwitcher', () => {
  const users = [
    { openid: 'demo-customer', nickname: '小思（顾客）', roles: [], staffStoreIds: [] },
    { openid: 'demo-staff', nickname: '店员小王', roles: ['staff'], staffStoreIds: ['store-demo'] }
  ]
  let fetchMock: jest.Mock<(url: string, init?: RequestInit) => Promise<unknown>>

  beforeEach(() => {
    fetchMock = jest.fn(async (url: string) => {
      if (url === '/api/dev/users') return { ok: true, json: async () => ({ users }) }
      if (url === '/api/dev/login') return { ok: true, json: async () => ({ token: 't-staff' }) }
      throw new Error(`unexpected ${url}`)
    })
    ;(globalThis as { fetch?: unknown }).fetch = fetchMock
    jest.mocked(Taro.getStorageSync).mockImplementation(((key: string) => (key === 'siyu.openid' ? 'demo-customer' : '')) as typeof Taro.getStorageSync)
  })

  test('lists identities with roles, marks the current one, and switches', async () => {
    const fake = createFakeTransport(createFakeCart([OOLONG]).handlers)
    setTransport(fake.transport)
    await act(async () => {
      await useCartStore.getState().load()
    })
    expect(useCartStore.getState().status).toBe('ready')

    render(<IdentitySwitcher />)
    expect(await screen.findByText('店员小王')).toBeTruthy()
    expect(screen.getByTestId('identity-demo-customer').textContent).toContain('当前')
    expect(screen.getByTestId('identity-demo-staff').textContent).toContain('店员')

    // Tapping the current identity does nothing.
    fireEvent.click(screen.getByTestId('identity-demo-customer'))
    expect(fetchMock).toHaveBeenCalledTimes(1)

    fireEvent.click(screen.getByTestId('identity-demo-staff'))
    await waitFor(() => expect(jest.mocked(Taro.reLaunch)).toHaveBeenCalledWith({ url: '/pages/home/index' }))
    const login = fetchMock.mock.calls.find(([url]) => url === '/api/dev/login')
    expect(JSON.parse(String(login?.[1]?.body))).toEqual({ openid: 'demo-staff' })
    expect(jest.mocked(Taro.setStorageSync)).toHaveBeenCalledWith('siyu.openid', 'demo-staff')
    // The previous identity's cart is forgotten.
    expect(useCartStore.getState().status).toBe('idle')
  })

  test('a failed user list shows an error with retry', async () => {
    fetchMock.mockImplementationOnce(async () => {
      throw new TypeError('Failed to fetch')
    })
    render(<IdentitySwitcher />)
    expect(await screen.findByText('网络不给力，请稍后重试')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('店员小王')).toBeTruthy()
  })
})
