// Jest stand-in for @tarojs/taro: navigation and UI APIs are jest.fn()s, lifecycle
// hooks are no-ops. Add what a test needs; assert calls with jest.mocked(Taro.x).
import { jest } from '@jest/globals'

const ok = () => jest.fn(async (..._args: unknown[]) => ({ errMsg: 'ok' }))

const Taro = {
  navigateTo: ok(),
  redirectTo: ok(),
  switchTab: ok(),
  reLaunch: ok(),
  navigateBack: ok(),
  showToast: ok(),
  showModal: ok(),
  showLoading: ok(),
  hideLoading: ok(),
  setNavigationBarTitle: ok(),
  request: ok(),
  getStorageSync: jest.fn((_key: string): unknown => ''),
  setStorageSync: jest.fn((_key: string, _value: unknown) => undefined),
  getEnv: () => 'WEB',
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
  cloud: { callFunction: ok() }
}

const noopHook = (_fn?: unknown) => undefined
export const useLoad = noopHook
export const useLaunch = noopHook
export const useReady = noopHook
export const useDidShow = noopHook
export const useDidHide = noopHook
export const usePullDownRefresh = noopHook
export const useReachBottom = noopHook
export const useRouter = () => ({ params: {} as Record<string, string>, path: '' })

export const { navigateTo, redirectTo, switchTab, reLaunch, navigateBack, showToast } = Taro
export default Taro
