/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import SearchPage from '../../../src/packages/search/index'
import { HISTORY_KEY } from '../../../src/packages/search/index/history'
import { setTransport } from '../../../src/api'
import { CATEGORIES, OOLONG, CHEESECAKE, summary } from '../../mocks/catalog-fixtures'
import { createFakeTransport } from '../../mocks/fake-transport'

function setup() {
  const fake = createFakeTransport({
    'catalog.categories': () => CATEGORIES,
    'catalog.searchSuggest': ({ q }: { q: string }) => ({ q, items: q.includes('乌') ? [{ productId: OOLONG._id, name: OOLONG.name }] : [] }),
    'catalog.searchProducts': ({ q, page, pageSize }: { q: string; page: number; pageSize: number }) =>
      q.includes('乌龙')
        ? { q, items: [summary(OOLONG)], page, pageSize, hasMore: false, popular: [] }
        : { q, items: [], page, pageSize, hasMore: false, popular: [summary(CHEESECAKE)] }
  })
  setTransport(fake.transport)
  render(<SearchPage />)
  return fake
}

const type = (value: string) => fireEvent.change(screen.getByTestId('search-input'), { target: { value } })

const storage = new Map<string, unknown>()
beforeEach(() => {
  storage.clear()
  jest.mocked(Taro.getStorageSync).mockImplementation(((key: string) => storage.get(key) ?? '') as typeof Taro.getStorageSync)
  jest.mocked(Taro.setStorageSync).mockImplementation((key: string, value: unknown) => void storage.set(key, value))
  jest.useFakeTimers()
})
afterEach(() => {
  cleanup()
  jest.useRealTimers()
  jest.clearAllMocks()
})

describe('search page', () => {
  test('suggests names while typing (one call per pause), searches a suggestion and remembers it', async () => {
    const fake = setup()
    type('乌')
    type('乌龙')
    await act(async () => {
      await jest.advanceTimersByTimeAsync(300)
    })
    expect(fake.callsOf('catalog', 'searchSuggest').map((c) => c.data.q)).toEqual(['乌龙'])
    const suggestions = screen.getByTestId('search-suggestions')
    expect(suggestions.textContent).toContain('冻顶乌龙')
    fireEvent.click(screen.getByText('冻顶乌龙'))
    await act(async () => {
      await jest.advanceTimersByTimeAsync(10)
    })
    expect(screen.getByTestId('search-results').textContent).toContain('冻顶乌龙')
    expect(fake.callsOf('catalog', 'searchProducts').map((c) => c.data.q)).toEqual(['冻顶乌龙'])
    expect(JSON.parse(Taro.getStorageSync(HISTORY_KEY) as string)).toEqual(['冻顶乌龙'])
  })

  test('an empty result offers categories and popular products; history shows on return and can be cleared', async () => {
    Taro.setStorageSync(HISTORY_KEY, JSON.stringify(['抹茶']))
    setup()
    await act(async () => {
      await jest.advanceTimersByTimeAsync(10)
    })
    expect(screen.getByTestId('search-history').textContent).toContain('抹茶')
    type('火锅')
    fireEvent.click(screen.getByTestId('search-go'))
    await act(async () => {
      await jest.advanceTimersByTimeAsync(10)
    })
    const empty = screen.getByTestId('search-empty')
    expect(empty.textContent).toContain('没有找到与「火锅」相关的商品')
    expect(empty.textContent).toContain('巴斯克芝士蛋糕')
    expect(screen.getByTestId('search-categories').textContent).toContain('茶饮')

    fireEvent.click(screen.getByTestId('search-clear'))
    expect(screen.getByTestId('search-history').textContent).toContain('火锅')
    fireEvent.click(screen.getByText('清空'))
    await waitFor(() => expect(screen.queryByTestId('search-history')).toBeNull())
  })
})
