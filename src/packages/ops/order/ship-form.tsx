import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { call, toastError } from '../../../api'
import OpsChips from '../../../components/ops-chips'
import { CARRIERS, type Carrier } from '../../../core/order/carriers'

/** 发货: carrier and tracking number of one paid delivery order (`order.ship`). */
export default function ShipForm({ orderId, onShipped }: { orderId: string; onShipped: () => void }) {
  const [carrier, setCarrier] = useState<Carrier>('顺丰')
  const [trackingNo, setTrackingNo] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const submit = async () => {
    if (busy) return
    if (!trackingNo.trim()) {
      setError('请填写快递单号')
      return
    }
    setError(null)
    setBusy(true)
    try {
      await call('order', 'ship', { orderId, carrier, trackingNo: trackingNo.trim() })
      void Taro.showToast({ title: '已发货', icon: 'success' })
      onShipped()
    } catch (failure) {
      toastError(failure)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='ops-card' data-testid='ops-order-ship'>
      <Text className='ops-card__title'>发货</Text>
      <OpsChips name='ship-carrier' options={CARRIERS.map((name) => ({ value: name, label: name }))} value={carrier} onChange={setCarrier} />
      <Input id='ship-tracking' className='ops-input ops-order__tracking' value={trackingNo} placeholder='快递单号' maxlength={64} onInput={(e) => setTrackingNo(e.detail.value)} />
      {error ? <Text className='ops-order__error'>{error}</Text> : null}
      <Button className={`ops-bar__button ops-order__ship-button${busy ? ' ops-bar__button--off' : ''}`} data-testid='ops-order-ship-submit' onClick={() => void submit()}>
        {busy ? '发货中…' : '确认发货'}
      </Button>
    </View>
  )
}
