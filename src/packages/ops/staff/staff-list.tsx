import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import { call, toastError } from '../../../api'
import type { StaffPersonView, StoreStaffView } from '../../../core/contracts/staff-admin'

const who = (p: StaffPersonView): string => (p.maskedPhone ? `${p.nickname}（${p.maskedPhone}）` : p.nickname)

/** Each store with its staff by name; 撤销 asks first. */
export default function StaffList({ stores, onDone }: { stores: StoreStaffView[]; onDone: () => void }) {
  const [pending, setPending] = useState<string | null>(null)
  const busy = useRef(false)

  const revoke = async (store: StoreStaffView, person: StaffPersonView) => {
    if (busy.current) return
    busy.current = true
    try {
      const answer = await Taro.showModal({
        title: '撤销店员',
        content: `确定撤销 ${person.nickname} 在 ${store.name} 的店员权限吗？`,
        confirmText: '确定撤销',
        confirmColor: '#e4393c'
      }).catch(() => ({ confirm: false }))
      if (!answer.confirm) return
      setPending(`${store.storeId}:${person.openid}`)
      await call('staff', 'revokeStaff', { openid: person.openid, storeId: store.storeId })
      void Taro.showToast({ title: '已撤销店员', icon: 'success' })
      onDone()
    } catch (error) {
      toastError(error)
    } finally {
      busy.current = false
      setPending(null)
    }
  }

  return (
    <View>
      {stores.map((store) => (
        <View key={store.storeId} className='ops-card' data-testid={`staff-store-${store.storeId}`}>
          <View className='ops-row__head'>
            <Text className='ops-card__title'>{store.name}</Text>
            {!store.pickupEnabled ? <Text className='ops-tag ops-tag--off'>暂停自提</Text> : null}
          </View>
          {store.staff.length === 0 ? <Text className='staff-list__empty'>还没有店员</Text> : null}
          {store.staff.map((person, index) => (
            <View key={person.openid} className='staff-list__row'>
              <Text className='staff-list__name'>{who(person)}</Text>
              <Text
                className={`staff-list__revoke${pending ? ' staff-list__revoke--off' : ''}`}
                data-testid={`staff-revoke-${store.storeId}-${index}`}
                onClick={() => void revoke(store, person)}
              >
                {pending === `${store.storeId}:${person.openid}` ? '撤销中…' : '撤销'}
              </Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}
