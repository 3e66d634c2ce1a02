import { Text } from '@tarojs/components'
import { Fragment } from 'react'
import { planGiftParts, type PlanGifts } from '../../../core/wallet/plans'

/** A plan card's gifts, "赠 ¥10 · 100 积分 · 满100减10券": a line breaks between gifts, never inside one. */
export default function PlanGiftsLine(gifts: PlanGifts) {
  const parts = planGiftParts(gifts)
  if (parts.length === 0) return <Text className='wallet-page__plan-gift'>无赠送</Text>
  return (
    <Text className='wallet-page__plan-gift' data-testid='wallet-plan-gifts'>
      {parts.map((part, i) => (
        <Fragment key={part}>
          {i > 0 ? ' · ' : ''}
          <Text className='wallet-page__plan-gift-part'>{i === 0 ? `赠 ${part}` : part}</Text>
        </Fragment>
      ))}
    </Text>
  )
}
