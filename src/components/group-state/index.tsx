import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

export type GroupTone = 'live' | 'success' | 'fail' | 'closed'

interface Props {
  tone: GroupTone
  title: string
  note: string
  /** Under the note, e.g. the countdown. */
  children?: ReactNode
}

const MARKS: Record<GroupTone, string> = { live: '拼', success: '✓', fail: '!', closed: '–' }

/** The group's state as a headline: 还差 N 人成团, 拼团成功, 拼团失败…, with a line under it. */
export default function GroupState({ tone, title, note, children }: Props) {
  return (
    <View className={`group-state group-state--${tone}`} data-testid='group-state' data-tone={tone}>
      <View className='group-state__mark'>
        <Text>{MARKS[tone]}</Text>
      </View>
      <Text className='group-state__title' data-testid='group-state-title'>
        {title}
      </Text>
      <Text className='group-state__note'>{note}</Text>
      {children ? <View className='group-state__extra'>{children}</View> : null}
    </View>
  )
}
