import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { createPortal } from 'react-dom'
import { HOME_URL, TAB_PAGES } from '../../utils/routes'
import './index.scss'

/**
 * What the bar offers on `path` with `depth` pages in the stack: no bar on a tab page (the tab bar is there),
 * 首页 always, 返回 when there is a page to go back to (not for someone who opened a shared link).
 */
export function navFor(path: string, depth: number): { back: boolean } | null {
  const page = path.split('?')[0]
  if (page === '/' || TAB_PAGES.includes(page)) return null
  return { back: depth > 1 }
}

const read = () => navFor(window.location.pathname, Taro.getCurrentPages().length)

/**
 * H5 only (the mini-program has WeChat's own title bar and capsule): the page's title with a 返回 / 首页 capsule
 * over every page that has no tab bar, as on weapp; its stylesheet moves those pages below it. Rendered once
 * by the app into <body>: inside Taro's router container it would count as a page (the router hides every
 * page that is not the last child).
 */
export default function NavBar() {
  const [nav, setNav] = useState(read)
  const [title, setTitle] = useState(() => document.title)

  useEffect(() => {
    // Taro's H5 router announces each page shown once its page stack is updated and document.title set.
    const update = () => {
      setNav(read())
      setTitle(document.title)
    }
    const retitle = (text: unknown) => setTitle(String(text))
    Taro.eventCenter.on('__afterTaroRouterChange', update)
    Taro.eventCenter.on('__taroH5SetNavigationBarTitle', retitle)
    window.addEventListener('popstate', update)
    return () => {
      Taro.eventCenter.off('__afterTaroRouterChange', update)
      Taro.eventCenter.off('__taroH5SetNavigationBarTitle', retitle)
      window.removeEventListener('popstate', update)
    }
  }, [])

  if (!nav) return null
  return createPortal(
    <View className='nav-bar' data-testid='nav-bar'>
      <View className='nav-bar__capsule'>
        <View
          className={`nav-bar__button nav-bar__button--back${nav.back ? '' : ' nav-bar__button--off'}`}
          data-testid='nav-back'
          aria-label='返回'
          onClick={() => nav.back && void Taro.navigateBack().catch(() => undefined)}
        />
        <View className='nav-bar__button nav-bar__button--home' data-testid='nav-home' aria-label='首页' onClick={() => void Taro.reLaunch({ url: HOME_URL }).catch(() => undefined)} />
      </View>
      <Text className='nav-bar__title' data-testid='nav-title'>
        <>{title}</>
      </Text>
    </View>,
    document.body
  )
}
