/** @jest-environment jsdom */
import { afterEach, describe, expect, jest, test } from '@jest/globals'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import NavBar, { navFor } from '../../../src/components/nav-bar'
import Skeleton from '../../../src/components/skeleton'
import NotFoundPage from '../../../src/packages/nav/not-found'
import { HOME_URL } from '../../../src/utils/routes'

const getCurrentPages = Taro.getCurrentPages as jest.Mock<() => unknown[]>

/** The H5 router moves to `path` with `depth` pages in its stack, then announces it. */
function routeTo(path: string, depth: number) {
  window.history.pushState(null, '', path)
  getCurrentPages.mockReturnValue(Array.from({ length: depth }, () => ({})))
  act(() => Taro.eventCenter.trigger('__afterTaroRouterChange'))
}

afterEach(() => {
  cleanup()
  jest.clearAllMocks()
  window.history.pushState(null, '', '/')
})

describe('the H5 title bar with its 返回 / 首页 capsule', () => {
  test('none on tab pages; 首页 always elsewhere; 返回 only with a page to go back to', () => {
    expect(navFor('/pages/home/index', 1)).toBeNull()
    expect(navFor('/pages/cart/index', 2)).toBeNull()
    expect(navFor('/', 1)).toBeNull()
    expect(navFor('/pages/product/index?id=p1', 1)).toEqual({ back: false })
    expect(navFor('/packages/trade/checkout/index', 3)).toEqual({ back: true })
  })

  test('a shared product link: the page title, 首页 relaunches home, 返回 is not offered', () => {
    window.history.pushState(null, '', '/pages/product/index?id=p-tea-oolong')
    document.title = '冻顶乌龙'
    getCurrentPages.mockReturnValue([{}])
    render(<NavBar />)
    expect(screen.getByTestId('nav-title').textContent).toBe('冻顶乌龙')
    act(() => Taro.eventCenter.trigger('__taroH5SetNavigationBarTitle', '商品详情'))
    expect(screen.getByTestId('nav-title').textContent).toBe('商品详情')
    // Rendered into <body>, outside the router's page container.
    expect(screen.getByTestId('nav-bar').parentElement).toBe(document.body)
    expect(screen.getByTestId('nav-back').className).toContain('nav-bar__button--off')
    fireEvent.click(screen.getByTestId('nav-back'))
    expect(Taro.navigateBack).not.toHaveBeenCalled()
    fireEvent.click(screen.getByTestId('nav-home'))
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: HOME_URL })
  })

  test('follows the router: gone on a tab page, 返回 once a page was opened from another', () => {
    window.history.pushState(null, '', HOME_URL)
    getCurrentPages.mockReturnValue([{}])
    render(<NavBar />)
    expect(screen.queryByTestId('nav-bar')).toBeNull()

    routeTo('/packages/groupbuy/group/index?id=g1', 2)
    expect(screen.getByTestId('nav-back').className).not.toContain('--off')
    fireEvent.click(screen.getByTestId('nav-back'))
    expect(Taro.navigateBack).toHaveBeenCalledTimes(1)

    routeTo('/pages/me/index', 1)
    expect(screen.queryByTestId('nav-bar')).toBeNull()
  })
})

describe('the 404 page', () => {
  test('says the page is gone and leads home', () => {
    render(<NotFoundPage />)
    expect(screen.getByText('这个页面不存在或已下线，去首页看看吧')).toBeTruthy()
    fireEvent.click(screen.getByText('回到首页'))
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: HOME_URL })
  })
})

describe('Skeleton', () => {
  test('each layout draws its shape and reads as loading', () => {
    const { rerender } = render(<Skeleton layout='home' />)
    const skeleton = () => screen.getByTestId('skeleton')
    expect(skeleton().getAttribute('aria-busy')).toBe('true')
    expect(skeleton().querySelectorAll('.skeleton__banner')).toHaveLength(1)
    expect(skeleton().querySelectorAll('.skeleton__entry')).toHaveLength(4)
    expect(skeleton().querySelectorAll('.skeleton__cell')).toHaveLength(4)

    rerender(<Skeleton layout='product' />)
    expect(skeleton().querySelectorAll('.skeleton__gallery')).toHaveLength(1)
    expect(skeleton().querySelectorAll('.skeleton__price')).toHaveLength(1)

    rerender(<Skeleton layout='list' rows={3} />)
    expect(skeleton().querySelectorAll('.skeleton__row')).toHaveLength(3)

    rerender(<Skeleton layout='grid' rows={6} />)
    expect(skeleton().querySelectorAll('.skeleton__cell')).toHaveLength(6)
    expect(skeleton().textContent).toBe('')
  })
})
