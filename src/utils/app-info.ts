import { isH5 } from './platform'

/** Keep in step with package.json "version" (not imported: the whole manifest would enter the bundle). */
export const APP_VERSION = '0.1.0'

export const versionLine = (): string => `私域商城 v${APP_VERSION} · ${isH5() ? 'H5 · 本地云' : '微信小程序 · 云开发'}`
