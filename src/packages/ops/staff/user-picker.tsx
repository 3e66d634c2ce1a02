import { Button, Input, Text, View } from '@tarojs/components'
import type { UserPickView } from '../../../core/contracts/staff-admin'
import { useUserSearch } from './use-user-search'

interface Props {
  value: UserPickView | null
  onChange: (user: UserPickView | null) => void
  disabled?: boolean
}

const who = (user: UserPickView): string => (user.maskedPhone ? `${user.nickname}（${user.maskedPhone}）` : user.nickname)

/** Choose a registered user: search by nickname or phone, tap a result. Shows names and masked phones, never openids. */
export default function UserPicker({ value, onChange, disabled = false }: Props) {
  const { query, setQuery, state, search } = useUserSearch()
  if (value) {
    return (
      <View className='staff-picker__chosen' data-testid='staff-user-chosen'>
        <Text className='staff-picker__name'>{who(value)}</Text>
        {!disabled ? (
          <Text className='staff-picker__change' data-testid='staff-user-change' onClick={() => onChange(null)}>
            更换
          </Text>
        ) : null}
      </View>
    )
  }
  return (
    <View className='staff-picker'>
      <View className='staff-picker__bar'>
        <Input
          id='staff-user-query'
          className='ops-input staff-picker__input'
          value={query}
          placeholder='输入昵称或手机号搜索'
          confirmType='search'
          disabled={disabled}
          onInput={(e) => setQuery(e.detail.value)}
          onConfirm={() => void search()}
        />
        <Button className='staff-picker__search' data-testid='staff-user-search' disabled={disabled} onClick={() => void search()}>
          搜索
        </Button>
      </View>
      {state.status === 'searching' ? <Text className='staff-picker__tip'>搜索中…</Text> : null}
      {state.status === 'error' ? <Text className='staff-picker__tip staff-picker__tip--error'>{state.message}</Text> : null}
      {state.status === 'ready' && state.users.length === 0 ? <Text className='staff-picker__tip'>没有找到该用户，请确认对方已登录过小程序</Text> : null}
      {state.status === 'ready'
        ? state.users.map((user, index) => (
            <View key={user.openid} className='staff-picker__option' data-testid={`staff-user-option-${index}`} onClick={() => onChange(user)}>
              <Text className='staff-picker__name'>{who(user)}</Text>
              <Text className='staff-picker__meta'>
                {[user.operator ? '运营' : '', user.staffStoreNames.length ? `店员：${user.staffStoreNames.join('、')}` : ''].filter(Boolean).join(' · ') || '顾客'}
              </Text>
            </View>
          ))
        : null}
    </View>
  )
}
