import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { call } from '../../../api'
import StateView from '../../../components/state-view'
import { useAsync } from '../../../utils/use-async'
import CouponPanel from './coupon-panel'
import MemberPanel from './member-panel'
import PickupPanel from './pickup-panel'
import ScanBar from './scan-bar'
import { useCounterMember } from './use-counter-member'
import { useScan } from './use-scan'
import './index.scss'

const loadStores = () => call('staff', 'myStores', {})
const STAFF_TODAY_URL = '/packages/staff/today/index'
const STAFF_GUIDE_URL = '/packages/staff/guide/index'
const STAFF_WALLET_CHARGE_URL = '/packages/staff/wallet-charge/index'

/** 门店核销: one scanner for member codes (记录消费), pickup orders (确认核销) and coupons (核销). */
export default function StaffScanPage() {
  const stores = useAsync(loadStores)
  const [storeId, setStoreId] = useState<string | null>(null)
  const list = stores.status === 'ready' ? stores.data.stores : []
  useEffect(() => {
    if (!storeId && list.length > 0) setStoreId(list[0].storeId)
  }, [storeId, list])
  const { state, recognise, clear } = useScan(storeId)
  // Kept through re-scans (keyed by member), so the purchase form keeps what was typed.
  const counter = useCounterMember(state)

  if (stores.status === 'loading') return <StateView state='loading' />
  if (stores.status === 'error') return <StateView state='error' message={stores.message} onRetry={() => void stores.reload()} />
  if (list.length === 0) return <StateView state='empty' message='你还不是任何门店的店员，请联系运营开通' />

  return (
    <View className='staff-scan'>
      <View className='staff-scan__stores'>
        <Text className='staff-scan__stores-label'>当前门店</Text>
        {list.map((store) => (
          <Text
            key={store.storeId}
            className={`staff-scan__store${store.storeId === storeId ? ' staff-scan__store--on' : ''}`}
            data-testid={`staff-store-${store.storeId}`}
            onClick={() => {
              if (store.storeId !== storeId) {
                setStoreId(store.storeId)
                clear()
              }
            }}
          >
            {store.name}
          </Text>
        ))}
      </View>
      <ScanBar busy={state.status === 'scanning'} onCode={(code) => void recognise(code)} />
      {state.status === 'scanning' ? <StateView state='loading' message='正在识别…' /> : null}
      {state.status === 'error' ? <StateView state='error' message={state.message} onRetry={() => void recognise(state.code)} /> : null}
      {counter && storeId ? <MemberPanel key={`${storeId}:${counter.member.memberId}`} scanned={counter} storeId={storeId} /> : null}
      {state.status === 'ready' && storeId ? (
        <View key={state.code}>
          {state.result.kind === 'pickup' ? <PickupPanel scanned={state.result} storeId={storeId} /> : null}
          {state.result.kind === 'coupon' ? <CouponPanel scanned={state.result} storeId={storeId} /> : null}
        </View>
      ) : null}
      {state.status === 'idle' ? <Text className='staff-scan__tip'>顾客出示会员码、取货码或优惠券，扫码或输入后识别</Text> : null}
      <Text className='staff-scan__today' data-testid='staff-today-link' onClick={() => void Taro.navigateTo({ url: STAFF_TODAY_URL })}>
        今日核销 ›
      </Text>
      <Text className='staff-scan__today' data-testid='staff-guide-link' onClick={() => void Taro.navigateTo({ url: STAFF_GUIDE_URL })}>
        我的导购 · 导购码与业绩 ›
      </Text>
      <Text className='staff-scan__today' data-testid='staff-wallet-charge-link' onClick={() => void Taro.navigateTo({ url: STAFF_WALLET_CHARGE_URL })}>
        储值扣款 ›
      </Text>
    </View>
  )
}
