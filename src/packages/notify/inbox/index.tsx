import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { call, toastError } from '../../../api'
import LoadMore from '../../../components/load-more'
import NotifyItem from '../../../components/notify-item'
import StateView from '../../../components/state-view'
import Skeleton from '../../../components/skeleton'
import type { InboxMessageView } from '../../../core/contracts/notify'
import { openLink } from '../../../utils/navigate'
import { inboxLink } from './links'
import { useInbox } from './use-inbox'
import './index.scss'

/** 服务通知: the messages sent to this customer (the local cloud's inbox), newest first; unread ones marked. */
export default function NotifyInboxPage() {
  const { state, reload, loadMore, markShownRead } = useInbox()
  const [marking, setMarking] = useState(false)
  const busy = useRef(false)

  useDidShow(() => {
    void reload()
  })
  usePullDownRefresh(() => {
    void reload(true)
      .catch(toastError)
      .finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void loadMore()
  })

  const markAll = async () => {
    if (busy.current) return
    busy.current = true
    setMarking(true)
    try {
      await call('notify', 'markRead', { all: true })
      markShownRead('all')
    } catch (error) {
      toastError(error)
    } finally {
      busy.current = false
      setMarking(false)
    }
  }

  const open = (message: InboxMessageView) => {
    if (!message.read) {
      markShownRead([message.id])
      void call('notify', 'markRead', { ids: [message.id] }).catch(() => undefined)
    }
    const url = inboxLink(message.page)
    openLink(url)
  }

  if (state.status === 'loading') return <Skeleton layout='list' />
  if (state.status === 'error') return <StateView state='error' message={state.message} onRetry={() => void reload()} />
  if (state.items.length === 0) return <StateView state='empty' message='暂无服务通知，下单、拼团或设置提醒后会在这里收到消息' />

  const unread = state.items.filter((m) => !m.read).length
  return (
    <View className='notify-inbox'>
      <View className='notify-inbox__bar'>
        <Text className='notify-inbox__count' data-testid='notify-unread-count'>
          {unread > 0 ? `${unread} 条未读` : '全部已读'}
        </Text>
        <Button className='notify-inbox__all' data-testid='notify-mark-all' disabled={marking || unread === 0 || undefined} onClick={() => void markAll()}>
          全部已读
        </Button>
      </View>
      {state.items.map((message) => (
        <NotifyItem
          key={message.id}
          title={message.title}
          lines={message.lines}
          at={message.createdAt}
          unread={!message.read}
          onOpen={inboxLink(message.page) ? () => open(message) : undefined}
        />
      ))}
      <LoadMore hasMore={state.hasMore} loading={state.loadingMore} error={state.moreError} onRetry={() => void loadMore()} />
    </View>
  )
}
