import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import type { PointsEntryView } from '../../core/contracts/points'
import './index.scss'

/** "+120" / "-50": the sign always shown. */
export const signedPoints = (delta: number): string => (delta > 0 ? `+${delta}` : String(delta))

/** The small line under the label: the entry's note, how long points in stay valid, what a refund could not take back. */
function details(entry: PointsEntryView): string[] {
  const lines: string[] = []
  if (entry.note) lines.push(entry.note)
  if (entry.delta > 0 && entry.expiresOn) lines.push(`有效期至 ${entry.expiresOn}`)
  if (entry.shortfall > 0) lines.push(`${entry.shortfall} 积分已使用，未能扣回`)
  return lines
}

/** One line of the points ledger: what it was (the server's label), when, and the signed amount. */
export default function PointsEntry({ entry }: { entry: PointsEntryView }) {
  return (
    <View className='points-entry' data-testid={`points-entry-${entry.id}`}>
      <View className='points-entry__main'>
        <Text className='points-entry__label'>{entry.label}</Text>
        {details(entry).map((line) => (
          <Text key={line} className='points-entry__note'>
            {line}
          </Text>
        ))}
        <Text className='points-entry__time'>{dayjs(entry.createdAt).format('YYYY-MM-DD HH:mm')}</Text>
      </View>
      <View className='points-entry__side'>
        <Text className={`points-entry__delta${entry.delta > 0 ? ' points-entry__delta--in' : ''}`}>{signedPoints(entry.delta)}</Text>
        <Text className='points-entry__after'>余 {entry.balanceAfter}</Text>
      </View>
    </View>
  )
}
