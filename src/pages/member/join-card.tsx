import { Button, Input, Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { JoinView, NotMemberCardView } from '../../core/contracts/member'
import type { JoinDraft } from './join-form'
import { useJoin } from './use-join'

interface Props {
  offer: NotMemberCardView
  /** Today on the China calendar: the birthday picker ends there. */
  today: string
  onJoined: (view: JoinView) => void
}

/** What the join gift holds, in words: "100 积分 + 优惠券". */
export function giftLine(gift: NotMemberCardView['joinGift']): string | null {
  const parts = [gift.points > 0 ? `${gift.points} 积分` : '', gift.couponTemplateId ? '优惠券' : ''].filter(Boolean)
  return parts.length > 0 ? parts.join(' + ') : null
}

/** 开卡: the join gift, then nickname, optional phone and birthday. */
export default function JoinCard({ offer, today, onJoined }: Props) {
  const [draft, setDraft] = useState<JoinDraft>({ nickname: '', phone: '', birthday: '' })
  const { submit, submitting, problems, clearProblem } = useJoin(today, onJoined)
  const gift = giftLine(offer.joinGift)
  const set = (key: keyof JoinDraft) => (e: { detail: { value: string } }) => {
    setDraft((d) => ({ ...d, [key]: String(e.detail.value) }))
    clearProblem(key)
  }

  return (
    <View className='join' data-testid='join-card'>
      <View className='join__hero'>
        <Text className='join__title'>开通会员卡</Text>
        <Text className='join__subtitle'>消费累积成长值，升级享专属折扣与多倍积分</Text>
        {gift ? (
          <View className='join__gift' data-testid='join-gift'>
            <Text className='join__gift-tag'>开卡礼</Text>
            <Text className='join__gift-text'>{gift}</Text>
          </View>
        ) : null}
      </View>

      <View className='join__form'>
        <View className='join__row'>
          <Text className='join__label'>昵称</Text>
          <Input
            className='join__input'
            id='join-nickname'
            data-testid='join-nickname'
            value={draft.nickname}
            maxlength={20}
            placeholder='会员卡上显示的名字'
            disabled={submitting}
            onInput={set('nickname')}
          />
        </View>
        {problems.nickname ? <Text className='join__problem'>{problems.nickname}</Text> : null}
        <View className='join__row'>
          <Text className='join__label'>手机号</Text>
          <Input
            className='join__input'
            id='join-phone'
            data-testid='join-phone'
            type='number'
            value={draft.phone}
            maxlength={11}
            placeholder='选填'
            disabled={submitting}
            onInput={set('phone')}
          />
        </View>
        {problems.phone ? <Text className='join__problem'>{problems.phone}</Text> : null}
        <Picker mode='date' value={draft.birthday || '2000-01-01'} start='1900-01-01' end={today} disabled={submitting} onChange={set('birthday')}>
          <View className='join__row join__row--last' data-testid='join-birthday'>
            <Text className='join__label'>生日</Text>
            <Text className={`join__picked${draft.birthday ? '' : ' join__picked--empty'}`}>{draft.birthday || '选填，生日月可领生日礼'}</Text>
            <Text className='join__chevron'>›</Text>
          </View>
        </Picker>
        {problems.birthday ? <Text className='join__problem'>{problems.birthday}</Text> : null}
      </View>

      <Button className={`join__submit${submitting ? ' join__submit--busy' : ''}`} data-testid='join-submit' disabled={submitting || undefined} loading={submitting} onClick={() => void submit(draft)}>
        立即开卡
      </Button>
      <Text className='join__note'>开卡即表示同意会员服务说明；手机号与生日仅用于会员服务</Text>
    </View>
  )
}
