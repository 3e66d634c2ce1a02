// Fixtures of the crm function's answers for the CRM page tests.
import { jest } from '@jest/globals'
import type { CampaignView, MemberListItem, TagView } from '../../../src/core/contracts/crm'

export function memberItem(openid: string, extra: Partial<MemberListItem> = {}): MemberListItem {
  return {
    openid,
    nickname: `会员${openid}`,
    tier: '银卡',
    tierId: 'silver',
    rfm: { r: 4, f: 3, m: 3, class: '重要价值' },
    lifecycle: '成熟期',
    tags: ['茶饮控'],
    stats: { paidOrders: 5, paidFen: 56_000, lastPaidAt: Date.UTC(2026, 10, 20) },
    phone: '138****0000',
    channel: 'direct',
    ...extra
  }
}

export const TAGS: TagView[] = [
  { name: '茶饮控', kind: 'manual', rule: null, count: 12 },
  { name: '高客单', kind: 'rule', rule: { aovFen: { min: 20_000 } }, count: 30 }
]

export const TIERS_CARD = {
  joined: false,
  tiers: [
    { id: 'normal', name: '普通', minGrowth: 0, discountBps: 0, pointsMultiplier: 1, benefits: [] },
    { id: 'silver', name: '银卡', minGrowth: 500, discountBps: 200, pointsMultiplier: 1.2, benefits: [] },
    { id: 'gold', name: '金卡', minGrowth: 2000, discountBps: 500, pointsMultiplier: 1.5, benefits: [] }
  ],
  joinGift: { points: 0, couponTemplateId: null }
}

export const operatorWhoami = () => ({ openid: 'demo-operator', roles: ['customer', 'operator'], staffStoreIds: [] })

export function campaignView(extra: Partial<CampaignView> = {}): CampaignView {
  const arm = (members: number, converted: number, gmvFen: number, couponsRedeemed: number) => ({
    members,
    converted,
    gmvFen,
    conversionRate: converted / members,
    gmvPerMemberFen: gmvFen / members,
    couponsRedeemed
  })
  return {
    campaignId: 'cp1',
    kind: 'campaign',
    name: '沉睡客唤醒',
    state: 'RUNNING',
    segmentId: 'sg1',
    segmentName: '高价值沉睡',
    trigger: null,
    incentive: { type: 'coupon', templateId: 'ct1' },
    message: { template: 'campaignNotice', note: '送你一张券', page: 'packages/mall/coupons/index' },
    holdoutPct: 10,
    startAt: Date.UTC(2026, 10, 1),
    deliveredAt: null,
    members: 1000,
    target: 900,
    holdout: 100,
    granted: 880,
    grantSkipped: 20,
    messaged: 600,
    skippedNoQuota: 270,
    skippedCap: 10,
    results: {
      target: arm(900, 180, 1_800_000, 150),
      holdout: arm(100, 10, 90_000, 0),
      uplift: { conversion: 0.1, gmvPerMemberFen: 1100 },
      ci95: { conversion: [0.04, 0.16], gmvPerMemberFen: [300, 1900] },
      verdict: '显著提升',
      windowDays: 14,
      daily: [
        { day: '2026-11-01', target: { converted: 60, gmvFen: 600_000 }, holdout: { converted: 3, gmvFen: 30_000 } },
        { day: '2026-11-02', target: { converted: 180, gmvFen: 1_800_000 }, holdout: { converted: 10, gmvFen: 90_000 } }
      ]
    },
    createdAt: Date.UTC(2026, 9, 30),
    ...extra
  }
}

/** A Canvas 2D context that records what uCharts draws (as the dashboard test). */
export function mockCanvas() {
  const drawn: string[] = []
  const context = new Proxy({} as Record<string | symbol, unknown>, {
    get(target, prop) {
      if (prop in target) return target[prop]
      if (prop === 'measureText') return (text: string) => ({ width: String(text).length * 6 })
      if (prop === 'fillText') return (text: string) => drawn.push(String(text))
      if (typeof prop === 'string' && prop.startsWith('set')) return undefined
      return () => undefined
    },
    set(target, prop, value) {
      target[prop] = value
      return true
    }
  })
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation((() => context) as never)
  return drawn
}
