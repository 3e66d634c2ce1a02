import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import { call, toastError } from '../../../api'
import OpsChips from '../../../components/ops-chips'
import OpsField from '../../../components/ops-field'
import type { StoreStaffView, UserPickView } from '../../../core/contracts/staff-admin'
import UserPicker from './user-picker'

/** 授予店员: a registered user from the picker and a store from the list; one call at a time. */
export default function GrantForm({ stores, onDone }: { stores: StoreStaffView[]; onDone: () => void }) {
  const [user, setUser] = useState<UserPickView | null>(null)
  const [storeId, setStoreId] = useState<string | null>(null)
  const [pending, setPending] = useState(false)
  const busy = useRef(false)

  const submit = async () => {
    if (busy.current) return
    if (!user || !storeId) {
      void Taro.showToast({ title: !user ? '请先选择用户' : '请选择门店', icon: 'none' })
      return
    }
    busy.current = true
    setPending(true)
    try {
      await call('staff', 'grantStaff', { openid: user.openid, storeId })
      void Taro.showToast({ title: '已授予店员', icon: 'success' })
      setUser(null)
      onDone()
    } catch (error) {
      toastError(error)
    } finally {
      busy.current = false
      setPending(false)
    }
  }

  return (
    <View className='ops-card staff-form'>
      <Text className='ops-card__title'>授予店员</Text>
      <OpsField name='user' label='用户' required>
        <UserPicker value={user} onChange={setUser} disabled={pending} />
      </OpsField>
      <OpsField name='store' label='门店' required>
        <OpsChips name='staff-grant-store' options={stores.map((s) => ({ value: s.storeId, label: s.name }))} value={storeId} onChange={setStoreId} disabled={pending} />
      </OpsField>
      <View className='staff-form__actions'>
        <Button className={`staff-form__button${pending ? ' staff-form__button--off' : ''}`} data-testid='staff-grant' disabled={pending} onClick={() => void submit()}>
          {pending ? '授予中…' : '授予店员'}
        </Button>
      </View>
    </View>
  )
}
