/** @jest-environment jsdom */
import { afterEach, describe, expect, test } from '@jest/globals'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import type { OpsCategoryView, OpsProductRow } from '../../../src/core/contracts/catalog-admin'
import OpsCategoriesPage from '../../../src/packages/ops/categories'
import OpsProductsPage from '../../../src/packages/ops/products'
import { createFakeTransport, type FakeHandler } from '../../mocks/fake-transport'

jest.mock('../../../src/utils/cloud-file', () => ({
  uploadImage: jest.fn(),
  useFileUrl: (src: string | null | undefined) => (src ? `/api/storage/${src.replace('cloud://', '')}` : null)
}))

const row = (over: Partial<OpsProductRow>): OpsProductRow => ({
  productId: 'p_1',
  name: '桂花乌龙',
  image: 'cloud://local.siyu/images/a.png',
  status: 'OFF_SALE',
  categoryName: '茶饮',
  minPriceFen: 5900,
  maxPriceFen: 9900,
  totalStock: 25,
  skuCount: 2,
  updatedAt: 1,
  ...over
})

function setup(page: 'products' | 'categories', handlers: Record<string, FakeHandler>) {
  const fake = createFakeTransport({
    'system.whoami': () => ({ openid: 'demo-operator', roles: ['operator'], staffStoreIds: [] }),
    ...handlers
  })
  setTransport(fake.transport)
  render(page === 'products' ? <OpsProductsPage /> : <OpsCategoriesPage />)
  return fake
}

afterEach(() => {
  cleanup()
  jest.clearAllMocks()
})

describe('ops products list', () => {
  test('shows tabs with counts, picture, price range and stock; publishes after a confirmation', async () => {
    let status: 'ON_SALE' | 'OFF_SALE' = 'OFF_SALE'
    const fake = setup('products', {
      'catalog.opsProducts': (input) => ({
        items: input.status && input.status !== status ? [] : [row({ status })],
        page: 0,
        pageSize: 20,
        hasMore: false,
        counts: { ON_SALE: status === 'ON_SALE' ? 1 : 0, OFF_SALE: status === 'OFF_SALE' ? 1 : 0, all: 1 }
      }),
      'catalog.setProductStatus': (input) => {
        status = input.status
        return input
      }
    })
    await screen.findByText('没有在售的商品，新建商品后在「已下架」里上架')
    expect(screen.getByTestId('products-tab-OFF_SALE').textContent).toBe('已下架 1')
    fireEvent.click(screen.getByTestId('products-tab-OFF_SALE'))
    const item = await screen.findByTestId('ops-product-p_1')
    expect(item.textContent).toContain('¥59.00 – ¥99.00')
    expect(item.textContent).toContain('库存 25')
    expect(item.querySelector('img')?.getAttribute('src')).toBe('/api/storage/local.siyu/images/a.png')

    fireEvent.click(screen.getByTestId('ops-product-toggle-p_1'))
    await waitFor(() => expect(fake.callsOf('catalog', 'setProductStatus')).toHaveLength(1))
    expect(Taro.showModal).toHaveBeenCalled()
    expect(fake.callsOf('catalog', 'setProductStatus')[0]!.data).toEqual({ productId: 'p_1', status: 'ON_SALE' })
    await waitFor(() => expect(screen.getByTestId('products-tab-ON_SALE').textContent).toBe('在售 1'))

    fireEvent.click(screen.getByTestId('products-new'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/ops/product-form/index' })
  })
})

describe('ops categories', () => {
  test('adds, refuses a duplicate name, and moves a category down', async () => {
    let items: OpsCategoryView[] = [
      { categoryId: 'cat-tea', name: '茶饮', sort: 10, icon: null, productCount: 2 },
      { categoryId: 'cat-snack', name: '零食', sort: 20, icon: null, productCount: 0 }
    ]
    const fake = setup('categories', {
      'catalog.opsCategories': () => items,
      'catalog.saveCategory': (input) => {
        items = [...items, { categoryId: 'cat-new', name: input.name, sort: 30, icon: null, productCount: 0 }]
        return { categoryId: 'cat-new' }
      },
      'catalog.sortCategories': (input) => {
        items = input.categoryIds.map((id: string, i: number) => ({ ...items.find((c) => c.categoryId === id)!, sort: (i + 1) * 10 }))
        return input
      }
    })
    await screen.findByTestId('category-row-1')
    fireEvent.change(document.getElementById('category-new')!, { target: { value: '零食' } })
    fireEvent.click(screen.getByTestId('category-add'))
    expect(screen.getByTestId('category-new-error').textContent).toBe('已有同名分类')
    fireEvent.change(document.getElementById('category-new')!, { target: { value: '茶器' } })
    fireEvent.click(screen.getByTestId('category-add'))
    await screen.findByTestId('category-row-2')
    expect(fake.callsOf('catalog', 'saveCategory')[0]!.data).toMatchObject({ name: '茶器' })
    expect(String(fake.callsOf('catalog', 'saveCategory')[0]!.data.requestId)).toMatch(/^[A-Za-z0-9_-]{8,64}$/)

    fireEvent.click(screen.getByTestId('category-down-0'))
    await waitFor(() => expect(screen.getByTestId('category-row-0').textContent).toContain('零食'))
    expect(fake.callsOf('catalog', 'sortCategories')[0]!.data).toEqual({ categoryIds: ['cat-snack', 'cat-tea', 'cat-new'] })
  })
})
