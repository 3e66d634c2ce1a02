import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { call } from '../../../api'
import StateView from '../../../components/state-view'
import { opsStoreFormUrl } from '../../../components/ops-entry/links'
import type { StoreAdminView } from '../../../core/contracts/staff-admin'
import { useAsync } from '../../../utils/use-async'
import OperatorGate from '../shared/operator-gate'
import '../shared/ops.scss'
import './index.scss'

const loadStores = () => call('staff', 'adminStores', {})

/** 门店管理: every store with its open/closed badge, hours and staff count; 新建 and tap-to-edit. */
export default function OpsStoresPage() {
  return (
    <OperatorGate>
      <OpsStores />
    </OperatorGate>
  )
}

function OpsStores() {
  const stores = useAsync(loadStores, false)
  // Back from the form: show what was saved.
  useDidShow(() => void stores.reload())
  usePullDownRefresh(() => {
    void stores.reload().finally(() => void Taro.stopPullDownRefresh())
  })
  const open = (storeId?: string) => void Taro.navigateTo({ url: opsStoreFormUrl(storeId) })

  return (
    <View className='ops-page stores-page'>
      {stores.status === 'loading' ? <StateView state='loading' /> : null}
      {stores.status === 'error' ? <StateView state='error' message={stores.message} onRetry={() => void stores.reload()} /> : null}
      {stores.status === 'ready' && stores.data.stores.length === 0 ? <StateView state='empty' message='还没有门店' actionText='新建门店' onAction={() => open()} /> : null}
      {stores.status === 'ready' ? (
        <View className='stores-page__grid'>
          {stores.data.stores.map((store) => (
            <StoreRow key={store.storeId} store={store} onOpen={() => open(store.storeId)} />
          ))}
        </View>
      ) : null}
      <View className='ops-bar'>
        <Button className='ops-bar__button' data-testid='stores-new' onClick={() => open()}>
          新建门店
        </Button>
      </View>
    </View>
  )
}

function StoreRow({ store, onOpen }: { store: StoreAdminView; onOpen: () => void }) {
  return (
    <View className='ops-card stores-page__row' data-testid={`store-row-${store.storeId}`} onClick={onOpen}>
      <View className='ops-row__head'>
        <Text className='ops-row__title'>{store.name}</Text>
        <Text className={`ops-tag ops-tag--${store.pickupEnabled ? 'done' : 'off'}`}>{store.pickupEnabled ? '开放自提' : '暂停自提'}</Text>
      </View>
      <Text className='ops-row__line'>{store.address || '未填写地址'}</Text>
      <Text className='ops-row__line'>
        {store.hours ? `营业 ${store.hours.open}–${store.hours.close}` : '未填写营业时间'}
        {store.phone ? ` · ${store.phone}` : ''}
      </Text>
      <Text className='ops-row__line'>
        店员 {store.staffCount} 人{store.location ? '' : ' · 未设置位置'}
      </Text>
    </View>
  )
}
