/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'
declare module '*.sass'

declare namespace NodeJS {
  interface ProcessEnv {
    /** Built-in; affects the build output */
    NODE_ENV: 'development' | 'production' | 'test'
    /** The platform being built: only weapp and h5 are built here */
    TARO_ENV: 'weapp' | 'h5'
    /** Mini-program appid override (see Taro env-mode-config docs) */
    TARO_APP_ID: string
  }
}
