import { Button, Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import type { OpsWalletPlanView } from '../../../core/contracts/wallet'
import { formatPrice } from '../../../core/money'

interface Props {
  plan: OpsWalletPlanView
  now: number
  busy: boolean
  /** Another row's action is running: this row's buttons are off too. */
  locked: boolean
  onEdit: () => void
  onToggle: () => void
}

const stateOf = (plan: OpsWalletPlanView, now: number): { label: string; tone: 'live' | 'off' | 'done' } => {
  if (!plan.active) return { label: '已停用', tone: 'off' }
  if (plan.validUntil !== null && plan.validUntil <= now) return { label: '已过期', tone: 'done' }
  return { label: '售卖中', tone: 'live' }
}

/** One plan in 储值管理: its terms, gifts, limits, sales; 编辑 and 停用 / 启用. */
export default function PlanRow({ plan, now, busy, locked, onEdit, onToggle }: Props) {
  const state = stateOf(plan, now)
  const coupon = plan.giftCoupon
  return (
    <View className={`plan-row${plan.active ? '' : ' plan-row--off'}`} data-testid='ops-wallet-plan'>
      <View className='ops-row__head plan-row__head'>
        <Text className='ops-row__title plan-row__title'>{plan.title}</Text>
        <Text className={`plan-row__tag plan-row__tag--${state.tone}`}>{state.label}</Text>
      </View>
      <View className='plan-row__terms'>
        <View className='plan-row__term'>
          <Text className='plan-row__key'>充值</Text>
          <Text className='plan-row__value plan-row__value--strong'>{formatPrice(plan.payFen)}</Text>
        </View>
        <View className='plan-row__term'>
          <Text className='plan-row__key'>赠送金</Text>
          <Text className='plan-row__value'>{plan.giftFen > 0 ? formatPrice(plan.giftFen) : '—'}</Text>
        </View>
        <View className='plan-row__term'>
          <Text className='plan-row__key'>赠积分</Text>
          <Text className='plan-row__value'>{plan.giftPoints > 0 ? plan.giftPoints : '—'}</Text>
        </View>
        <View className='plan-row__term'>
          <Text className='plan-row__key'>已售</Text>
          <Text className='plan-row__value'>{plan.topUps} 笔</Text>
        </View>
      </View>
      <Text className='plan-row__line'>
        赠券：{coupon ? coupon.title : '不送券'}
        {coupon && !coupon.available ? <Text className='plan-row__warn'>（{coupon.statusLabel}，充值时不发放）</Text> : null}
      </Text>
      <Text className='plan-row__line'>
        {plan.perMemberLimit === null ? '每人不限次' : `每人限充 ${plan.perMemberLimit} 次`} · {plan.validUntil === null ? '长期售卖' : `${dayjs(plan.validUntil).format('YYYY-MM-DD HH:mm')} 截止`} ·{' '}
        {plan.giftFen === 0 ? '无赠送金' : plan.giftValidDays === null ? '赠送金永久有效' : `赠送金 ${plan.giftValidDays} 天有效`}
      </Text>
      <View className='plan-row__actions'>
        <Button className='ops-wallet__ghost plan-row__button' data-testid='ops-wallet-plan-edit' disabled={locked || undefined} onClick={onEdit}>
          编辑
        </Button>
        <Button
          className={`${plan.active ? 'ops-wallet__ghost' : 'ops-wallet__primary'} plan-row__button`}
          data-testid='ops-wallet-plan-toggle'
          disabled={locked || undefined}
          loading={busy}
          onClick={onToggle}
        >
          {plan.active ? '停用' : '重新启用'}
        </Button>
      </View>
    </View>
  )
}
