import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import StateView from '../../../components/state-view'
import { ApiError, call, errorMessage } from '../../../api'
import { acceptInvite, inviteCodeOf, shareTargetOf, type InviteOutcome } from '../../../utils/invite'
import { HOME_TAB_URL, MEMBER_TAB_URL } from '../links'
import './index.scss'

type Shown = { status: 'loading' } | { status: 'none' } | { status: 'network' } | { status: 'done'; outcome: InviteOutcome }

type Opening = { status: 'loading' } | { status: 'missing'; message: string } | { status: 'network' }

/**
 * Where a mini-program code lands: a poster's share target (scene `t.<code>`)
 * goes on to its page with the sharer; anything else is an invite.
 */
export default function LandingPage() {
  const { params } = useRouter()
  const query = params as Record<string, string | undefined>
  const target = shareTargetOf(query)
  return target ? <ShareTargetLanding scene={query.scene as string} /> : <InviteLanding code={inviteCodeOf(query)} />
}

/** A poster's code: growth.resolveShareScene answers the page (and counts the open), then this page gives way to it. */
function ShareTargetLanding({ scene }: { scene: string }) {
  const [shown, setShown] = useState<Opening>({ status: 'loading' })
  const open = () => {
    setShown({ status: 'loading' })
    void call('growth', 'resolveShareScene', { scene })
      .then(({ path }) => Taro.redirectTo({ url: path }))
      .catch((error: unknown) => setShown(error instanceof ApiError && !error.isNetwork ? { status: 'missing', message: errorMessage(error) } : { status: 'network' }))
  }
  useEffect(open, [scene])
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: '好友分享' }).catch(() => undefined)
  }, [])
  if (shown.status === 'missing') return <StateView state='empty' message={shown.message} actionText='去逛逛' onAction={() => void Taro.switchTab({ url: HOME_TAB_URL })} />
  if (shown.status === 'network') return <StateView state='error' message='网络不太好，页面还没有打开' onRetry={open} />
  return <StateView state='loading' message='正在打开好友分享的页面…' />
}

/**
 * Where an invite link or mini-program code lands: binds the invite for the
 * signed-in customer (growth.bindInvite, first touch wins) and shows what
 * happened, then leads to 开通会员 or the shop.
 */
function InviteLanding({ code }: { code: string | null }) {
  const [shown, setShown] = useState<Shown>(code ? { status: 'loading' } : { status: 'none' })

  const bind = () => {
    if (!code) return
    setShown({ status: 'loading' })
    void acceptInvite(code).then((outcome) => setShown(outcome ? { status: 'done', outcome } : { status: 'network' }))
  }
  useEffect(bind, [code])
  // The invite link is a share too: its opens count in the operators' 分享成交 (best effort).
  useEffect(() => {
    if (code) void call('growth', 'openShare', { sharer: code, kind: 'invite', targetId: code }).catch(() => undefined)
  }, [code])

  if (shown.status === 'loading') return <StateView state='loading' message='正在接受邀请…' />
  if (shown.status === 'none') return <StateView state='empty' message='邀请链接不完整，请让好友重新分享' actionText='去逛逛' onAction={() => void Taro.switchTab({ url: HOME_TAB_URL })} />
  if (shown.status === 'network') return <StateView state='error' message='网络不太好，邀请还没有接受' onRetry={bind} />

  const { outcome } = shown
  const bound = outcome.kind === 'bound'
  return (
    <View className='landing' data-testid='invite-landing'>
      <View className='landing__card'>
        <Text className='landing__badge'>{bound ? '礼' : '!'}</Text>
        <Text className='landing__title' data-testid='invite-landing-title'>
          {bound ? `你已接受 ${outcome.view.inviter} 的邀请` : outcome.message}
        </Text>
        <Text className='landing__note'>
          {bound ? '开通会员并完成首笔订单，你和好友都能获得奖励' : outcome.code === 'INVITE_ALREADY_BOUND' ? '每位顾客只能接受一位好友的邀请' : '欢迎随时来逛逛'}
        </Text>
        <View className='landing__actions'>
          {bound ? (
            <Button className='landing__button landing__button--primary' data-testid='invite-landing-join' onClick={() => void Taro.switchTab({ url: MEMBER_TAB_URL })}>
              开通会员领礼
            </Button>
          ) : null}
          <Button className='landing__button' onClick={() => void Taro.switchTab({ url: HOME_TAB_URL })}>
            去逛逛
          </Button>
        </View>
      </View>
    </View>
  )
}
