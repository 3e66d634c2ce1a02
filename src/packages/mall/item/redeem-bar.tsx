import { Button, Text, View } from '@tarojs/components'
import type { MallItemDetailView } from '../../../core/contracts/mall'
import type { BalanceState } from '../shared/use-points-balance'

export type RedeemBlock = 'soldOut' | 'limit' | 'guest' | 'points' | null

/** Why 立即兑换 is off now, from what the page knows (the server checks again). */
export function redeemBlock(item: MallItemDetailView, balance: BalanceState): RedeemBlock {
  if (item.soldOut) return 'soldOut'
  if (item.limitReached) return 'limit'
  if (balance.status === 'guest') return 'guest'
  if (balance.status === 'ready' && balance.balance < item.pointsPrice) return 'points'
  return null
}

const BLOCK_LABELS: Record<Exclude<RedeemBlock, null>, string> = {
  soldOut: '已兑完',
  limit: '已达兑换上限',
  guest: '开通会员后兑换',
  points: '积分不足'
}

interface Props {
  block: RedeemBlock
  balance: BalanceState
  submitting: boolean
  onRedeem: () => void
  onJoin: () => void
}

/** The bar at the bottom: my points, and 立即兑换 (or why not). */
export default function RedeemBar({ block, balance, submitting, onRedeem, onJoin }: Props) {
  const off = submitting || (block !== null && block !== 'guest')
  const tap = block === 'guest' ? onJoin : onRedeem
  return (
    <View className='mall-item__bar'>
      <View className='mall-item__bar-points'>
        <Text className='mall-item__bar-label'>我的积分</Text>
        <Text className='mall-item__bar-value' data-testid='item-balance'>
          {balance.status === 'ready' ? balance.balance : '--'}
        </Text>
      </View>
      <Button
        className={`mall-item__redeem${off ? ' mall-item__redeem--off' : ''}`}
        data-testid='redeem-button'
        disabled={off || undefined}
        loading={submitting}
        onClick={() => !off && tap()}
      >
        {/* in a fragment, a text node: see src/packages/flashsale/detail/buy-bar.tsx */}
        <>{block ? BLOCK_LABELS[block] : '立即兑换'}</>
      </Button>
    </View>
  )
}
