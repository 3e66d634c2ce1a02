import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import { call, toastError } from '../../api'
import type { BirthdayGiftView, MemberCardView } from '../../core/contracts/member'

/** Whether the card offers this year's birthday gift now: a birthday on file, its month, not yet claimed. */
export const birthdayGiftOpen = (card: MemberCardView): boolean =>
  Boolean(card.member.birthday) && card.birthdayGift.inBirthMonth && !card.birthdayGift.claimedThisYear

function claimedMessage(view: BirthdayGiftView): string {
  if (!view.granted) return '今年的生日礼已领取'
  const parts = [view.points > 0 ? `${view.points} 积分` : '', view.couponIssued ? '优惠券' : ''].filter(Boolean)
  return parts.length > 0 ? `生日快乐！已获得${parts.join('和')}` : '生日快乐！'
}

/** 生日礼: shown in the birthday month until claimed; one tap claims it once. */
export default function BirthdayGift({ onClaimed }: { onClaimed: () => void }) {
  const busy = useRef(false)
  const [claiming, setClaiming] = useState(false)

  const claim = async () => {
    if (busy.current) return
    busy.current = true
    setClaiming(true)
    try {
      const view = await call('member', 'claimBirthdayGift', {})
      void Taro.showToast({ title: claimedMessage(view), icon: 'none', duration: 2500 })
      onClaimed()
    } catch (error) {
      toastError(error)
    } finally {
      busy.current = false
      setClaiming(false)
    }
  }

  return (
    <View className='member__block member__birthday' data-testid='birthday-gift'>
      <View className='member__birthday-text'>
        <Text className='member__birthday-title'>生日月专属礼包</Text>
        <Text className='member__birthday-note'>本月是你的生日月，礼包每年可领一次</Text>
      </View>
      <Button className='member__birthday-claim' data-testid='birthday-claim' disabled={claiming || undefined} loading={claiming} onClick={() => void claim()}>
        领取
      </Button>
    </View>
  )
}
