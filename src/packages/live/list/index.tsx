import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { call } from '../../../api'
import LiveRoomCard from '../../../components/live-room-card'
import StateView from '../../../components/state-view'
import type { LiveTab } from '../../../core/contracts/live'
import { useAsync } from '../../../utils/use-async'
import { enterRoom } from '../shared/enter'
import { useLiveRemind } from '../shared/use-remind'
import './index.scss'

const TABS: Array<{ key: LiveTab; label: string; empty: string }> = [
  { key: 'live', label: '直播中', empty: '现在没有正在直播的直播间，看看预告吧' },
  { key: 'upcoming', label: '预告', empty: '暂无直播预告' },
  { key: 'replay', label: '回放', empty: '暂无直播回放' }
]

/** 直播: rooms live now, upcoming (with 提醒我) and replays, each with its goods. */
export default function LiveListPage() {
  const sharer = useRouter().params.sharer ?? null
  const [tab, setTab] = useState<LiveTab>('live')
  const load = useCallback(() => call('live', 'list', { tab }), [tab])
  const rooms = useAsync(load, false)
  const { remind, pending } = useLiveRemind(() => void rooms.reload())

  const { reload } = rooms
  // Each tab loads when chosen (and on first render); coming back to the page refreshes it.
  useEffect(() => {
    void reload()
  }, [tab, reload])
  const shownBefore = useRef(false)
  useDidShow(() => {
    if (shownBefore.current) void reload()
    shownBefore.current = true
  })
  usePullDownRefresh(() => {
    void rooms.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const choose = (next: LiveTab) => {
    if (next === tab) return
    setTab(next)
  }

  const current = TABS.find((t) => t.key === tab) ?? TABS[0]
  const shown = rooms.status === 'ready' && rooms.data.tab === tab ? rooms.data.rooms : null
  return (
    <View className='live-list'>
      <View className='live-list__tabs'>
        {TABS.map((t) => (
          <Text key={t.key} className={`live-list__tab${t.key === tab ? ' live-list__tab--on' : ''}`} data-testid={`live-tab-${t.key}`} onClick={() => choose(t.key)}>
            {t.label}
          </Text>
        ))}
      </View>
      {rooms.status === 'error' ? <StateView state='error' message={rooms.message} onRetry={() => void rooms.reload()} /> : null}
      {rooms.status !== 'error' && !shown ? <StateView state='loading' /> : null}
      {shown && shown.length === 0 ? <StateView state='empty' message={current.empty} /> : null}
      {shown?.map((room) => (
        <LiveRoomCard
          key={room.roomId}
          room={room}
          onOpen={() => enterRoom(room.roomId, sharer)}
          onRemind={() => void remind(room.roomId)}
          reminding={pending === room.roomId}
        />
      ))}
    </View>
  )
}
