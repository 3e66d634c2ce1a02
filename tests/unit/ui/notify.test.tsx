/** @jest-environment jsdom */
import { afterEach, describe, expect, jest, test } from '@jest/globals'
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import NotifyInboxPage from '../../../src/packages/notify/inbox'
import MePage from '../../../src/pages/me'
import { inboxLink } from '../../../src/packages/notify/inbox/links'
import { setTransport } from '../../../src/api'
import { createFakeTransport, fail } from '../../mocks/fake-transport'

const message = (id: string, title: string, read: boolean, createdAt: number, page = `packages/trade/order/index?id=${id}`) => ({
  id,
  template: 'orderPaid',
  title,
  lines: [
    { label: '商品', value: '手冲咖啡豆' },
    { label: '支付金额', value: '¥138.00' }
  ],
  page,
  read,
  createdAt
})

function setup(items = [message('o2', '支付成功', false, 2_000), message('o1', '订单已发货', true, 1_000)]) {
  const state = items.map((m) => ({ ...m }))
  const fake = createFakeTransport({
    'notify.inbox': () => ({ items: state, page: 1, hasMore: false }),
    'notify.markRead': ({ ids, all }: { ids?: string[]; all?: boolean }) => {
      for (const m of state) if (all || ids?.includes(m.id)) m.read = true
      return { updated: 1 }
    }
  })
  setTransport(fake.transport)
  return fake
}

afterEach(() => {
  cleanup()
  jest.clearAllMocks()
})

describe('服务通知', () => {
  test('messages in the server order, unread marked, 全部已读 clears them', async () => {
    const fake = setup()
    render(<NotifyInboxPage />)
    const items = await screen.findAllByTestId('notify-item')
    expect(items.map((el) => within(el).getAllByText(/支付成功|订单已发货/)[0].textContent)).toEqual(['支付成功', '订单已发货'])
    expect(items.map((el) => el.getAttribute('data-unread'))).toEqual(['1', '0'])
    expect(screen.getByTestId('notify-unread-count').textContent).toBe('1 条未读')
    fireEvent.click(screen.getByTestId('notify-mark-all'))
    expect(await screen.findByText('全部已读', { selector: '[data-testid="notify-unread-count"]' })).toBeTruthy()
    expect(fake.callsOf('notify', 'markRead')[0].data).toEqual({ all: true })
    expect(screen.queryAllByTestId('notify-unread-dot')).toHaveLength(0)
  })

  test('opening a message marks it read and opens its order', async () => {
    const fake = setup()
    render(<NotifyInboxPage />)
    const [first] = await screen.findAllByTestId('notify-item')
    fireEvent.click(first)
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenCalledWith({ url: '/packages/trade/order/index?id=o2' })
    expect(fake.callsOf('notify', 'markRead')[0].data).toEqual({ ids: ['o2'] })
    expect(first.getAttribute('data-unread')).toBe('0')
  })

  test('empty and error states', async () => {
    setup([])
    const { unmount } = render(<NotifyInboxPage />)
    expect(await screen.findByText(/暂无服务通知/)).toBeTruthy()
    unmount()
    setTransport(
      createFakeTransport({
        'notify.inbox': () => {
          throw fail('INTERNAL', '服务繁忙')
        }
      }).transport
    )
    render(<NotifyInboxPage />)
    expect(await screen.findByText('服务繁忙')).toBeTruthy()
    expect(screen.getByText('重试')).toBeTruthy()
  })

  test('a message opens its page: tab pages by switchTab', () => {
    expect(inboxLink('packages/trade/order/index?id=o1')).toBe('/packages/trade/order/index?id=o1')
    expect(inboxLink('/packages/member/points/index')).toBe('/packages/member/points/index')
    expect(inboxLink('')).toBeNull()
  })
  test('我的: 服务通知 with the unread badge; 门店核销 for staff only; 直播', async () => {
    for (const roles of [['customer'], ['staff']]) {
      setTransport(
        createFakeTransport({
          'system.whoami': () => ({ openid: 'demo-staff', roles, staffStoreIds: [] }),
          'order.list': () => ({ items: [], page: 0, pageSize: 50, hasMore: false }),
          'cart.list': () => ({ items: [] }),
          'notify.unreadCount': () => ({ count: 3 })
        }).transport
      )
      const { unmount } = render(<MePage />)
      expect((await screen.findByTestId('me-notify-badge')).textContent).toBe('3')
      await screen.findByTestId('account-card')
      expect(screen.queryByTestId('me-entry-staff') !== null).toBe(roles.includes('staff'))
      fireEvent.click(screen.getByTestId('me-entry-notify'))
      expect(jest.mocked(Taro.navigateTo)).toHaveBeenLastCalledWith({ url: '/packages/notify/inbox/index' })
      fireEvent.click(screen.getByTestId('me-entry-live'))
      expect(jest.mocked(Taro.navigateTo)).toHaveBeenLastCalledWith({ url: '/packages/live/list/index' })
      unmount()
    }
  })
})
