/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import CatalogPage from '../../../src/pages/catalog'
import { setTransport } from '../../../src/api'
import { useCartStore } from '../../../src/stores/cart'
import type { ProductSummary } from '../../../src/core/contracts/catalog'
import { CATEGORIES, product, sku, summary } from '../../mocks/catalog-fixtures'
import { createFakeCart } from '../../mocks/fake-cart'
import { createFakeTransport, fail } from '../../mocks/fake-transport'

/** 12 teas (two pages of 10), no bakery. */
const TEAS: ProductSummary[] = Array.from({ length: 12 }, (_, i) => summary(product(`p-tea-${i}`, `茶${i}号`, [sku(`sku-tea-${i}`, '罐装', 2000 + i, 9)])))

function setup() {
  const fake = createFakeTransport({
    ...createFakeCart([]).handlers,
    'catalog.categories': () => CATEGORIES,
    'catalog.listProducts': ({ categoryId, page, pageSize }: { categoryId?: string; page: number; pageSize: number }) => {
      const all = categoryId === 'cat-tea' ? TEAS : []
      return { items: all.slice(page * pageSize, (page + 1) * pageSize), page, pageSize, hasMore: (page + 1) * pageSize < all.length }
    }
  })
  setTransport(fake.transport)
  return fake
}

beforeEach(() => useCartStore.getState().reset())
afterEach(() => {
  cleanup()
  jest.clearAllMocks()
})

describe('catalog page', () => {
  test('lists the first category, loads more at the end of the list, and shows an empty category', async () => {
    const fake = setup()
    const { container } = render(<CatalogPage />)
    expect(await screen.findByText('茶0号')).toBeTruthy()
    expect(screen.getByText('茶饮').closest('.catalog__category')?.className).toContain('catalog__category--active')
    expect(screen.queryByText('茶11号')).toBeNull()

    const list = container.querySelector('.catalog__products') as HTMLElement
    await act(async () => {
      list.dispatchEvent(new Event('scrolltolower'))
    })
    expect(await screen.findByText('茶11号')).toBeTruthy()
    expect(screen.getByText('没有更多了')).toBeTruthy()

    fireEvent.click(screen.getByText('烘焙'))
    expect(await screen.findByText('「烘焙」暂时没有在售商品')).toBeTruthy()
    expect(fake.callsOf('catalog', 'listProducts').map((c) => [c.data.categoryId, c.data.page])).toEqual([
      ['cat-tea', 0],
      ['cat-tea', 1],
      ['cat-bakery', 0]
    ])
  })

  test('a failed category list shows the error with retry', async () => {
    const fake = setup()
    const categories = fake.handlers['catalog.categories']
    fake.handlers['catalog.categories'] = () => {
      throw fail('INTERNAL', '服务开小差了')
    }
    render(<CatalogPage />)
    expect(await screen.findByText('服务开小差了')).toBeTruthy()
    fake.handlers['catalog.categories'] = categories
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('茶0号')).toBeTruthy()
  })
})
