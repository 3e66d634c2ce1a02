// JSX types of the native mini-program components (src/native/*) as they are used from
// React on weapp. A page that renders one must list it in its config's usingComponents.
import 'react'

/** What Taro hands a native component's triggerEvent listener. */
export interface NativeEvent<Detail> {
  type: string
  detail: Detail
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'native-countdown': {
        /** Epoch ms on the server clock. */
        deadline: number
        /** Server clock − client clock, ms. */
        offset: number
        onEnd: (event: NativeEvent<{ deadline: number }>) => void
      }
      'native-price': {
        /** Integer fen. */
        fen: number
        strike: boolean
      }
    }
  }
}
