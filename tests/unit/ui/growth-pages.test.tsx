/** @jest-environment jsdom */
import { afterEach, describe, expect, test } from '@jest/globals'
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import { defaultTransport } from '../../../src/api/transport'
import type { InvitesView } from '../../../src/core/contracts/growth'
import InvitePage from '../../../src/packages/growth/invite'
import InviteLandingPage from '../../../src/packages/growth/landing'
import { createFakeTransport, fail } from '../../mocks/fake-transport'
import { setRouterParams } from '../../mocks/taro'

const RULES: InvitesView['rules'] = { inviter: { points: 200, coupon: null }, invitee: { points: 100, coupon: '满50减5' }, rewardDelayDays: 7, dailyCapPerInviter: 10, enabled: true }

describe('邀请有礼 and the invite landing page', () => {
  afterEach(() => {
    cleanup()
    setTransport(defaultTransport)
  })

  test('a member sees the rules, their code and each friend masked with the reward state', async () => {
    const invites: InvitesView = {
      items: [
        {
          invitee: '王**',
          state: 'rewarded',
          stateLabel: '奖励已发放',
          boundAt: Date.parse('2026-05-01T02:00:00Z'),
          rewardedAt: Date.parse('2026-05-03T02:00:00Z'),
          rewards: {
            inviter: { state: 'capped', stateLabel: '超出当日上限', points: 0, coupon: null },
            invitee: { state: 'given', stateLabel: '已发放', points: 100, coupon: '满50减5' },
          },
        },
      ],
      totals: { invited: 1, ordered: 1, rewarded: 1, points: 0, coupons: 0 },
      rules: RULES,
    }
    setTransport(
      createFakeTransport({
        'growth.inviteCode': () => ({ code: 'ABCD1234', path: '/packages/growth/landing/index?invite=ABCD1234', wxacodeUrl: null, wxacodeFileId: null }),
        'growth.invites': () => invites,
      }).transport,
    )
    render(<InvitePage />)
    expect(await screen.findByText('ABCD1234')).toBeTruthy()
    expect(screen.getByTestId('invite-rule-inviter').textContent).toBe('200 积分')
    expect(screen.getByTestId('invite-rule-invitee').textContent).toBe('100 积分 + 满50减5')
    const row = screen.getByTestId('invite-row').textContent ?? ''
    expect(row).toContain('王**')
    expect(row).toContain('超出当日上限')
    expect(screen.getByText(/每人每天最多获得 10 次邀请奖励/)).toBeTruthy()
  })

  test('a customer who has not joined is asked to join first', async () => {
    setTransport(
      createFakeTransport({
        'growth.inviteCode': () => {
          throw fail('NOT_A_MEMBER', '请先开通会员卡')
        },
        'growth.invites': () => ({ items: [], totals: { invited: 0, ordered: 0, rewarded: 0, points: 0, coupons: 0 }, rules: RULES }),
      }).transport,
    )
    render(<InvitePage />)
    expect(await screen.findByText('开通会员后即可邀请好友，双方都有礼')).toBeTruthy()
    screen.getByText('去开通会员').click()
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/member/index' })
  })

  test('the landing page binds the code and says whose invite it was, or why not', async () => {
    const fake = createFakeTransport({
      'growth.bindInvite': () => ({ bound: true, inviter: '张**', boundNow: true }),
      'growth.openShare': () => ({ recorded: true }),
    })
    setTransport(fake.transport)
    setRouterParams({ scene: 'ABCD1234' })
    render(<InviteLandingPage />)
    expect(await screen.findByText('你已接受 张** 的邀请')).toBeTruthy()
    expect(fake.callsOf('growth', 'bindInvite').map((c) => c.data)).toEqual([{ code: 'ABCD1234' }])
    expect(fake.callsOf('growth', 'openShare').map((c) => c.data)).toEqual([{ sharer: 'ABCD1234', kind: 'invite', targetId: 'ABCD1234' }])
    cleanup()

    setTransport(
      createFakeTransport({
        'growth.bindInvite': () => {
          throw fail('INVITE_ALREADY_MEMBER', '你已经是会员了，邀请仅对新朋友有效')
        },
      }).transport,
    )
    setRouterParams({ invite: 'ZZZZ1111' })
    render(<InviteLandingPage />)
    await waitFor(() => expect(screen.getByTestId('invite-landing-title').textContent).toBe('你已经是会员了，邀请仅对新朋友有效'))
    expect(screen.queryByTestId('invite-landing-join')).toBeNull()
  })

  test('a poster’s mini-program code (scene t.<code>) goes on to its page with the sharer, binding no invite', async () => {
    const fake = createFakeTransport({
      'growth.resolveShareScene': () => ({ path: '/pages/product/index?id=p1&sharer=ABCD1234' }),
    })
    setTransport(fake.transport)
    setRouterParams({ scene: encodeURIComponent('t.ABCDEFGHJKMN') })
    render(<InviteLandingPage />)
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/product/index?id=p1&sharer=ABCD1234' }))
    expect(fake.callsOf('growth', 'resolveShareScene').map((c) => c.data)).toEqual([{ scene: encodeURIComponent('t.ABCDEFGHJKMN') }])
    expect(fake.callsOf('growth', 'bindInvite')).toEqual([])
    cleanup()

    setTransport(
      createFakeTransport({
        'growth.resolveShareScene': () => {
          throw fail('SHARE_SCENE_NOT_FOUND', '分享码无效或已失效，请让好友重新分享')
        },
      }).transport,
    )
    setRouterParams({ scene: 't.ABCDEFGHJKMN' })
    render(<InviteLandingPage />)
    expect(await screen.findByText('分享码无效或已失效，请让好友重新分享')).toBeTruthy()
  })
})
