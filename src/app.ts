import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'

import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    console.log('siyu launched')
  })

  // children is the page being rendered
  return children
}

export default App
