import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { call, toastError } from '../../../api'
import StateView from '../../../components/state-view'
import type { StoreChargeView } from '../../../core/contracts/wallet'
import { formatPrice } from '../../../core/money'
import { useAsync } from '../../../utils/use-async'
import { isWeapp } from '../../../utils/platform'
import { scanWithCamera } from '../scan/read-code'
import './index.scss'

const loadStores = () => call('staff', 'myStores', {})
const POLL_MS = 2000

const yuanToFen = (text: string): number | null => (/^\d+(\.\d{1,2})?$/.test(text.trim()) ? Math.round(Number(text) * 100) : null)

/**
 * 储值扣款: staff scan the member code (it proves the customer is here),
 * enter the amount and the receipt number, and charge the wallet. Above
 * the threshold the customer confirms on their phone; this page waits for it.
 */
export default function WalletChargePage() {
  const stores = useAsync(loadStores)
  const [storeId, setStoreId] = useState<string | null>(null)
  const [code, setCode] = useState('')
  const [amount, setAmount] = useState('')
  const [receipt, setReceipt] = useState('')
  const [busy, setBusy] = useState(false)
  const [charge, setCharge] = useState<StoreChargeView | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const list = stores.status === 'ready' ? stores.data.stores : []
  useEffect(() => {
    if (!storeId && list.length > 0) setStoreId(list[0].storeId)
  }, [storeId, list])
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), [])

  const poll = (chargeId: string) => {
    timer.current = setTimeout(() => {
      void call('wallet', 'chargeStatus', { chargeId })
        .then((view) => {
          setCharge(view)
          if (view.status === 'AWAITING_CONFIRM') poll(chargeId)
        })
        .catch(() => poll(chargeId))
    }, POLL_MS)
  }

  const submit = async () => {
    const amountFen = yuanToFen(amount)
    if (!storeId || !code.trim() || !receipt.trim() || amountFen === null || amountFen <= 0) {
      void Taro.showToast({ title: '请填写会员码、金额和小票号', icon: 'none' })
      return
    }
    setBusy(true)
    try {
      const view = await call('wallet', 'charge', { storeId, memberCode: code.trim(), amountFen, receiptNo: receipt.trim() })
      setCharge(view)
      if (view.status === 'AWAITING_CONFIRM') poll(view.chargeId)
    } catch (error) {
      toastError(error)
    } finally {
      setBusy(false)
    }
  }

  const next = () => {
    if (timer.current) clearTimeout(timer.current)
    setCharge(null)
    setCode('')
    setAmount('')
    setReceipt('')
  }

  if (stores.status === 'loading') return <StateView state='loading' />
  if (stores.status === 'error') return <StateView state='error' message={stores.message} onRetry={() => void stores.reload()} />
  if (list.length === 0) return <StateView state='empty' message='你还不是任何门店的店员，请联系运营开通' />

  return (
    <View className='wallet-charge'>
      <View className='wallet-charge__stores'>
        {list.map((store) => (
          <Text key={store.storeId} className={`wallet-charge__store${store.storeId === storeId ? ' wallet-charge__store--on' : ''}`} onClick={() => setStoreId(store.storeId)}>
            {store.name}
          </Text>
        ))}
      </View>
      {charge ? (
        <View className='wallet-charge__card' data-testid='wallet-charge-result'>
          <Text className='wallet-charge__status'>{charge.statusLabel}</Text>
          <Text className='wallet-charge__amount'>{formatPrice(charge.amountFen)}</Text>
          <Text className='wallet-charge__muted'>
            {charge.member} · 小票 {charge.receiptNo}
          </Text>
          {charge.status === 'AWAITING_CONFIRM' ? <Text className='wallet-charge__muted'>金额较大，请顾客在手机「我的储值」中确认…</Text> : null}
          {charge.balanceAfterFen !== undefined ? <Text className='wallet-charge__muted'>扣款后余额 {formatPrice(charge.balanceAfterFen)}</Text> : null}
          <Button className='wallet-charge__primary' onClick={next}>
            下一笔
          </Button>
        </View>
      ) : (
        <View className='wallet-charge__card'>
          {isWeapp() ? (
            <Button className='wallet-charge__ghost' onClick={() => void scanWithCamera().then((c) => c && setCode(c))}>
              扫会员码
            </Button>
          ) : null}
          <Text className='wallet-charge__label'>会员码</Text>
          <Input className='wallet-charge__input' data-testid='wallet-charge-code' value={code} placeholder='扫码或输入会员码下方数字' onInput={(e) => setCode(e.detail.value)} />
          <Text className='wallet-charge__label'>消费金额（元）</Text>
          <Input className='wallet-charge__input' data-testid='wallet-charge-amount' type='digit' value={amount} placeholder='0.00' onInput={(e) => setAmount(e.detail.value)} />
          <Text className='wallet-charge__label'>小票号</Text>
          <Input className='wallet-charge__input' data-testid='wallet-charge-receipt' value={receipt} placeholder='收银小票上的单号' onInput={(e) => setReceipt(e.detail.value)} />
          <Button className='wallet-charge__primary' data-testid='wallet-charge-submit' loading={busy} disabled={busy} onClick={() => void submit()}>
            确认扣款
          </Button>
          <Text className='wallet-charge__muted'>同一小票只会扣款一次；超过门店设定金额（默认 ¥200）需顾客在手机上确认。</Text>
        </View>
      )}
    </View>
  )
}
