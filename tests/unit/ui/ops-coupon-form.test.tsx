/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import { formatDateTime } from '../../../src/components/ops-datetime/format'
import type { OpsTemplateView } from '../../../src/core/contracts/coupon'
import OpsCouponFormPage from '../../../src/packages/ops/coupon-form'
import { parseZhe } from '../../../src/packages/ops/coupon-form/form'
import OpsCouponGrantPage from '../../../src/packages/ops/coupon-grant'
import OpsCouponsPage from '../../../src/packages/ops/coupons'
import { createFakeTransport, fail, type FakeHandler } from '../../mocks/fake-transport'
import { setRouterParams } from '../../mocks/taro'

// The shared component mock has no Picker (global `jest`, so swc hoists this above the imports).
jest.mock('@tarojs/components', () => {
  const actual = jest.requireActual<Record<string, unknown>>('../../mocks/taro-components')
  const { createElement } = jest.requireActual<typeof import('react')>('react')
  const Picker = ({ children }: { children: import('react').ReactNode }) => createElement('div', { 'data-taro': 'Picker' }, children)
  return { ...actual, Picker }
})

const TEMPLATE: OpsTemplateView = {
  templateId: 'ct-1',
  title: '满99减10',
  description: '',
  kind: 'amount',
  rule: { kind: 'amount', amountOff: 1000, threshold: 9900 },
  ruleLabel: '满99减10',
  scopeLabel: '全场通用',
  validity: { type: 'relative', days: 30 },
  validityLabel: '领取后30天内有效',
  totalQuantity: 100,
  issued: 12,
  claimed: 10,
  granted: 2,
  remaining: 88,
  perMemberLimit: 1,
  claimable: true,
  inStoreOnly: false,
  status: 'ACTIVE',
  statusLabel: '进行中',
  createdAt: 0,
  updatedAt: 0
}

function setup(page: () => JSX.Element, more: Record<string, FakeHandler> = {}, roles = ['customer', 'operator']) {
  const fake = createFakeTransport({
    'system.ping': () => ({ pong: true, now: Date.now() }),
    'system.whoami': () => ({ openid: 'demo-operator', roles, staffStoreIds: [] }),
    'coupon.saveTemplate': () => ({ templateId: 'ct-new' }),
    'coupon.getTemplate': () => TEMPLATE,
    ...more
  })
  setTransport(fake.transport)
  const Page = page
  const view = render(<Page />)
  return { fake, view }
}

const field = (container: HTMLElement, id: string) => container.querySelector(`#${id}`) as HTMLInputElement
const type = (container: HTMLElement, id: string, value: string) => fireEvent.change(field(container, id), { target: { value } })
const errorOf = (name: string) => screen.queryByTestId(`field-${name}-error`)?.textContent ?? null
const previewRule = () => screen.getByTestId('coupon-preview-rule').textContent

beforeEach(() => {
  setRouterParams({})
  jest.mocked(Taro.showModal).mockImplementation(async () => ({ errMsg: 'ok', confirm: true, cancel: false }))
})
afterEach(() => {
  cleanup()
  jest.clearAllMocks()
})

