import { View, Text } from '@tarojs/components'
import './index.scss'

const ROLE_LABELS: Record<string, string> = { customer: '顾客', staff: '店员', operator: '运营', system: '系统' }

export interface AccountCardProps {
  nickname: string
  openid: string | null
  roles: string[]
}

/** Who is signed in: initial, nickname, openid and roles. */
export default function AccountCard({ nickname, openid, roles }: AccountCardProps) {
  return (
    <View className='account-card'>
      <View className='account-card__avatar'>
        <Text>{nickname.slice(0, 1)}</Text>
      </View>
      <View className='account-card__who'>
        <Text className='account-card__nickname'>{nickname}</Text>
        <Text className='account-card__openid'>openid：{openid ?? '未登录'}</Text>
        <View className='account-card__roles'>
          {roles.map((role) => (
            <Text key={role} className='account-card__role'>
              {ROLE_LABELS[role] ?? role}
            </Text>
          ))}
        </View>
      </View>
    </View>
  )
}
