/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import HomePage from '../../../src/pages/home'
import { setTransport } from '../../../src/api'
import { useCartStore } from '../../../src/stores/cart'
import type { ProductSummary } from '../../../src/core/contracts/catalog'
import { BANNERS, CHEESECAKE, MIXED, OOLONG, product, sku, summary } from '../../mocks/catalog-fixtures'
import { createFakeCart } from '../../mocks/fake-cart'
import { createFakeTransport, fail, type FakeHandler } from '../../mocks/fake-transport'
import { trigger } from '../../mocks/taro'

const FEATURED = [summary(OOLONG), summary(CHEESECAKE)]
/** 12 more products for the paged "全部商品" list (pages of 10). */
const ALL: ProductSummary[] = [
  ...FEATURED,
  summary(MIXED),
  ...Array.from({ length: 11 }, (_, i) => summary(product(`p-extra-${i}`, `好物${i}`, [sku(`sku-extra-${i}`, '标准', 1000 + i, 5)])))
]

function setup(home: FakeHandler = () => ({ banners: BANNERS, featured: FEATURED })) {
  const fake = createFakeTransport({
    ...createFakeCart([]).handlers,
    'catalog.home': home,
    'catalog.listProducts': ({ page, pageSize }: { page: number; pageSize: number }) => ({
      items: ALL.slice(page * pageSize, (page + 1) * pageSize),
      page,
      pageSize,
      hasMore: (page + 1) * pageSize < ALL.length
    })
  })
  setTransport(fake.transport)
  return fake
}

beforeEach(() => useCartStore.getState().reset())
afterEach(() => {
  cleanup()
  jest.clearAllMocks()
})

describe('home page', () => {
  test('renders banners, the entry tiles and featured products from catalog.home', async () => {
    setup()
    const { container } = render(<HomePage />)
    expect(await screen.findByText('精选推荐')).toBeTruthy()
    const bannerImages = container.querySelectorAll('.home__banner-image')
    expect([...bannerImages].map((img) => img.getAttribute('src'))).toEqual(BANNERS.map((b) => b.image))
    expect(screen.getByText('冻顶乌龙')).toBeTruthy()
    expect(screen.getByText('¥68.00')).toBeTruthy()
    for (const label of ['积分商城', '拼团', '秒杀', '直播']) expect(screen.getByText(label)).toBeTruthy()

    // A banner opens its link: a tab page by switchTab, a product by navigateTo.
    fireEvent.click(bannerImages[0])
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenCalledWith({ url: '/pages/product/index?id=p-oolong' })
    fireEvent.click(bannerImages[1])
    expect(jest.mocked(Taro.switchTab)).toHaveBeenCalledWith({ url: '/pages/member/index' })
  })

  test('the 直播 tile opens the live rooms', async () => {
    setup()
    render(<HomePage />)
    fireEvent.click(await screen.findByText('直播'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenCalledWith({ url: '/packages/live/list/index' })
  })

  test('全部商品 leaves out the featured products and loads the next page at the bottom', async () => {
    const fake = setup()
    render(<HomePage />)
    expect(await screen.findByText('全麦贝果')).toBeTruthy()
    expect(screen.getAllByText('冻顶乌龙')).toHaveLength(1)
    expect(screen.queryByText('好物10')).toBeNull()
    await act(async () => {
      trigger('reachBottom')
    })
    expect(await screen.findByText('好物10')).toBeTruthy()
    expect(fake.callsOf('catalog', 'listProducts').map((c) => c.data.page)).toEqual([0, 1])
    expect(screen.getByText('没有更多了')).toBeTruthy()
  })

  test('a failed load shows the error state, and 重试 loads again', async () => {
    let failing = true
    const fake = setup(() => {
      if (failing) throw fail('INTERNAL', '服务开小差了，请稍后重试')
      return { banners: BANNERS, featured: FEATURED }
    })
    render(<HomePage />)
    expect(await screen.findByText('服务开小差了，请稍后重试')).toBeTruthy()
    failing = false
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('精选推荐')).toBeTruthy()
    expect(fake.callsOf('catalog', 'home')).toHaveLength(2)
  })

  test('pull-down refresh reloads and stops the indicator', async () => {
    const fake = setup()
    render(<HomePage />)
    await screen.findByText('精选推荐')
    await act(async () => {
      trigger('pullDownRefresh')
    })
    await waitFor(() => expect(jest.mocked(Taro.stopPullDownRefresh)).toHaveBeenCalled())
    expect(fake.callsOf('catalog', 'home')).toHaveLength(2)
  })

  test('an empty shop says so', async () => {
    const fake = setup(() => ({ banners: [], featured: [] }))
    fake.handlers['catalog.listProducts'] = ({ page, pageSize }: { page: number; pageSize: number }) => ({ items: [], page, pageSize, hasMore: false })
    render(<HomePage />)
    expect(await screen.findByText('商品正在上架中，稍后再来看看')).toBeTruthy()
  })
})
