import { View, Text } from '@tarojs/components'
import './index.scss'

export interface LoadMoreProps {
  hasMore: boolean
  loading: boolean
  /** A failed next page: tap to retry. */
  error?: string | null
  onRetry?: () => void
  /** Shown when everything is loaded. */
  doneText?: string
}

/** The foot of a paged list: loading the next page, its failure, or the end. */
export default function LoadMore({ hasMore, loading, error, onRetry, doneText = '没有更多了' }: LoadMoreProps) {
  if (error) {
    return (
      <View className='load-more load-more--error' onClick={onRetry}>
        <Text>{error}，点击重试</Text>
      </View>
    )
  }
  return (
    <View className='load-more'>
      <Text>{loading ? '加载中…' : hasMore ? '上拉加载更多' : doneText}</Text>
    </View>
  )
}
