import type { PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import { watchCartBadge } from './utils/cart-badge'

import './app.scss'

/**
 * The CloudBase environment the mini-program calls: TARO_APP_CLOUD_ENV (e.g. in
 * .env.production) pins one; unset, wx.cloud uses the appid's default environment.
 * The bundler replaces the expression when the variable is set; when it is not,
 * `process` may not exist on weapp, hence the try.
 */
function cloudEnv(): string | undefined {
  try {
    return process.env.TARO_APP_CLOUD_ENV || undefined
  } catch {
    return undefined
  }
}

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      const env = cloudEnv()
      Taro.cloud.init({ traceUser: true, ...(env ? { env } : {}) })
    }
    // H5: the api client signs in lazily as the current dev identity (demo-customer by default).
    watchCartBadge()
  })

  // children is the page being rendered
  return children
}

export default App
