import { Button, View } from '@tarojs/components'
import { formatPrice } from '../../../core/money'
import type { GroupView } from '../../../core/contracts/groupbuy'
import type { GroupPhase } from '../shared/group-phase'

export type GroupAction = 'join' | 'pay' | 'order' | 'newGroup' | 'more'

/** What the bar offers, the primary action last. */
export function groupActions(phase: GroupPhase, group: GroupView): GroupAction[] {
  const mine = group.joinedByMe && group.myOrderId !== null
  if (phase === 'pending') return mine ? ['pay'] : ['newGroup']
  if (phase === 'open') {
    if (group.canJoin) return ['join']
    return mine ? ['order'] : ['more']
  }
  if (phase === 'full' || phase === 'settling') return mine ? ['order'] : ['newGroup']
  // Succeeded, failed or cancelled: the customer's order, and a new group.
  return mine ? ['order', 'newGroup'] : ['newGroup']
}

interface Props {
  actions: GroupAction[]
  group: GroupView
  submitting: boolean
  onAction: (action: GroupAction) => void
}

/** The group page's bar at the bottom: 参与拼团 ¥x, 去支付, 查看订单, 去开新团. */
export default function GroupActions({ actions, group, submitting, onAction }: Props) {
  if (actions.length === 0) return null
  const label = (action: GroupAction): string => {
    if (action === 'join') return `参与拼团 ${formatPrice(group.groupPrice)}`
    if (action === 'pay') return '去支付'
    if (action === 'order') return '查看我的订单'
    if (action === 'more') return '看看其他拼团'
    return group.joinedByMe ? '再开一团' : '去开新团'
  }
  return (
    <View className='gb-group__bar' data-testid='group-actions'>
      {actions.map((action, index) => {
        const primary = index === actions.length - 1
        const off = action === 'join' && submitting
        return (
          <Button
            key={action}
            className={`gb-group__action${primary ? ' gb-group__action--primary' : ''}${off ? ' gb-group__action--off' : ''}`}
            data-testid={`group-action-${action}`}
            disabled={off || undefined}
            loading={off}
            onClick={() => !off && onAction(action)}
          >
            {label(action)}
          </Button>
        )
      })}
    </View>
  )
}
