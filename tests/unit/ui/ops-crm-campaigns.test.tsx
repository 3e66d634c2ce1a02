/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import { formatDateTime } from '../../../src/components/ops-datetime/format'
import type { CampaignState } from '../../../src/core/contracts/crm'
import { DEFAULT_CRM_SETTINGS } from '../../../src/core/crm/settings'
import OpsCampaignPage from '../../../src/packages/ops/campaign'
import OpsCampaignFormPage from '../../../src/packages/ops/campaign-form'
import OpsCampaignsPage from '../../../src/packages/ops/campaigns'
import OpsCrmSettingsPage from '../../../src/packages/ops/crm-settings'
import OpsJourneyFormPage from '../../../src/packages/ops/journey-form'
import { createFakeTransport, fail, type FakeHandler } from '../../mocks/fake-transport'
import { setRouterParams } from '../../mocks/taro'
import { campaignView, mockCanvas, operatorWhoami } from './crm-fixtures'

// The shared component mock has no Picker (global `jest`, so swc hoists this above the imports).
jest.mock('@tarojs/components', () => {
  const actual = jest.requireActual<Record<string, unknown>>('../../mocks/taro-components')
  const { createElement } = jest.requireActual<typeof import('react')>('react')
  const Picker = ({ children }: { children: import('react').ReactNode }) => createElement('div', { 'data-taro': 'Picker' }, children)
  return { ...actual, Picker }
})

const TEMPLATE = { templateId: 'ct1', title: '满99减20', ruleLabel: '满99减20', status: 'ACTIVE', statusLabel: '进行中' }
const SEGMENTS = [{ segmentId: 'sg1', name: '高价值沉睡', filter: {}, count: 42, updatedAt: 0 }]

function setup(page: () => JSX.Element, more: Record<string, FakeHandler> = {}) {
  const fake = createFakeTransport({
    'system.whoami': operatorWhoami,
    'crm.segments': () => SEGMENTS,
    'crm.settings': () => ({ ...DEFAULT_CRM_SETTINGS, campaign: { ...DEFAULT_CRM_SETTINGS.campaign, defaultHoldoutPct: 15 } }),
    'coupon.listTemplates': () => ({ items: [TEMPLATE, { ...TEMPLATE, templateId: 'ct2', title: '停用券', status: 'INACTIVE' }], page: 0, hasMore: false }),
    'crm.createCampaign': () => ({ campaignId: 'cp9' }),
    'crm.campaign': () => campaignView(),
    ...more
  })
  setTransport(fake.transport)
  const Page = page
  render(<Page />)
  return fake
}

const type = (id: string, value: string) => fireEvent.change(document.querySelector(`#${id}`) as HTMLInputElement, { target: { value } })
const errorOf = (name: string) => screen.queryByTestId(`field-${name}-error`)?.textContent ?? null

beforeEach(() => {
  setRouterParams({})
  jest.mocked(Taro.showModal).mockImplementation(async () => ({ errMsg: 'ok', confirm: true, cancel: false }))
})
afterEach(() => {
  cleanup()
  jest.restoreAllMocks()
  jest.clearAllMocks()
})

