/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import type { MemberCharts, SegmentView } from '../../../src/core/contracts/crm'
import OpsSegmentFormPage from '../../../src/packages/ops/segment-form'
import OpsSegmentsPage from '../../../src/packages/ops/segments'
import OpsTagsPage from '../../../src/packages/ops/tags'
import { createFakeTransport, type FakeHandler } from '../../mocks/fake-transport'
import { setRouterParams } from '../../mocks/taro'
import { memberItem, mockCanvas, operatorWhoami, TAGS, TIERS_CARD } from './crm-fixtures'

const SEGMENT: SegmentView = { segmentId: 'sg1', name: '高价值沉睡', filter: { rfmClasses: ['重要挽留'], lifecycles: ['休眠期'] }, count: 42, updatedAt: Date.UTC(2026, 10, 1) }
const CHARTS: MemberCharts = {
  total: 300,
  rfm: [
    { class: '重要价值', count: 40 },
    { class: '重要挽留', count: 60 },
    { class: '未消费', count: 20 }
  ],
  lifecycle: [
    { stage: '导入期', count: 50 },
    { stage: '成长期', count: 80 },
    { stage: '成熟期', count: 70 },
    { stage: '休眠期', count: 60 },
    { stage: '流失期', count: 40 }
  ],
  lifecycleHistory: [
    { day: '2026-11-29', counts: { 导入期: 50, 成长期: 80, 成熟期: 70, 休眠期: 60, 流失期: 40 } },
    { day: '2026-11-30', counts: { 导入期: 52, 成长期: 78, 成熟期: 71, 休眠期: 59, 流失期: 40 } }
  ],
  cohorts: [
    { month: '2026-09', members: 100, repeaters: 30, repeatRate: 0.3 },
    { month: '2026-10', members: 80, repeaters: 20, repeatRate: 0.25 }
  ]
}

function setup(page: () => JSX.Element, more: Record<string, FakeHandler> = {}) {
  const fake = createFakeTransport({
    'system.whoami': operatorWhoami,
    'member.card': () => TIERS_CARD,
    'crm.tags': () => TAGS,
    'crm.segments': () => [SEGMENT],
    'crm.segment': () => ({ ...SEGMENT, sample: [] }),
    'crm.charts': () => CHARTS,
    'crm.previewSegment': ({ filter }: { filter: { lifecycles?: string[] } }) => ({
      count: filter.lifecycles?.includes('流失期') ? 7 : 42,
      sample: [memberItem('o1'), memberItem('o2')]
    }),
    'crm.saveSegment': () => ({ segmentId: 'sg9', count: 7 }),
    ...more
  })
  setTransport(fake.transport)
  const Page = page
  render(<Page />)
  return fake
}

const type = (id: string, value: string) => fireEvent.change(document.querySelector(`#${id}`) as HTMLInputElement, { target: { value } })

beforeEach(() => setRouterParams({}))
afterEach(() => {
  cleanup()
  jest.restoreAllMocks()
  jest.clearAllMocks()
})

