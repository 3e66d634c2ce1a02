import { useCallback, useEffect, useRef, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { currentOpenid, listDevUsers, signInAs, toastError, errorMessage, type DevUser } from '../../api'
import { useCartStore } from '../../stores/cart'
import { HOME_URL } from '../../utils/routes'
import StateView from '../state-view'
import './index.scss'

const ROLE_LABELS: Record<string, string> = { customer: '顾客', staff: '店员', operator: '运营' }

/** Every signed-in openid is a customer; role records add staff and operator. */
export const roleLabels = (roles: string[]): string[] => ['顾客', ...roles.filter((r) => r !== 'customer').map((r) => ROLE_LABELS[r] ?? r)]

/**
 * H5 on the local cloud only: sign in as one of the demo identities
 * (`GET /api/dev/users`, `POST /api/dev/login`), then restart at 首页.
 */
export default function IdentitySwitcher() {
  const [users, setUsers] = useState<DevUser[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [switching, setSwitching] = useState<string | null>(null)
  const busy = useRef(false)
  const current = currentOpenid()

  const load = useCallback(async () => {
    setError(null)
    setUsers(null)
    try {
      setUsers(await listDevUsers())
    } catch (e) {
      setError(errorMessage(e))
    }
  }, [])

  useEffect(() => {
    void load()
  }, [load])

  const switchTo = async (openid: string) => {
    if (busy.current || openid === current) return
    busy.current = true
    setSwitching(openid)
    try {
      await signInAs(openid)
      useCartStore.getState().reset()
      await Taro.reLaunch({ url: HOME_URL })
    } catch (e) {
      toastError(e)
    } finally {
      busy.current = false
      setSwitching(null)
    }
  }

  return (
    <View className='identity-switcher'>
      <View className='identity-switcher__header'>
        <Text className='identity-switcher__title'>切换身份</Text>
        <Text className='identity-switcher__hint'>仅本地云 H5 演示</Text>
      </View>
      {error ? <StateView state='error' message={error} onRetry={() => void load()} /> : null}
      {!error && users === null ? <StateView state='loading' /> : null}
      {users !== null && users.length === 0 ? <StateView state='empty' message='本地云没有演示身份' /> : null}
      {users?.map((user) => {
        const isCurrent = user.openid === current
        return (
          <View
            key={user.openid}
            className={`identity-switcher__user${isCurrent ? ' identity-switcher__user--current' : ''}`}
            data-testid={`identity-${user.openid}`}
            onClick={() => void switchTo(user.openid)}
          >
            <View className='identity-switcher__who'>
              <Text className='identity-switcher__nickname'>{user.nickname}</Text>
              <Text className='identity-switcher__openid'>{user.openid}</Text>
            </View>
            <View className='identity-switcher__roles'>
              {roleLabels(user.roles).map((label) => (
                <Text key={label} className='identity-switcher__role'>
                  {label}
                </Text>
              ))}
            </View>
            <Text className='identity-switcher__state'>{isCurrent ? '当前' : switching === user.openid ? '切换中…' : '切换'}</Text>
          </View>
        )
      })}
    </View>
  )
}