describe('ops CRM: the campaign form (新建营销活动)', () => {
  test('validates, then submits the createCampaign payload with a requestId; a retry of the same draft reuses it', async () => {
    let failOnce = true
    const fake = setup(() => <OpsCampaignFormPage />, {
      'crm.createCampaign': () => {
        if (failOnce) {
          failOnce = false
          throw fail('NETWORK_ERROR', '网络不可用')
        }
        return { campaignId: 'cp9' }
      }
    })
    await screen.findByTestId('segment-sg1')
    // The default holdout comes from the CRM settings; the inactive template is not offered.
    await waitFor(() => expect((document.querySelector('#offer-holdout') as HTMLInputElement).value).toBe('15'))
    expect(screen.queryByTestId('template-ct2')).toBeNull()

    fireEvent.click(screen.getByTestId('campaign-submit'))
    expect(errorOf('name')).toBe('请填写活动名称')
    expect(errorOf('segmentId')).toBe('请选择分群')
    expect(errorOf('templateId')).toBe('请选择要发放的优惠券')
    expect(errorOf('note')).toBe('请填写消息内容')
    expect(fake.callsOf('crm', 'createCampaign')).toHaveLength(0)

    type('campaign-name', '沉睡客唤醒')
    fireEvent.click(screen.getByTestId('segment-sg1'))
    fireEvent.click(await screen.findByTestId('template-ct1'))
    type('offer-note', '送你一张满99减20券，快来用吧，有效期七天哦哦')
    type('offer-holdout', '60')
    fireEvent.click(screen.getByTestId('campaign-submit'))
    expect(errorOf('note')).toBe('消息内容最多 20 个字')
    expect(errorOf('holdoutPct')).toBe('请填写 0–50 之间的百分比')

    type('offer-note', '送你一张满99减20券')
    type('offer-holdout', '10')
    fireEvent.click(screen.getByTestId('start-later'))
    type('campaign-start', formatDateTime(Date.now() - 60_000))
    fireEvent.click(screen.getByTestId('campaign-submit'))
    expect(errorOf('startAt')).toContain('开始时间须晚于现在')
    const startAt = Date.now() + 86_400_000 - (Date.now() % 1000)
    type('campaign-start', formatDateTime(startAt))

    fireEvent.click(screen.getByTestId('campaign-submit'))
    await waitFor(() => expect(fake.callsOf('crm', 'createCampaign')).toHaveLength(1))
    // The network failed: the button comes back and the retry carries the same requestId.
    await waitFor(() => expect(screen.getByTestId('campaign-submit').hasAttribute('disabled')).toBe(false))
    fireEvent.click(screen.getByTestId('campaign-submit'))
    await waitFor(() => expect(fake.callsOf('crm', 'createCampaign')).toHaveLength(2))
    const [first, second] = fake.callsOf('crm', 'createCampaign').map((c) => c.data)
    expect(first).toEqual({
      name: '沉睡客唤醒',
      segmentId: 'sg1',
      incentive: { type: 'coupon', templateId: 'ct1' },
      message: { template: 'campaignNotice', note: '送你一张满99减20券', page: 'packages/mall/coupons/index' },
      holdoutPct: 10,
      startAt,
      requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/)
    })
    expect(second).toEqual(first)
    await waitFor(() => expect(jest.mocked(Taro.redirectTo)).toHaveBeenCalledWith({ url: '/packages/ops/campaign/index?id=cp9' }))
  })

  test('points and no message, starting now', async () => {
    setRouterParams({ segmentId: 'sg1' })
    const fake = setup(() => <OpsCampaignFormPage />)
    await screen.findByTestId('segment-sg1')
    type('campaign-name', '积分回馈')
    fireEvent.click(screen.getByTestId('incentive-points'))
    type('offer-points', '0')
    fireEvent.click(screen.getByTestId('message-no'))
    fireEvent.click(screen.getByTestId('campaign-submit'))
    expect(errorOf('points')).toBe('请填写 1–100000 的整数积分')
    type('offer-points', '200')
    const before = Date.now()
    fireEvent.click(screen.getByTestId('campaign-submit'))
    await waitFor(() => expect(fake.callsOf('crm', 'createCampaign')).toHaveLength(1))
    const data = fake.callsOf('crm', 'createCampaign')[0]!.data as Record<string, unknown>
    expect(data).toMatchObject({ name: '积分回馈', segmentId: 'sg1', incentive: { type: 'points', points: 200 }, message: null, holdoutPct: 15 })
    expect(data.startAt as number).toBeGreaterThanOrEqual(before)
  })
})

