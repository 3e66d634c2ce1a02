import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'

/** What a customer sees in the operator area: no data, and the way back. */
export default function NoAccess() {
  return (
    <View className='ops-no-access' data-testid='ops-no-access'>
      <View className='ops-no-access__icon'>
        <Text>锁</Text>
      </View>
      <Text className='ops-no-access__title'>无权限</Text>
      <Text className='ops-no-access__text'>运营后台仅对运营人员开放。如需开通，请联系管理员为你的账号添加运营角色。</Text>
      <Button className='ops-no-access__button' onClick={() => void Taro.switchTab({ url: '/pages/me/index' })}>
        返回我的
      </Button>
    </View>
  )
}
