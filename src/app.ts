import { createElement, Fragment, type ComponentType, type PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import { watchCartBadge } from './utils/cart-badge'
import { reportDailyVisit } from './utils/daily-visit'
import { watchInvitesAndShares } from './utils/invite'
import { captureGuideLink } from './utils/guide-link'
import { NOT_FOUND_URL } from './utils/routes'

import './app.scss'

// H5 only, so the weapp build drops both (WeChat has its own capsule and its own page-not-found screen):
// a title bar with 返回 / 首页 for pages without a tab bar, and a 404 page instead of an empty screen for an unknown URL.
// Registered before the router renders the first URL, which may be the unknown one.
const NavBar: ComponentType | null = process.env.TARO_ENV === 'h5' ? require('./components/nav-bar').default : null
if (process.env.TARO_ENV === 'h5') {
  Taro.onPageNotFound(() => {
    void Taro.redirectTo({ url: NOT_FOUND_URL }).catch(() => undefined)
  })
}

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
    reportDailyVisit()
    // Invites (老带新) bound at first sign-in, share cards' opens (issue 13).
    watchInvitesAndShares()
    captureGuideLink()
  })

  // children is the page being rendered
  return NavBar ? createElement(Fragment, null, children, createElement(NavBar)) : children
}

export default App