describe('ops CRM: the campaign page (活动效果)', () => {
  test('counts, the target vs holdout table, uplift with its 95% interval, the verdict and the daily chart', async () => {
    const drawn = mockCanvas()
    setRouterParams({ id: 'cp1' })
    setup(() => <OpsCampaignPage />)
    await screen.findByTestId('campaign-page')
    expect(within(screen.getByTestId('stat-skippedNoQuota')).getByText('270')).toBeTruthy()
    expect(within(screen.getByTestId('stat-skippedCap')).getByText('10')).toBeTruthy()
    expect(screen.getByTestId('campaign-verdict-text').textContent).toBe('显著提升')
    expect(screen.getByTestId('campaign-uplift-conversion').textContent).toBe('+10.0 个百分点（95% 置信区间 +4.0 个百分点 至 +16.0 个百分点）')
    expect(screen.getByTestId('campaign-uplift-gmv').textContent).toBe('+¥11.00（95% 置信区间 +¥3.00 至 +¥19.00）')
    expect(screen.getByTestId('campaign-row-rate').textContent).toBe('转化率20.0%10.0%')
    expect(screen.getByTestId('campaign-row-gmv').textContent).toBe('人均成交额¥20.00¥9.00')
    expect(screen.getByTestId('campaign-row-coupons').textContent).toBe('用券人数1500')
    await waitFor(() => expect(drawn).toContain('目标组'))
    expect(drawn).toContain('11/2')
  })

  test('before any delivery there is no verdict yet', async () => {
    mockCanvas()
    setRouterParams({ id: 'cp1' })
    const empty = campaignView()
    const zero = { ...empty.results.target, members: 0, converted: 0, gmvFen: 0, conversionRate: 0, gmvPerMemberFen: 0, couponsRedeemed: 0 }
    setup(() => <OpsCampaignPage />, { 'crm.campaign': () => ({ ...empty, state: 'SCHEDULED', results: { ...empty.results, target: zero, holdout: zero, verdict: '无显著差异', daily: [] } }) })
    expect((await screen.findByTestId('campaign-verdict-text')).textContent).toBe('待发放')
    expect(screen.getByText('开始发放后按天显示')).toBeTruthy()
  })

  test.each<[CampaignState, string[]]>([
    ['SCHEDULED', ['campaign-pause', 'campaign-cancel']],
    ['RUNNING', ['campaign-pause', 'campaign-cancel']],
    ['PAUSED', ['campaign-resume', 'campaign-cancel']],
    ['DELIVERED', []],
    ['CANCELLED', []]
  ])('%s shows %j', async (state, buttons) => {
    mockCanvas()
    setRouterParams({ id: 'cp1' })
    setup(() => <OpsCampaignPage />, { 'crm.campaign': () => campaignView({ state }) })
    await screen.findByTestId('campaign-page')
    const shown = ['campaign-pause', 'campaign-resume', 'campaign-cancel'].filter((id) => screen.queryByTestId(id))
    expect(shown).toEqual(buttons)
  })

  test('暂停 then 继续 call the actions; 取消 asks first and does nothing when declined', async () => {
    mockCanvas()
    setRouterParams({ id: 'cp1' })
    const fake = setup(() => <OpsCampaignPage />, {
      'crm.pauseCampaign': () => campaignView({ state: 'PAUSED' }),
      'crm.resumeCampaign': () => campaignView({ state: 'RUNNING' }),
      'crm.cancelCampaign': () => campaignView({ state: 'CANCELLED' })
    })
    fireEvent.click(await screen.findByTestId('campaign-pause'))
    await waitFor(() => expect(screen.getByTestId('campaign-state').textContent).toBe('已暂停'))
    expect(fake.callsOf('crm', 'pauseCampaign')[0]!.data).toEqual({ campaignId: 'cp1' })
    expect(jest.mocked(Taro.showModal)).not.toHaveBeenCalled()
    fireEvent.click(screen.getByTestId('campaign-resume'))
    await waitFor(() => expect(screen.getByTestId('campaign-state').textContent).toBe('发放中'))

    jest.mocked(Taro.showModal).mockImplementationOnce(async () => ({ errMsg: 'ok', confirm: false, cancel: true }))
    fireEvent.click(screen.getByTestId('campaign-cancel'))
    await waitFor(() => expect(jest.mocked(Taro.showModal)).toHaveBeenCalledTimes(1))
    expect(fake.callsOf('crm', 'cancelCampaign')).toHaveLength(0)
    fireEvent.click(screen.getByTestId('campaign-cancel'))
    await waitFor(() => expect(screen.getByTestId('campaign-state').textContent).toBe('已取消'))
    expect(fake.callsOf('crm', 'cancelCampaign')).toHaveLength(1)
    expect(screen.queryByTestId('campaign-pause')).toBeNull()
  })
})

