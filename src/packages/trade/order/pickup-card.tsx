import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import QrCode from '../../../components/qr-code'
import type { OrderView } from '../../../core/contracts/order'
import { formatPickupCode, pickupQrPayload } from '../../../core/pickup/code'
import { pickupDateLabel } from '../../../core/community/activity'

/** When the code is worth showing: paid and not yet handed over (with its QR), or handed over (greyed digits only, for the record). */
function codeState(order: OrderView): 'hidden' | 'unpaid' | 'waiting' | 'ready' | 'done' {
  switch (order.status) {
    case 'PENDING_PAYMENT':
      return 'unpaid'
    case 'PAID':
      return 'waiting'
    case 'READY_FOR_PICKUP':
      return 'ready'
    case 'COMPLETED':
      return 'done'
    default:
      return 'hidden'
  }
}

const NOTES = {
  unpaid: '支付后生成取货码',
  waiting: '备货完成后即可凭此码取货',
  ready: '请到店向店员出示取货码或二维码',
  done: '已取货，取货码已失效'
} as const

/**
 * 到店自提 on the order page: the 取货码 (8 digits, grouped in fours) and its
 * QR for staff to scan, and the store: name, address, hours and phone.
 */
export default function PickupCard({ order }: { order: OrderView }) {
  if (order.fulfillment.type !== 'pickup') return null
  const { pickupCode, storeName } = order.fulfillment
  const store = order.pickupStore ?? null
  const state = codeState(order)
  const showCode = pickupCode && (state === 'waiting' || state === 'ready' || state === 'done')
  const waitingForGroup = state === 'waiting' && order.groupBuy !== undefined && order.groupBuy !== null
  const community = order.community ?? null
  const note = waitingForGroup
    ? '拼团成功后即可凭此码取货'
    : community && state === 'ready'
      ? `${pickupDateLabel(community.pickupDate)}起到团长自提点出示取货码`
      : NOTES[state === 'hidden' ? 'done' : state]

  return (
    <View className='pickup-card' data-testid='pickup-card'>
      <Text className='pickup-card__badge'>{community ? '社区团购 · 团长点自提' : '到店自提'}</Text>
      {showCode ? (
        <View className={`pickup-card__code${state === 'done' ? ' pickup-card__code--done' : ''}`}>
          <Text className='pickup-card__code-label'>取货码</Text>
          <Text className='pickup-card__code-digits' data-testid='pickup-code'>
            {formatPickupCode(pickupCode)}
          </Text>
          {state === 'done' ? null : (
            <View className='pickup-card__qr'>
              <QrCode text={pickupQrPayload(pickupCode)} testId='pickup-qr' canvasId='pickup-qr-canvas' />
            </View>
          )}
          <Text className='pickup-card__code-note'>{note}</Text>
        </View>
      ) : state !== 'hidden' ? (
        <Text className='pickup-card__pending'>{note}</Text>
      ) : null}
      <View className='pickup-card__store' data-testid='pickup-card-store'>
        <Text className='pickup-card__store-name'>{store?.name ?? storeName}</Text>
        {store?.address ? <Text className='pickup-card__line'>{store.address}</Text> : null}
        {store?.address || !community ? null : <Text className='pickup-card__line'>{community.pointAddress}</Text>}
        {community ? <Text className='pickup-card__line'>{`取货日期 ${pickupDateLabel(community.pickupDate)}`}</Text> : null}
        {store?.hours ? <Text className='pickup-card__line'>{`${community ? '取货时间' : '营业时间'} ${store.hours}`}</Text> : null}
        {store?.phone ? (
          <Text className='pickup-card__line pickup-card__phone' onClick={() => void Taro.makePhoneCall({ phoneNumber: store.phone! }).catch(() => undefined)}>
            {`${community ? '团长电话' : '门店电话'} ${store.phone}`}
          </Text>
        ) : null}
      </View>
    </View>
  )
}
