// Jest stand-in for @tarojs/taro: navigation and UI APIs are jest.fn()s. Page hooks behave
// like a page that was just opened: useLoad and useDidShow run once after mount;
// usePullDownRefresh / useReachBottom / useDidShow handlers can be fired with `trigger(..)`.
// Set the page's query with `setRouterParams(..)` before rendering. Tests import these
// helpers from this file (tests/mocks/taro); it is the same module instance as '@tarojs/taro'.
import { jest } from '@jest/globals'
import { useEffect, useRef } from 'react'

const ok = () => jest.fn(async (..._args: unknown[]) => ({ errMsg: 'ok' }))

type Listener = (...args: unknown[]) => void
const listeners = new Map<string, Set<Listener>>()
/** Taro's event bus: a test can `Taro.eventCenter.trigger('__afterTaroRouterChange')` like the H5 router. */
const eventCenter = {
  on(name: string, fn: Listener) {
    listeners.set(name, (listeners.get(name) ?? new Set()).add(fn))
  },
  off(name: string, fn: Listener) {
    listeners.get(name)?.delete(fn)
  },
  trigger(name: string, ...args: unknown[]) {
    for (const fn of [...(listeners.get(name) ?? [])]) fn(...args)
  }
}

const Taro = {
  navigateTo: ok(),
  redirectTo: ok(),
  switchTab: ok(),
  reLaunch: ok(),
  navigateBack: ok(),
  showToast: ok(),
  showModal: jest.fn(async (..._args: unknown[]) => ({ errMsg: 'ok', confirm: true, cancel: false })),
  showLoading: ok(),
  hideLoading: ok(),
  setNavigationBarTitle: ok(),
  setTabBarBadge: ok(),
  removeTabBarBadge: ok(),
  stopPullDownRefresh: ok(),
  pageScrollTo: ok(),
  requestPayment: ok(),
  makePhoneCall: ok(),
  requestSubscribeMessage: ok(),
  request: ok(),
  getStorageSync: jest.fn((_key: string): unknown => ''),
  setStorageSync: jest.fn((_key: string, _value: unknown) => undefined),
  removeStorageSync: jest.fn((_key: string) => undefined),
  getCurrentPages: jest.fn((): unknown[] => [{}, {}]),
  // Location refused unless a test says otherwise (mockResolvedValueOnce({ latitude, longitude })).
  getLocation: jest.fn(async (..._args: unknown[]): Promise<{ latitude: number; longitude: number }> => {
    throw { errMsg: 'getLocation:fail auth deny' }
  }),
  eventCenter,
  getEnv: () => 'WEB',
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
  chooseImage: jest.fn(async (..._args: unknown[]): Promise<{ tempFilePaths: string[]; tempFiles: Array<{ path: string; size: number }> }> => ({ tempFilePaths: [], tempFiles: [] })),
  cloud: {
    init: jest.fn(),
    callFunction: ok(),
    uploadFile: jest.fn(async ({ cloudPath }: { cloudPath: string; filePath: string }) => ({ fileID: `cloud://test-env.test-bucket/${cloudPath}`, statusCode: 200, errMsg: 'ok' })),
    // Every fileID resolves to https://tmp.example/<path>, valid 10 minutes.
    getTempFileURL: jest.fn(async ({ fileList }: { fileList: string[] }) => ({
      errMsg: 'ok',
      fileList: fileList.map((fileID) => ({ fileID, tempFileURL: `https://tmp.example/${fileID.replace(/^cloud:\/\/[^/]+\//, '')}`, maxAge: 600, status: 0, errMsg: 'ok' }))
    }))
  }
}

type PageEvent = 'didShow' | 'pullDownRefresh' | 'reachBottom'
const handlers: Record<PageEvent, Set<() => unknown>> = { didShow: new Set(), pullDownRefresh: new Set(), reachBottom: new Set() }

function useRegistered(event: PageEvent, fn: () => unknown) {
  const latest = useRef(fn)
  latest.current = fn
  useEffect(() => {
    const handler = () => latest.current()
    handlers[event].add(handler)
    return () => {
      handlers[event].delete(handler)
    }
  }, [event])
}

/** Fires a page event on every mounted page that listens to it (wrap in act). */
export function trigger(event: PageEvent): void {
  for (const handler of [...handlers[event]]) handler()
}

let routerParams: Record<string, string> = {}
/** The query of the page under test (`?id=..`). */
export function setRouterParams(params: Record<string, string>): void {
  routerParams = params
}

const noopHook = (_fn?: unknown) => undefined
export const useLaunch = noopHook
export const useDidHide = noopHook
export const useUnload = noopHook
export const useReady = noopHook
export const useShareAppMessage = noopHook
export const useLoad = (fn: (params: Record<string, string>) => unknown) => {
  useEffect(() => {
    fn(routerParams)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
}
export const useDidShow = (fn: () => unknown) => {
  useRegistered('didShow', fn)
  useEffect(() => {
    fn()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
}
export const usePullDownRefresh = (fn: () => unknown) => useRegistered('pullDownRefresh', fn)
export const useReachBottom = (fn: () => unknown) => useRegistered('reachBottom', fn)
export const useRouter = () => ({ params: routerParams, path: '' })

export const { navigateTo, redirectTo, switchTab, reLaunch, navigateBack, showToast, showModal, stopPullDownRefresh } = Taro
export default Taro
