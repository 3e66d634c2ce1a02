import { View, Text, Button } from '@tarojs/components'
import './index.scss'

export type ViewState = 'loading' | 'empty' | 'error'

export interface StateViewProps {
  state: ViewState
  /** Overrides the default text of the state. */
  message?: string
  /** Shown as 重试 on the error state. */
  onRetry?: () => void
  /** An extra action on the empty state, e.g. 去逛逛. */
  actionText?: string
  onAction?: () => void
}

const DEFAULT_MESSAGES: Record<ViewState, string> = {
  loading: '加载中…',
  empty: '这里还没有内容',
  error: '加载失败，请稍后重试'
}

/** The loading, empty and error states every page shows instead of its content. */
export default function StateView({ state, message, onRetry, actionText, onAction }: StateViewProps) {
  return (
    <View className={`state-view state-view--${state}`} data-state={state}>
      {state === 'loading' ? <View className='state-view__spinner' /> : <View className='state-view__icon'>{state === 'error' ? '!' : '∅'}</View>}
      <Text className='state-view__message'>{message ?? DEFAULT_MESSAGES[state]}</Text>
      {state === 'error' && onRetry ? (
        <Button className='state-view__button' onClick={onRetry}>
          重试
        </Button>
      ) : null}
      {state === 'empty' && actionText && onAction ? (
        <Button className='state-view__button' onClick={onAction}>
          {actionText}
        </Button>
      ) : null}
    </View>
  )
}
