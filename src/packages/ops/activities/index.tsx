import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState, type ReactNode } from 'react'
import StateView from '../../../components/state-view'
import { opsGroupFormUrl, opsGroupUrl, opsSaleFormUrl, opsSaleUrl } from '../../../components/ops-entry/links'
import NoAccess from '../shared/no-access'
import OperatorGate from '../shared/operator-gate'
import { useRefreshOnShow } from '../shared/use-refresh-on-show'
import type { LiveState } from '../shared/use-live'
import ActivityRow from './activity-row'
import SaleRow from './sale-row'
import { useOpsActivities, useOpsSales } from './use-ops-lists'
import '../shared/ops.scss'
import './index.scss'

type Tab = 'flashsale' | 'groupbuy'
const TABS: Array<{ key: Tab; label: string }> = [
  { key: 'flashsale', label: '秒杀活动' },
  { key: 'groupbuy', label: '拼团活动' }
]

const go = (url: string) => void Taro.navigateTo({ url })

/** 秒杀与拼团: flash sales and group-buy activities with their live numbers; 新建. The dashboard's 秒杀 / 拼团 open it on their tab. */
export default function OpsActivitiesPage() {
  return (
    <OperatorGate>
      <OpsActivities />
    </OperatorGate>
  )
}

function OpsActivities() {
  const { params } = useRouter()
  const [tab, setTab] = useState<Tab>(params.tab === 'groupbuy' ? 'groupbuy' : 'flashsale')
  const sales = useOpsSales(tab === 'flashsale')
  const activities = useOpsActivities(tab === 'groupbuy')

  const current = tab === 'flashsale' ? sales : activities
  // Back from a form or a live view: what changed there shows at once.
  useRefreshOnShow(() => current.reload())

  return (
    <View className='ops-page ops-home'>
      <View className='ops-home__tabs'>
        {TABS.map((item) => (
          <Text
            key={item.key}
            className={`ops-home__tab${item.key === tab ? ' ops-home__tab--on' : ''}`}
            data-testid={`ops-tab-${item.key}`}
            onClick={() => {
              if (item.key === tab) return
              setTab(item.key)
              void (item.key === 'flashsale' ? sales : activities).reload()
            }}
          >
            {item.label}
          </Text>
        ))}
      </View>

      {tab === 'flashsale' ? (
        <ListBody state={sales.state} onRetry={() => void sales.retry()} empty='还没有秒杀活动，点下方「新建秒杀」创建第一场'>
          {(items) => items.map((sale) => <SaleRow key={sale.saleId} sale={sale} onOpen={() => go(opsSaleUrl(sale.saleId))} />)}
        </ListBody>
      ) : (
        <ListBody state={activities.state} onRetry={() => void activities.retry()} empty='还没有拼团活动，点下方「新建拼团」创建第一个'>
          {(items) => items.map((activity) => <ActivityRow key={activity.activityId} activity={activity} onOpen={() => go(opsGroupUrl(activity.activityId))} />)}
        </ListBody>
      )}

      <View className='ops-bar'>
        <Button
          className='ops-bar__button'
          data-testid='ops-create'
          onClick={() => go(tab === 'flashsale' ? opsSaleFormUrl() : opsGroupFormUrl())}
        >
          {tab === 'flashsale' ? '新建秒杀' : '新建拼团'}
        </Button>
      </View>
    </View>
  )
}

interface ListBodyProps<T> {
  state: LiveState<T[]>
  onRetry: () => void
  empty: string
  children: (items: T[]) => ReactNode
}

function ListBody<T>({ state, onRetry, empty, children }: ListBodyProps<T>) {
  if (state.status === 'loading') return <StateView state='loading' />
  if (state.status === 'denied') return <NoAccess />
  if (state.status === 'error') return <StateView state='error' message={state.message} onRetry={onRetry} />
  if (state.data.length === 0) return <StateView state='empty' message={empty} />
  return (
    <View className='ops-home__list'>
      {state.stale ? <Text className='ops-stale'>实时数据更新失败，正在重试…</Text> : null}
      {children(state.data)}
    </View>
  )
}
