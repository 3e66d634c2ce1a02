import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { call } from '../../../api'
import StateView from '../../../components/state-view'
import LoadMore from '../../../components/load-more'
import PointsEntry from '../../../components/points-entry'
import type { PointsFilter } from '../../../components/points-shortcuts/links'
import { CHECKIN_URL } from '../../../components/points-shortcuts/links'
import { useAsync } from '../../../utils/use-async'
import NotMember from '../not-member'
import BalanceHeader from './balance-header'
import { filterForParam, LEDGER_TABS } from './tabs'
import { useLedger } from './use-ledger'
import './index.scss'

const loadBalance = () => call('points', 'balance', {})

/** 积分明细: the balance, then the ledger newest first, filtered by 获得 / 使用, paged as it scrolls. */
export default function PointsPage() {
  const { params } = useRouter()
  const [filter, setFilter] = useState<PointsFilter>(() => filterForParam(params.filter))
  const balance = useAsync(loadBalance)
  const { state, reload, loadMore } = useLedger(filter)
  const tab = LEDGER_TABS.find((t) => t.key === filter)!

  usePullDownRefresh(() => {
    void Promise.all([balance.reload(), reload(true)]).finally(() => void Taro.stopPullDownRefresh())
  })
  useReachBottom(() => void loadMore())

  if (state.status === 'notMember') return <NotMember message='开通会员后即可累积积分，兑换好礼' />

  return (
    <View className='points-page'>
      <BalanceHeader balance={balance.status === 'ready' ? balance.data : null} />
      <View className='points-page__tabs'>
        {LEDGER_TABS.map((item) => (
          <Text
            key={item.key}
            className={`points-page__tab${item.key === filter ? ' points-page__tab--on' : ''}`}
            data-testid={`points-tab-${item.key}`}
            onClick={() => item.key !== filter && setFilter(item.key)}
          >
            {item.label}
          </Text>
        ))}
      </View>
      {state.status === 'loading' ? <StateView state='loading' /> : null}
      {state.status === 'error' ? <StateView state='error' message={state.error ?? undefined} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' && state.items.length === 0 ? (
        <StateView state='empty' message={tab.empty} actionText='去签到领积分' onAction={() => void Taro.navigateTo({ url: CHECKIN_URL })} />
      ) : null}
      {state.status === 'ready' && state.items.length > 0 ? (
        <View className='points-page__list' data-testid='points-ledger'>
          {state.items.map((entry) => (
            <PointsEntry key={entry.id} entry={entry} />
          ))}
          <LoadMore hasMore={Boolean(state.next)} loading={state.loadingMore} error={state.moreError} onRetry={() => void loadMore()} />
        </View>
      ) : null}
    </View>
  )
}
