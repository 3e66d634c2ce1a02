import Taro from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { call, toastError } from '../../../api'
import type { StaffRoleResult } from '../../../core/contracts/staff'

export type RoleAction = 'grantStaff' | 'revokeStaff'
export const DEFAULT_STORE_ID = 'store-demo'

/** Grant or revoke a staff role; one call at a time, revoking asks first. */
export function useRoleForm(onDone: () => void) {
  const [openid, setOpenid] = useState('')
  const [storeId, setStoreId] = useState(DEFAULT_STORE_ID)
  const [pending, setPending] = useState<RoleAction | null>(null)
  const [result, setResult] = useState<StaffRoleResult | null>(null)
  const busy = useRef(false)

  const submit = useCallback(
    async (action: RoleAction) => {
      const who = openid.trim()
      const store = storeId.trim()
      if (busy.current) return
      if (!who || !store) {
        void Taro.showToast({ title: !who ? '请填写 openid' : '请填写门店 ID', icon: 'none' })
        return
      }
      busy.current = true
      try {
        if (action === 'revokeStaff') {
          const answer = await Taro.showModal({
            title: '撤销店员',
            content: `确定撤销 ${who} 在门店 ${store} 的店员权限吗？`,
            confirmText: '确定撤销',
            confirmColor: '#e4393c'
          }).catch(() => ({ confirm: false }))
          if (!answer.confirm) return
        }
        setPending(action)
        const answer = await call('staff', action, { openid: who, storeId: store })
        setResult(answer)
        void Taro.showToast({ title: action === 'grantStaff' ? '已授予店员' : '已撤销店员', icon: 'success' })
        onDone()
      } catch (error) {
        toastError(error)
      } finally {
        busy.current = false
        setPending(null)
      }
    },
    [openid, storeId, onDone]
  )

  return { openid, setOpenid, storeId, setStoreId, pending, result, submit }
}