describe('ops CRM: segments (分群)', () => {
  test('the list with counts and the three charts drawn from crm.charts', async () => {
    const drawn = mockCanvas()
    setup(() => <OpsSegmentsPage />)
    expect((await screen.findByTestId('segment-count-sg1')).textContent).toBe('42 人')
    expect(within(screen.getByTestId('segment-sg1')).getByText('重要挽留 · 休眠期')).toBeTruthy()
    await screen.findByTestId('segment-charts')
    await waitFor(() => expect(drawn).toContain('重要挽留'))
    await waitFor(() => expect(drawn).toContain('休眠期'))
    await waitFor(() => expect(drawn).toContain('26/9'))
    expect(screen.queryByText('图表暂时无法显示')).toBeNull()
  })

  test('批量打标签 repeats crm.tagSegment with the returned cursor until done, showing progress', async () => {
    mockCanvas()
    const chunks = [
      { tagged: 20, done: false, cursor: 'k1' },
      { tagged: 20, done: false, cursor: 'k2' },
      { tagged: 2, done: true, cursor: null }
    ]
    const fake = setup(() => <OpsSegmentsPage />, { 'crm.tagSegment': () => chunks.shift() })
    fireEvent.click(await screen.findByTestId('segment-tag-sg1'))
    const sheet = await screen.findByTestId('segment-tag-sheet')
    type('segment-tag-name', '春季活动')
    fireEvent.click(within(sheet).getByTestId('segment-tag-start'))
    await waitFor(() => expect(within(sheet).getByTestId('segment-tag-progress').textContent).toContain('共 42 位会员加上了「春季活动」'))
    expect(fake.callsOf('crm', 'tagSegment').map((c) => c.data)).toEqual([
      { segmentId: 'sg1', tag: '春季活动', cursor: null },
      { segmentId: 'sg1', tag: '春季活动', cursor: 'k1' },
      { segmentId: 'sg1', tag: '春季活动', cursor: 'k2' }
    ])
  })

  test('the segment form: a filter from the member list, a debounced live count and sample, then crm.saveSegment', async () => {
    setRouterParams({ filter: encodeURIComponent(JSON.stringify({ lifecycles: ['休眠期'] })) })
    const fake = setup(() => <OpsSegmentFormPage />)
    await waitFor(() => expect(screen.getByTestId('segment-preview-count').textContent).toBe('42 人'))
    expect(fake.callsOf('crm', 'previewSegment')[0]!.data).toEqual({ filter: { lifecycles: ['休眠期'] } })
    expect(screen.getByTestId('segment-preview-sample')).toBeTruthy()

    // Quick changes make one preview call, for the last filter.
    fireEvent.click(screen.getByTestId('filter-stage-流失期'))
    fireEvent.click(screen.getByTestId('filter-rfm-重要挽留'))
    await waitFor(() => expect(screen.getByTestId('segment-preview-count').textContent).toBe('7 人'))
    expect(fake.callsOf('crm', 'previewSegment')).toHaveLength(2)
    expect(fake.callsOf('crm', 'previewSegment')[1]!.data).toEqual({ filter: { lifecycles: ['休眠期', '流失期'], rfmClasses: ['重要挽留'] } })

    fireEvent.click(screen.getByTestId('segment-save'))
    expect(screen.getByTestId('field-segment-name-error').textContent).toBe('请填写分群名称')
    expect(fake.callsOf('crm', 'saveSegment')).toHaveLength(0)
    type('segment-name', '沉睡与流失')
    fireEvent.click(screen.getByTestId('segment-save'))
    await waitFor(() => expect(fake.callsOf('crm', 'saveSegment')).toHaveLength(1))
    expect(fake.callsOf('crm', 'saveSegment')[0]!.data).toEqual({ name: '沉睡与流失', filter: { lifecycles: ['休眠期', '流失期'], rfmClasses: ['重要挽留'] } })
    await waitFor(() => expect(jest.mocked(Taro.navigateBack)).toHaveBeenCalled())
  })

  test('editing a segment loads it and saves with its id', async () => {
    setRouterParams({ id: 'sg1' })
    const fake = setup(() => <OpsSegmentFormPage />)
    await waitFor(() => expect((document.querySelector('#segment-name') as HTMLInputElement).value).toBe('高价值沉睡'))
    expect(screen.getByTestId('filter-rfm-重要挽留').dataset.on).toBe('true')
    fireEvent.click(screen.getByTestId('segment-save'))
    await waitFor(() => expect(fake.callsOf('crm', 'saveSegment')).toHaveLength(1))
    expect(fake.callsOf('crm', 'saveSegment')[0]!.data).toEqual({ segmentId: 'sg1', name: '高价值沉睡', filter: SEGMENT.filter })
  })
})

describe('ops CRM: tags (标签)', () => {
  test('tags with counts and kind; a rule tag is created from the filter editor; delete asks first', async () => {
    const fake = setup(() => <OpsTagsPage />, {
      'crm.saveTag': ({ name, rule }: { name: string; rule: unknown }) => ({ name, kind: 'rule', rule, count: 9 }),
      'crm.deleteTag': () => ({ deleted: true })
    })
    expect((await screen.findByTestId('tag-count-茶饮控')).textContent).toBe('12 位会员')
    expect(within(screen.getByTestId('tag-高客单')).getByText('规则')).toBeTruthy()

    fireEvent.click(screen.getByTestId('tag-new'))
    await screen.findByTestId('tag-form-sheet')
    type('tag-name', '大额客')
    type('filter-spend-min', '500')
    fireEvent.click(screen.getByTestId('tag-save'))
    await waitFor(() => expect(fake.callsOf('crm', 'saveTag')).toHaveLength(1))
    expect(fake.callsOf('crm', 'saveTag')[0]!.data).toEqual({ name: '大额客', rule: { spendFen: { min: 50_000 } } })

    fireEvent.click(screen.getByTestId('tag-delete-茶饮控'))
    await waitFor(() => expect(fake.callsOf('crm', 'deleteTag')).toHaveLength(1))
    expect(jest.mocked(Taro.showModal)).toHaveBeenCalled()
    expect(fake.callsOf('crm', 'deleteTag')[0]!.data).toEqual({ name: '茶饮控' })
  })
})
