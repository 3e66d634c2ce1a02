import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useRef } from 'react'
import StateView from '../../../components/state-view'
import { flashSaleUrl } from '../../../components/flash-sale-card'
import { opsSaleFormUrl } from '../../../components/ops-entry/links'
import NoAccess from '../shared/no-access'
import OperatorGate from '../shared/operator-gate'
import SaleFacts from './sale-facts'
import SaleHeader from './sale-header'
import { useSaleActions } from './use-sale-actions'
import { useSaleLive } from './use-sale-live'
import '../shared/ops.scss'
import './index.scss'

/** The live view of one flash sale: 成交额, paid buyers, sold, paid, remaining; 编辑 / 立即开始 / 停止. */
export default function OpsSalePage() {
  return (
    <OperatorGate>
      <OpsSale />
    </OperatorGate>
  )
}

function OpsSale() {
  const saleId = (useRouter().params.id ?? '').trim()
  const live = useSaleLive(saleId)
  const reload = useCallback(() => live.reload(), [live.reload])
  const { pending, run } = useSaleActions(saleId, reload)
  const opened = useRef(false)

  useDidShow(() => {
    if (opened.current) void reload()
    opened.current = true
  })
  usePullDownRefresh(() => {
    void reload().finally(() => void Taro.stopPullDownRefresh())
  })

  const { state } = live
  if (!saleId) return <StateView state='error' message='缺少秒杀编号' />
  if (state.status === 'loading') return <StateView state='loading' />
  if (state.status === 'denied') return <NoAccess />
  if (state.status === 'error') return <StateView state='error' message={state.message} onRetry={() => void live.retry()} />

  const { sale, stats } = state.data
  const scheduled = stats.state === 'SCHEDULED'
  const stoppable = scheduled || stats.state === 'LIVE'

  return (
    <View className='ops-page ops-sale'>
      {state.stale ? <Text className='ops-stale'>实时数据更新失败，正在重试…</Text> : null}
      <SaleHeader sale={sale} stats={stats} onTimeUp={() => void reload()} />
      <SaleFacts sale={sale} />
      <Text className='ops-sale__preview' onClick={() => void Taro.navigateTo({ url: flashSaleUrl(sale.saleId) })}>
        查看顾客看到的页面 ›
      </Text>

      {stoppable ? (
        <View className='ops-bar'>
          {scheduled ? (
            <Button className='ops-bar__button ops-bar__button--ghost' data-testid='ops-sale-edit' onClick={() => void Taro.navigateTo({ url: opsSaleFormUrl(sale.saleId) })}>
              编辑
            </Button>
          ) : null}
          <Button
            className={`ops-bar__button ops-bar__button--dark${pending ? ' ops-bar__button--off' : ''}`}
            data-testid='ops-sale-stop'
            disabled={pending !== null || undefined}
            loading={pending === 'stop'}
            onClick={() => void run('stop')}
          >
            停止
          </Button>
          {scheduled ? (
            <Button
              className={`ops-bar__button${pending ? ' ops-bar__button--off' : ''}`}
              data-testid='ops-sale-launch'
              disabled={pending !== null || undefined}
              loading={pending === 'launchNow'}
              onClick={() => void run('launchNow')}
            >
              立即开始
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
