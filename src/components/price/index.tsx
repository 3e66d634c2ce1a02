import { Text } from '@tarojs/components'
import { formatPrice, type Fen } from '../../core/money'
import './index.scss'

export interface PriceProps {
  /** Integer fen. */
  fen: Fen
  size?: 'sm' | 'md' | 'lg'
  /** A crossed-out reference price (划线价), grey. */
  strike?: boolean
  className?: string
}

/** A price in yuan, formatted only through formatPrice: "¥123.45". */
export default function Price({ fen, size = 'md', strike = false, className }: PriceProps) {
  const classes = ['price', `price--${size}`, strike ? 'price--strike' : '', className ?? ''].filter(Boolean).join(' ')
  return <Text className={classes}>{formatPrice(fen)}</Text>
}
