import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import StateView from '../../../components/state-view'
import type { PickupPointView } from '../../../core/contracts/community'
import { distanceText } from '../shared/format'
import type { PointsState } from './use-points'

interface Props {
  state: PointsState
  points: PickupPointView[]
  chosen: PickupPointView | null
  onChoose: (leaderId: string) => void
  onRetry: () => void
  disabled: boolean
}

/** 自提点: the chosen leader's point (nearest or last used), and the others to switch to. */
export default function PointPicker({ state, points, chosen, onChoose, onRetry, disabled }: Props) {
  const [open, setOpen] = useState(false)
  if (state.status === 'loading') return <StateView state='loading' message='正在查找附近的自提点…' />
  if (state.status === 'error') return <StateView state='error' message={state.message} onRetry={onRetry} />
  if (points.length === 0) return <StateView state='empty' message='附近还没有团长自提点' />

  return (
    <View className='cm-points' data-testid='community-points'>
      {chosen ? <PointRow point={chosen} chosen /> : <Text className='cm-card__line'>请选择自提点</Text>}
      {points.length > 1 ? (
        <Text className='cm-points__toggle' data-testid='community-points-toggle' onClick={() => !disabled && setOpen(!open)}>
          {open ? '收起' : `更换自提点（共 ${points.length} 个）`}
        </Text>
      ) : null}
      {open
        ? points
            .filter((p) => p.leaderId !== chosen?.leaderId)
            .map((point) => (
              <View
                key={point.leaderId}
                data-testid={`community-point-${point.leaderId}`}
                onClick={() => {
                  onChoose(point.leaderId)
                  setOpen(false)
                }}
              >
                <PointRow point={point} chosen={false} />
              </View>
            ))
        : null}
    </View>
  )
}

function PointRow({ point, chosen }: { point: PickupPointView; chosen: boolean }) {
  const distance = distanceText(point.distance)
  return (
    <View className={`cm-point${chosen ? ' cm-point--chosen' : ''}`} data-testid={chosen ? 'community-point-chosen' : undefined}>
      <View className='cm-point__head'>
        <Text className='cm-point__name'>{point.name}</Text>
        {distance ? <Text className='cm-point__distance'>{distance}</Text> : null}
      </View>
      <Text className='cm-card__line'>{point.address}</Text>
      <Text className='cm-card__line'>{`取货时间 ${point.hours}`}</Text>
    </View>
  )
}
