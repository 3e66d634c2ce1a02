/** @jest-environment jsdom */
import { afterEach, describe, expect, jest, test } from '@jest/globals'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import LiveListPage from '../../../src/packages/live/list'
import LiveRoomPage from '../../../src/packages/live/room'
import { livePlayerUrl } from '../../../src/packages/live/shared/enter'
import { setTransport } from '../../../src/api'
import { createFakeTransport } from '../../mocks/fake-transport'
import { setRouterParams } from '../../mocks/taro'

const room = (roomId: string, status: 'live' | 'upcoming' | 'ended', reminded = false) => ({
  roomId,
  title: `直播间 ${roomId}`,
  anchorName: '小思主播',
  cover: null,
  startAt: Date.UTC(2026, 10, 25, 12),
  endAt: Date.UTC(2026, 10, 25, 14),
  status,
  hasReplay: status === 'ended',
  goods: [{ productId: 'p1', skuId: 's1', name: '手冲咖啡豆', price: 6900, image: null }],
  reminded
})

function setup() {
  let reminded = false
  const fake = createFakeTransport({
    'live.list': ({ tab }: { tab: string }) => ({
      tab,
      rooms: tab === 'live' ? [room('101', 'live')] : tab === 'upcoming' ? [room('102', 'upcoming', reminded)] : [],
      serverNow: Date.now()
    }),
    'live.remind': ({ roomId }: { roomId: string }) => {
      reminded = true
      return { roomId, reminded: true, remindAt: Date.now() }
    },
    'notify.subscribe': () => ({ quota: {}, ignored: [] }),
    'live.get': ({ roomId }: { roomId: string }) => ({ room: room(roomId, 'live'), serverNow: Date.now() })
  })
  setTransport(fake.transport)
  return fake
}

const originalEnv = process.env.TARO_ENV
afterEach(() => {
  cleanup()
  jest.clearAllMocks()
  process.env.TARO_ENV = originalEnv
  setRouterParams({})
})

describe('直播', () => {
  test('tabs list rooms; 提醒我 records the reminder once; 回放 empty state', async () => {
    process.env.TARO_ENV = 'h5'
    const fake = setup()
    render(<LiveListPage />)
    expect(await screen.findByText('直播间 101')).toBeTruthy()
    fireEvent.click(screen.getByTestId('live-enter'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenLastCalledWith({ url: '/packages/live/room/index?id=101' })

    fireEvent.click(screen.getByTestId('live-tab-upcoming'))
    expect(await screen.findByText('直播间 102')).toBeTruthy()
    const remind = screen.getByTestId('live-remind')
    fireEvent.click(remind)
    fireEvent.click(remind)
    expect(await screen.findByText('已设提醒')).toBeTruthy()
    expect(fake.callsOf('live', 'remind')).toHaveLength(1)
    // Consent first (H5: the 允许/拒绝 dialog), reported to notify.subscribe.
    expect(jest.mocked(Taro.showModal)).toHaveBeenCalledTimes(1)
    expect(fake.callsOf('notify', 'subscribe')[0].data).toEqual({ results: { liveStart: 'accept' } })

    fireEvent.click(screen.getByTestId('live-tab-replay'))
    expect(await screen.findByText('暂无直播回放')).toBeTruthy()
  })

  test('weapp: entering a room opens the live-player plugin with the sharer', async () => {
    process.env.TARO_ENV = 'weapp'
    setRouterParams({ sharer: 'o-friend' })
    setup()
    render(<LiveListPage />)
    fireEvent.click(await screen.findByTestId('live-enter'))
    const url = livePlayerUrl('101', 'o-friend')
    expect(url).toBe(`plugin-private://wx2b03c6e691cd7370/pages/live-player-plugin?room_id=101&custom_params=${encodeURIComponent('{"sharer":"o-friend"}')}`)
    await waitFor(() => expect(jest.mocked(Taro.navigateTo)).toHaveBeenLastCalledWith({ url }))
  })

  test('H5 room page: goods with 去购买 carrying the room', async () => {
    process.env.TARO_ENV = 'h5'
    setRouterParams({ id: '101' })
    setup()
    render(<LiveRoomPage />)
    expect(await screen.findByText('手冲咖啡豆')).toBeTruthy()
    expect(screen.getByTestId('live-room-status').textContent).toBe('直播中')
    fireEvent.click(screen.getByTestId('live-buy'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenLastCalledWith({ url: '/pages/product/index?id=p1&liveRoomId=101' })
  })
})
