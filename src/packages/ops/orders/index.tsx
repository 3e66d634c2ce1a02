import { Button, Text, View } from '@tarojs/components'
import Taro, { useReachBottom } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { call, toastError } from '../../../api'
import LoadMore from '../../../components/load-more'
import { opsOrderUrl } from '../../../components/ops-entry/links'
import StateView from '../../../components/state-view'
import type { ExportView, OpsOrderRow, ShipBatchView } from '../../../core/contracts/order-ops'
import NoAccess from '../shared/no-access'
import OperatorGate from '../shared/operator-gate'
import { useRefreshOnShow } from '../shared/use-refresh-on-show'
import { copyLink, downloadOnH5, exportSummary } from './export-file'
import FilterBar from './filter-bar'
import OrderRow from './order-row'
import ShipPanel from './ship-panel'
import { useOrderSearch } from './use-order-search'
import '../../../components/ops-field/index.scss'
import '../shared/ops.scss'
import './index.scss'

/** 订单管理: every order with filters, infinite scroll, 批量发货 of paid delivery orders, 导出 CSV. */
export default function OpsOrdersPage() {
  return (
    <OperatorGate>
      <OpsOrders />
    </OperatorGate>
  )
}

function OpsOrders() {
  const list = useOrderSearch()
  const { state } = list
  const [stores, setStores] = useState<Array<{ storeId: string; name: string }>>([])
  const [selecting, setSelecting] = useState(false)
  const [selected, setSelected] = useState<Record<string, OpsOrderRow>>({})
  const [shipping, setShipping] = useState(false)
  const [exporting, setExporting] = useState(false)
  const [exported, setExported] = useState<ExportView | null>(null)

  useEffect(() => {
    call('catalog', 'pickupStores', {})
      .then((view) => setStores(view.stores.map((store) => ({ storeId: store.storeId, name: store.name }))))
      .catch(() => setStores([]))
  }, [])
  // Back from an order's page: what was done there shows at once.
  useRefreshOnShow(() => list.reload())
  useReachBottom(() => void list.loadMore())

  const chosen = Object.values(selected)
  const toggle = (row: OpsOrderRow) => {
    const next = { ...selected }
    if (next[row.orderId]) delete next[row.orderId]
    else next[row.orderId] = row
    setSelected(next)
  }
  const stopSelecting = () => {
    setSelecting(false)
    setShipping(false)
    setSelected({})
  }
  const shipped = (view: ShipBatchView) => {
    void Taro.showToast({ title: view.failed > 0 ? `已发货 ${view.shipped} 单，${view.failed} 单未发货` : `已发货 ${view.shipped} 单`, icon: 'none' })
    if (view.failed === 0) stopSelecting()
    else setSelected(Object.fromEntries(chosen.filter((row) => view.results.some((r) => r.orderId === row.orderId && !r.ok)).map((row) => [row.orderId, row])))
    void list.reload()
  }
  const exportCsv = async () => {
    if (exporting) return
    setExporting(true)
    try {
      const view = await call('order', 'exportCsv', list.filters)
      setExported(view)
      if (downloadOnH5(view)) void Taro.showToast({ title: exportSummary(view), icon: 'none' })
    } catch (error) {
      toastError(error)
    } finally {
      setExporting(false)
    }
  }

  return (
    <View className='ops-page ops-orders'>
      <FilterBar
        filters={list.filters}
        stores={stores}
        onApply={(filters) => {
          setSelected({})
          list.apply(filters)
        }}
      />
      {exported ? (
        <View className='ops-card ops-orders__export' data-testid='orders-export-result'>
          <Text className='ops-orders__sub'>{exportSummary(exported)}</Text>
          <Text className='ops-orders__link' selectable>
            {exported.url}
          </Text>
          <View className='ops-orders__export-actions'>
            <Text className='ops-orders__search-go' data-testid='orders-export-copy' onClick={() => copyLink(exported.url)}>
              复制链接
            </Text>
            <Text className='ops-orders__search-clear' onClick={() => setExported(null)}>
              关闭
            </Text>
          </View>
        </View>
      ) : null}
      {shipping && chosen.length > 0 ? <ShipPanel orders={chosen} onDone={shipped} onCancel={() => setShipping(false)} /> : null}

      {state.status === 'loading' ? <StateView state='loading' /> : null}
      {state.status === 'denied' ? <NoAccess /> : null}
      {state.status === 'error' ? <StateView state='error' message={state.message} onRetry={() => void list.reload()} /> : null}
      {state.status === 'ready' && state.items.length === 0 ? <StateView state='empty' message='没有符合条件的订单' /> : null}
      {state.status === 'ready' && state.items.length > 0 ? (
        <View className='ops-orders__table'>
          <View className='ops-orders__head'>
            {selecting ? <Text className='ops-orders__cell ops-orders__cell--check' /> : null}
            <Text className='ops-orders__cell ops-orders__cell--no'>订单号 / 下单时间</Text>
            <Text className='ops-orders__cell ops-orders__cell--customer'>顾客</Text>
            <Text className='ops-orders__cell ops-orders__cell--items'>商品</Text>
            <Text className='ops-orders__cell ops-orders__cell--amount'>实付</Text>
            <Text className='ops-orders__cell ops-orders__cell--status'>状态</Text>
          </View>
          {state.items.map((row) => (
            <OrderRow
              key={row.orderId}
              row={row}
              selecting={selecting}
              selected={!!selected[row.orderId]}
              onToggle={() => toggle(row)}
              onOpen={() => (selecting && row.canShip ? toggle(row) : void Taro.navigateTo({ url: opsOrderUrl(row.orderId) }))}
            />
          ))}
          <LoadMore hasMore={!!state.cursor} loading={state.more === 'loading'} error={state.more === 'error' ? '加载失败' : null} onRetry={() => void list.loadMore()} />
        </View>
      ) : null}

      <View className='ops-bar'>
        {selecting ? (
          <>
            <Button className='ops-bar__button ops-bar__button--ghost' data-testid='orders-select-cancel' onClick={stopSelecting}>
              取消选择
            </Button>
            <Button
              className={`ops-bar__button${chosen.length === 0 ? ' ops-bar__button--off' : ''}`}
              data-testid='orders-ship'
              onClick={() => chosen.length > 0 && setShipping(true)}
            >
              {chosen.length > 0 ? `发货（${chosen.length}）` : '选择待发货的快递订单'}
            </Button>
          </>
        ) : (
          <>
            <Button className='ops-bar__button ops-bar__button--ghost' data-testid='orders-export' onClick={() => void exportCsv()}>
              {exporting ? '导出中…' : '导出'}
            </Button>
            <Button className='ops-bar__button' data-testid='orders-select' onClick={() => setSelecting(true)}>
              批量发货
            </Button>
          </>
        )}
      </View>
    </View>
  )
}