describe('ops: coupon form', () => {
  test('a customer gets 无权限', async () => {
    const { fake } = setup(() => <OpsCouponFormPage />, {}, ['customer'])
    await screen.findByTestId('ops-no-access')
    expect(fake.callsOf('coupon', 'saveTemplate')).toHaveLength(0)
  })

  test('the type switch changes the fields and the preview follows what is typed', async () => {
    const { view } = setup(() => <OpsCouponFormPage />)
    await screen.findByTestId('coupon-submit')
    const c = view.container
    expect(previewRule()).toBe('填写金额后显示')
    type(c, 'coupon-threshold', '99')
    type(c, 'coupon-amountOff', '10')
    expect(previewRule()).toBe('满99减10')
    type(c, 'coupon-threshold', '')
    expect(previewRule()).toBe('无门槛减10')

    fireEvent.click(screen.getByTestId('coupon-kind-percent'))
    expect(field(c, 'coupon-amountOff')).toBeNull()
    type(c, 'coupon-zhe', '8.5')
    type(c, 'coupon-maxOff', '20')
    expect(previewRule()).toBe('8.5折 最高减20')

    fireEvent.click(screen.getByTestId('coupon-kind-freeItem'))
    expect(screen.getByTestId('field-skuId')).toBeTruthy()
    expect(screen.queryByTestId('field-productIds')).toBeNull()
  })

  test('checks the rules before sending: percent range, cap, amount below threshold, dates', async () => {
    const { fake, view } = setup(() => <OpsCouponFormPage />)
    await screen.findByTestId('coupon-submit')
    const c = view.container
    fireEvent.click(screen.getByTestId('coupon-submit'))
    await waitFor(() => expect(errorOf('title')).toBe('请填写优惠券名称'))
    expect(errorOf('amountOff')).toBe('请填写减免金额（元）')

    type(c, 'coupon-title', '满50减50')
    type(c, 'coupon-threshold', '50')
    type(c, 'coupon-amountOff', '50')
    type(c, 'coupon-perMemberLimit', '0')
    fireEvent.click(screen.getByTestId('coupon-submit'))
    await waitFor(() => expect(errorOf('amountOff')).toBe('减免金额须低于使用门槛 50 元'))
    expect(errorOf('perMemberLimit')).toBe('每人限领须为 1–100 张')

    fireEvent.click(screen.getByTestId('coupon-kind-percent'))
    type(c, 'coupon-zhe', '9.95')
    fireEvent.click(screen.getByTestId('coupon-submit'))
    await waitFor(() => expect(errorOf('zhe')).toBe('折扣须在 1%–99% 之间（即 9.9 折到 0.1 折）'))
    expect(errorOf('maxOff')).toBe('请填写最高减免金额（元）')

    fireEvent.click(screen.getByTestId('coupon-validity-absolute'))
    type(c, 'coupon-from', formatDateTime(Date.now() - 3 * 86_400_000))
    type(c, 'coupon-until', formatDateTime(Date.now() - 86_400_000))
    fireEvent.click(screen.getByTestId('coupon-submit'))
    await waitFor(() => expect(errorOf('until')).toBe('结束时间须晚于当前时间'))
    expect(fake.callsOf('coupon', 'saveTemplate')).toHaveLength(0)
  })

  test('a valid form saves once, in fen and basis points', async () => {
    const { fake, view } = setup(() => <OpsCouponFormPage />)
    await screen.findByTestId('coupon-submit')
    const c = view.container
    fireEvent.click(screen.getByTestId('coupon-kind-percent'))
    type(c, 'coupon-title', '会员85折')
    type(c, 'coupon-zhe', '8.5')
    type(c, 'coupon-maxOff', '20')
    type(c, 'coupon-totalQuantity', '500')
    type(c, 'coupon-perMemberLimit', '2')
    fireEvent.click(screen.getByTestId('coupon-claimable-no'))
    fireEvent.click(screen.getByTestId('coupon-submit'))
    await waitFor(() => expect(fake.callsOf('coupon', 'saveTemplate')).toHaveLength(1))
    expect(fake.callsOf('coupon', 'saveTemplate')[0].data).toEqual({
      title: '会员85折',
      description: '',
      rule: { kind: 'percent', offBps: 1500, maxOff: 2000, threshold: 0 },
      validity: { type: 'relative', days: 30 },
      totalQuantity: 500,
      perMemberLimit: 2,
      claimable: false,
      inStoreOnly: false
    })
    await waitFor(() => expect(jest.mocked(Taro.navigateBack)).toHaveBeenCalled())
  })

  test('editing loads the template; the server refusal shows on its field', async () => {
    setRouterParams({ id: 'ct-1' })
    const { fake, view } = setup(() => <OpsCouponFormPage />, {
      'coupon.saveTemplate': () => {
        throw fail('COUPON_QUANTITY_BELOW_ISSUED', '发放总量不能少于已发出的 12 张', {
          issues: [{ field: 'totalQuantity', code: 'COUPON_QUANTITY_BELOW_ISSUED', message: '发放总量不能少于已发出的 12 张' }]
        })
      }
    })
    await screen.findByTestId('coupon-submit')
    expect(field(view.container, 'coupon-title').value).toBe('满99减10')
    expect(previewRule()).toBe('满99减10')
    // The form's own check knows what was issued.
    type(view.container, 'coupon-totalQuantity', '5')
    fireEvent.click(screen.getByTestId('coupon-submit'))
    await waitFor(() => expect(errorOf('totalQuantity')).toBe('发放总量不能少于已发出的 12 张'))
    expect(fake.callsOf('coupon', 'saveTemplate')).toHaveLength(0)
    type(view.container, 'coupon-totalQuantity', '12')
    fireEvent.click(screen.getByTestId('coupon-submit'))
    await waitFor(() => expect(fake.callsOf('coupon', 'saveTemplate')).toHaveLength(1))
    expect(fake.callsOf('coupon', 'saveTemplate')[0].data).toMatchObject({ templateId: 'ct-1', totalQuantity: 12 })
  })

  test('折 numbers parse exactly', () => {
    expect(parseZhe('8.5')).toBe(1500)
    expect(parseZhe('9.9')).toBe(100)
    expect(parseZhe('0.1')).toBe(9900)
    expect(parseZhe('10')).toBeNull()
  })
})

