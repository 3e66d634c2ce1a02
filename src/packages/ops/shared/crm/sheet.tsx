import { Button, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'

interface Props {
  title: string
  testId: string
  onClose: () => void
  children: ReactNode
  /** The foot's buttons; none when omitted. */
  actions?: Array<{ label: string; onClick: () => void; ghost?: boolean; testId?: string; disabled?: boolean }>
}

/** A bottom sheet of the CRM pages (筛选, 打标签, 批量打标签). */
export default function CrmSheet({ title, testId, onClose, children, actions = [] }: Props) {
  return (
    <View className='crm-sheet' data-testid={testId}>
      <View className='crm-sheet__mask' onClick={onClose} />
      <View className='crm-sheet__panel'>
        <View className='crm-sheet__head'>
          <Text className='crm-sheet__title'>{title}</Text>
          <Text className='crm-sheet__close' onClick={onClose}>
            ×
          </Text>
        </View>
        <View className='crm-sheet__body'>{children}</View>
        {actions.length ? (
          <View className='crm-sheet__foot'>
            {actions.map((a) => (
              <Button
                key={a.label}
                className={`crm-sheet__button${a.ghost ? ' crm-sheet__button--ghost' : ''}`}
                data-testid={a.testId}
                disabled={a.disabled || undefined}
                onClick={a.onClick}
              >
                {a.label}
              </Button>
            ))}
          </View>
        ) : null}
      </View>
    </View>
  )
}
