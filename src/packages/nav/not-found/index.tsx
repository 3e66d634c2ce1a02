import Taro from '@tarojs/taro'
import StateView from '../../../components/state-view'
import { HOME_URL } from '../../../utils/routes'

/** Where an unknown URL lands on H5 (src/app.ts redirects here): says so and leads home. */
export default function NotFoundPage() {
  return (
    <StateView
      state='empty'
      message='这个页面不存在或已下线，去首页看看吧'
      actionText='回到首页'
      onAction={() => void Taro.reLaunch({ url: HOME_URL }).catch(() => undefined)}
    />
  )
}
