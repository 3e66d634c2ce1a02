// One native-price for pages: the native <native-price> on weapp (the page's config must list it in
// usingComponents, see src/native/README.md) and a React equivalent on H5.
import { Text, View } from '@tarojs/components'
import { formatFen, type Fen } from '../../core/money'
import './price.scss'

export interface NativePriceProps {
  /** Integer fen. */
  fen: Fen
  /** Struck-through original price. */
  strike?: boolean
}

function WeappPrice({ fen, strike = false }: NativePriceProps) {
  // Props spelled out one by one: Taro reads them from this JSX to build the wxml template.
  return <native-price fen={fen} strike={strike} />
}

function splitFen(fen: Fen): [string, string] {
  if (!Number.isSafeInteger(fen)) return ['--', '--']
  const [yuan, cents] = formatFen(fen).split('.')
  return [yuan, cents]
}

function H5Price({ fen, strike = false }: NativePriceProps) {
  const [yuan, cents] = splitFen(fen)
  return (
    <View className={strike ? 'native-price native-price--strike' : 'native-price'}>
      <Text className='native-price__symbol'>¥</Text>
      <Text className='native-price__yuan'>{yuan}</Text>
      <Text className='native-price__cents'>.{cents}</Text>
    </View>
  )
}

export default function NativePrice(props: NativePriceProps) {
  return process.env.TARO_ENV === 'h5' ? <H5Price {...props} /> : <WeappPrice {...props} />
}