describe('ops CRM: campaigns list and journeys', () => {
  test('the list per tab with state, members and verdict', async () => {
    const item = (campaignId: string, kind: 'campaign' | 'journey') => ({
      campaignId,
      kind,
      name: kind === 'journey' ? '休眠唤醒' : '双十一',
      state: 'RUNNING',
      startAt: Date.UTC(2026, 10, 1),
      members: 100,
      converted: { target: 20, holdout: 1 },
      verdict: '无显著差异',
      trigger: kind === 'journey' ? { type: 'lifecycle', stage: '休眠期' } : null
    })
    const fake = setup(() => <OpsCampaignsPage />, { 'crm.campaigns': ({ kind }: { kind: 'campaign' | 'journey' }) => [item(kind === 'journey' ? 'j1' : 'c1', kind)] })
    expect((await screen.findByTestId('campaign-verdict-c1')).textContent).toBe('无显著差异')
    fireEvent.click(screen.getByTestId('campaigns-tab-journey'))
    expect(await screen.findByText('触发：进入休眠期')).toBeTruthy()
    expect(fake.callsOf('crm', 'campaigns').map((c) => c.data)).toEqual([{ kind: 'campaign' }, { kind: 'journey' }])
    fireEvent.click(screen.getByTestId('campaign-j1'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenLastCalledWith({ url: '/packages/ops/campaign/index?id=j1' })
  })

  test('the journey form saves the trigger, incentive, message, holdout and switch', async () => {
    const fake = setup(() => <OpsJourneyFormPage />, { 'crm.saveJourney': () => ({ campaignId: 'j9' }) })
    await screen.findByTestId('journey-save')
    type('journey-name', '首单未复购')
    fireEvent.click(screen.getByTestId('trigger-noSecondOrder'))
    type('journey-days', '400')
    fireEvent.click(screen.getByTestId('incentive-none'))
    type('offer-note', '好久不见，来看看新品')
    fireEvent.click(screen.getByTestId('journey-save'))
    expect(errorOf('days')).toBe('请填写 1–365 天')
    type('journey-days', '30')
    fireEvent.click(screen.getByTestId('active-off'))
    fireEvent.click(screen.getByTestId('journey-save'))
    await waitFor(() => expect(fake.callsOf('crm', 'saveJourney')).toHaveLength(1))
    expect(fake.callsOf('crm', 'saveJourney')[0]!.data).toEqual({
      name: '首单未复购',
      trigger: { type: 'noSecondOrder', days: 30 },
      incentive: { type: 'none' },
      message: { template: 'campaignNotice', note: '好久不见，来看看新品', page: 'packages/mall/coupons/index' },
      holdoutPct: 10,
      active: false
    })
  })
})

describe('ops CRM: 会员设置', () => {
  test('shows the saved settings and defaults; refuses non-increasing thresholds; saves spend in fen', async () => {
    const fake = setup(() => <OpsCrmSettingsPage />, { 'crm.saveSettings': ({ settings }: { settings: unknown }) => settings })
    await screen.findByTestId('crm-settings-rfm')
    expect((document.querySelector('#crm-spend-1') as HTMLInputElement).value).toBe('300')
    expect(screen.getByTestId('field-crm-spend').textContent).toContain('默认 100 / 300 / 800 / 2000 元')
    type('crm-recencyDays-2', '50')
    fireEvent.click(screen.getByTestId('crm-settings-save'))
    expect(errorOf('crm-recencyDays')).toBe('阈值须严格递增')
    type('crm-recencyDays-2', '90')
    type('crm-lostDays', '60')
    fireEvent.click(screen.getByTestId('crm-settings-save'))
    expect(errorOf('crm-lostDays')).toBe('休眠天数须小于流失天数')
    type('crm-lostDays', '200')
    type('crm-spend-3', '2500')
    fireEvent.click(screen.getByTestId('crm-settings-save'))
    await waitFor(() => expect(fake.callsOf('crm', 'saveSettings')).toHaveLength(1))
    expect(fake.callsOf('crm', 'saveSettings')[0]!.data).toEqual({
      settings: {
        ...DEFAULT_CRM_SETTINGS,
        rfm: { ...DEFAULT_CRM_SETTINGS.rfm, spendFen: [10_000, 30_000, 80_000, 250_000] },
        lifecycle: { ...DEFAULT_CRM_SETTINGS.lifecycle, lostDays: 200 },
        campaign: { ...DEFAULT_CRM_SETTINGS.campaign, defaultHoldoutPct: 15 }
      }
    })
  })
})
