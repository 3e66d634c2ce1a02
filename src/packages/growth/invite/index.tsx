import { Button, Image, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import PosterEntry from '../../../components/poster-entry'
import QrCode from '../../../components/qr-code'
import ShareSheet, { h5Link } from '../../../components/share-sheet'
import StateView from '../../../components/state-view'
import type { InviteItemView } from '../../../core/contracts/growth'
import { useAsync } from '../../../utils/use-async'
import { isH5 } from '../../../utils/platform'
import { MEMBER_TAB_URL } from '../links'
import { formatDay, loadInvitePage, rewardText } from './load'
import './index.scss'

/**
 * 邀请有礼: the member's invite link and code (weapp: the mini-program code;
 * H5: a QR of the link), what both sides get and when, and every friend
 * invited (masked) with the state of each reward.
 */
export default function InvitePage() {
  const page = useAsync(loadInvitePage)
  const [sheet, setSheet] = useState(false)
  const data = page.status === 'ready' && page.data.kind === 'member' ? page.data : null

  usePullDownRefresh(() => {
    void page.reload().finally(() => void Taro.stopPullDownRefresh())
  })
  useShareAppMessage(() => ({ title: '送你一份新人礼，来一起逛逛', path: data ? data.code.path : '/pages/home/index' }))

  if (page.status === 'loading') return <StateView state='loading' />
  if (page.status === 'error') return <StateView state='error' message={page.message} onRetry={() => void page.reload()} />
  if (!data) {
    return <StateView state='empty' message='开通会员后即可邀请好友，双方都有礼' actionText='去开通会员' onAction={() => void Taro.switchTab({ url: MEMBER_TAB_URL })} />
  }

  const { code, invites } = data
  const { rules, totals } = invites
  const link = h5Link(code.path)
  const copy = () => {
    Taro.setClipboardData({ data: isH5() ? link : code.code }).catch(() => Taro.showToast({ title: '复制失败，请长按复制', icon: 'none' }))
  }

  return (
    <View className='invite'>
      <View className='invite__hero'>
        <Text className='invite__hero-title'>邀请好友 双方得好礼</Text>
        <View className='invite__gifts'>
          <View className='invite__gift'>
            <Text className='invite__gift-who'>你得</Text>
            <Text className='invite__gift-what' data-testid='invite-rule-inviter'>
              {rewardText(rules.inviter.points, rules.inviter.coupon)}
            </Text>
          </View>
          <View className='invite__gift'>
            <Text className='invite__gift-who'>好友得</Text>
            <Text className='invite__gift-what' data-testid='invite-rule-invitee'>
              {rewardText(rules.invitee.points, rules.invitee.coupon)}
            </Text>
          </View>
        </View>
        {!rules.enabled ? <Text className='invite__paused'>活动暂停中，邀请关系仍会保留</Text> : null}
      </View>

      <View className='invite__card'>
        <View className='invite__qr' data-testid='invite-qr'>
          {code.wxacodeUrl ? <Image className='invite__wxacode' src={code.wxacodeUrl} mode='aspectFit' showMenuByLongpress /> : <QrCode text={link} testId='invite-qr-svg' canvasId='invite-qr' />}
        </View>
        <Text className='invite__code-label'>我的邀请码</Text>
        <Text className='invite__code' data-testid='invite-code' userSelect>
          {code.code}
        </Text>
        <View className='invite__actions'>
          <Button className='invite__button' onClick={copy}>
            {isH5() ? '复制链接' : '复制邀请码'}
          </Button>
          {isH5() ? (
            <Button className='invite__button invite__button--primary' data-testid='invite-share' onClick={() => setSheet(true)}>
              分享给好友
            </Button>
          ) : (
            <Button className='invite__button invite__button--primary' openType='share' data-testid='invite-share'>
              分享给好友
            </Button>
          )}
        </View>
      </View>

      <PosterEntry kind='invite' note='带上你的邀请二维码，好友扫码即可加入' />

      <View className='invite__section'>
        <View className='invite__totals' data-testid='invite-totals'>
          <Total label='已邀请' value={totals.invited} />
          <Total label='已下单' value={totals.ordered} />
          <Total label='已得积分' value={totals.points} />
          <Total label='已得券' value={totals.coupons} />
        </View>
        <Text className='invite__section-title'>我邀请的好友</Text>
        {invites.items.length === 0 ? (
          <Text className='invite__empty'>还没有好友接受邀请，分享给好友试试吧</Text>
        ) : (
          <View data-testid='invite-list'>
            {invites.items.map((item, index) => (
              <InviteRow key={`${item.boundAt}-${index}`} item={item} />
            ))}
          </View>
        )}
      </View>

      <View className='invite__section invite__rules'>
        <Text className='invite__section-title'>活动规则</Text>
        <Text className='invite__rule'>1. 好友通过你的链接或小程序码首次打开并登录，即与你绑定；每位好友只能被邀请一次，已是会员的顾客不参与。</Text>
        <Text className='invite__rule'>2. 好友首笔订单确认收货（或自提核销）后，或付款满 {rules.rewardDelayDays} 天且未退款，双方奖励自动到账。</Text>
        <Text className='invite__rule'>3. 好友首笔订单退款的，本次邀请不再发放奖励。</Text>
        <Text className='invite__rule'>
          4. {rules.dailyCapPerInviter > 0 ? `每人每天最多获得 ${rules.dailyCapPerInviter} 次邀请奖励，超出部分不再发放（好友的奖励照常发放）。` : '每天获得邀请奖励的次数不设上限。'}
        </Text>
      </View>

      {isH5() ? <ShareSheet visible={sheet} title='邀请好友' note='好友打开链接并登录即完成邀请' path={code.path} onClose={() => setSheet(false)} /> : null}
    </View>
  )
}

function Total({ label, value }: { label: string; value: number }) {
  return (
    <View className='invite__total'>
      <Text className='invite__total-value'>{value}</Text>
      <Text className='invite__total-label'>{label}</Text>
    </View>
  )
}

function InviteRow({ item }: { item: InviteItemView }) {
  const mine = item.rewards.inviter
  return (
    <View className='invite__row' data-testid='invite-row'>
      <View className='invite__row-main'>
        <Text className='invite__row-name'>{item.invitee}</Text>
        <Text className='invite__row-date'>{formatDay(item.boundAt)} 接受邀请</Text>
      </View>
      <View className='invite__row-side'>
        <Text className={`invite__state invite__state--${item.state}`}>{item.stateLabel}</Text>
        <Text className='invite__row-reward'>
          我的奖励：{rewardText(mine.points, mine.coupon)} · {mine.stateLabel}
        </Text>
      </View>
    </View>
  )
}
