import { View, Text } from '@tarojs/components'
import './index.scss'

export interface SectionTitleProps {
  title: string
  /** A small line on the right, e.g. 全部订单 ›. */
  extra?: string
  onExtra?: () => void
}

/** The heading of a block on a page. */
export default function SectionTitle({ title, extra, onExtra }: SectionTitleProps) {
  return (
    <View className='section-title'>
      <Text className='section-title__text'>{title}</Text>
      {extra ? (
        <Text className='section-title__extra' onClick={onExtra}>
          {extra}
        </Text>
      ) : null}
    </View>
  )
}