describe('ops: coupon list and grant', () => {
  test('lists templates with status and counts; 停用 asks, then stops', async () => {
    const { fake } = setup(() => <OpsCouponsPage />, {
      'coupon.listTemplates': () => ({ items: [TEMPLATE, { ...TEMPLATE, templateId: 'ct-2', title: '旧券', status: 'INACTIVE', statusLabel: '已停用' }], page: 0, hasMore: false }),
      'coupon.setTemplateStatus': (input) => ({ ...TEMPLATE, status: (input as any).status, statusLabel: '已停用' })
    })
    await screen.findByTestId('coupon-template-ct-1')
    expect(screen.getByTestId('coupon-counts-ct-1').textContent).toContain('已发 12（领取 10 · 发放 2）')
    expect(screen.getByText('已停用')).toBeTruthy()
    expect(screen.getByTestId('coupon-toggle-ct-2').textContent).toBe('启用')
    expect(screen.queryByTestId('coupon-grant-ct-2')).toBeNull()
    fireEvent.click(screen.getByTestId('coupon-grant-ct-1'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenCalledWith({ url: '/packages/ops/coupon-grant/index?id=ct-1' })
    fireEvent.click(screen.getByTestId('coupon-toggle-ct-1'))
    await waitFor(() => expect(fake.callsOf('coupon', 'setTemplateStatus').map((c) => c.data)).toEqual([{ templateId: 'ct-1', status: 'INACTIVE' }]))
    await waitFor(() => expect(screen.getByTestId('coupon-toggle-ct-1').textContent).toBe('启用'))
  })

  test('grant: picks members by search, confirms the count, and shows who was skipped by name', async () => {
    setRouterParams({ id: 'ct-1' })
    const { fake, view } = setup(() => <OpsCouponGrantPage />, {
      'member.searchMembers': () => ({
        items: [
          { openid: 'o-1', nickname: '小思', phone: '138****0001', tierName: '银卡' },
          { openid: 'o-2', nickname: '小明', phone: null, tierName: '普通会员' }
        ],
        page: 0,
        hasMore: false
      }),
      'coupon.grant': () => ({ granted: 1, skipped: [{ openid: 'o-2', reason: 'COUPON_CLAIM_LIMIT' }] })
    })
    await screen.findByTestId('grant-submit')
    type(view.container, 'grant-query', '小')
    fireEvent.click(screen.getByTestId('grant-search'))
    await screen.findByTestId('grant-member-o-1')
    expect(screen.getByText('138****0001 · 银卡')).toBeTruthy()
    fireEvent.click(screen.getByTestId('grant-member-o-1'))
    fireEvent.click(screen.getByTestId('grant-member-o-2'))
    expect(screen.getByTestId('grant-submit').textContent).toBe('发放给 2 人')
    fireEvent.click(screen.getByTestId('grant-submit'))
    await screen.findByTestId('grant-result')
    expect(jest.mocked(Taro.showModal)).toHaveBeenCalledWith(expect.objectContaining({ content: '将向 2 位会员发放「满99减10」，每人 1 张。' }))
    const call = fake.callsOf('coupon', 'grant')[0].data as any
    expect(call).toMatchObject({ templateId: 'ct-1', openids: ['o-1', 'o-2'] })
    expect(call.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(screen.getByText('成功 1 人，未发放 1 人')).toBeTruthy()
    expect(screen.getByText('小明：已达每人限领')).toBeTruthy()
    expect(view.container.textContent).not.toContain('o-2')
  })
})
