import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { call } from '../../../api'
import { opsCampaignFormUrl, opsSegmentFormUrl } from '../../../components/ops-entry/links'
import StateView from '../../../components/state-view'
import type { SegmentView } from '../../../core/contracts/crm'
import NoAccess from '../shared/no-access'
import OperatorGate from '../shared/operator-gate'
import { filterSummaryText } from '../shared/crm/filter-form'
import { dayText } from '../shared/crm/labels'
import { useFilterOptions } from '../shared/crm/use-filter-options'
import { useLive } from '../shared/use-live'
import { useRefreshOnShow } from '../shared/use-refresh-on-show'
import MemberCharts from './member-charts'
import TagSegmentSheet from './tag-segment-sheet'
import '../shared/ops.scss'
import '../shared/crm/crm.scss'
import './index.scss'

const go = (url: string) => void Taro.navigateTo({ url })
const loadSegments = () => call('crm', 'segments', {})
const loadCharts = () => call('crm', 'charts', {})

/** 分群: saved segments with their counts (编辑, 批量打标签, 发起营销), and charts of the member base. */
export default function OpsSegmentsPage() {
  return (
    <OperatorGate>
      <OpsSegments />
    </OperatorGate>
  )
}

function OpsSegments() {
  const segments = useLive(loadSegments, null)
  const charts = useLive(loadCharts, null)
  const { tierNames } = useFilterOptions()
  const [tagging, setTagging] = useState<SegmentView | null>(null)
  const reload = useCallback(() => Promise.all([segments.reload(), charts.reload()]), [segments, charts])
  useRefreshOnShow(reload)
  const s = segments.state

  return (
    <View className='ops-page crm-segments'>
      <View className='crm-segments__layout'>
        <View className='crm-segments__list'>
          {s.status === 'loading' ? <StateView state='loading' /> : null}
          {s.status === 'denied' ? <NoAccess /> : null}
          {s.status === 'error' ? <StateView state='error' message={s.message} onRetry={() => void segments.retry()} /> : null}
          {s.status === 'ready' && s.data.length === 0 ? <StateView state='empty' message='还没有分群。在「会员」里筛选后点「保存为分群」，或点下方「新建分群」' /> : null}
          {s.status === 'ready'
            ? s.data.map((seg) => (
                <View key={seg.segmentId} className='ops-row' data-testid={`segment-${seg.segmentId}`}>
                  <View className='ops-row__head'>
                    <Text className='ops-row__title'>{seg.name}</Text>
                    <Text className='crm-segments__count' data-testid={`segment-count-${seg.segmentId}`}>
                      {seg.count} 人
                    </Text>
                  </View>
                  <Text className='ops-row__line'>{filterSummaryText(seg.filter, tierNames)}</Text>
                  <Text className='ops-row__line'>更新于 {dayText(seg.updatedAt)}</Text>
                  <View className='crm-actions'>
                    <Text className='crm-actions__action' data-testid={`segment-edit-${seg.segmentId}`} onClick={() => go(opsSegmentFormUrl(seg.segmentId))}>
                      编辑
                    </Text>
                    <Text className='crm-actions__action' data-testid={`segment-tag-${seg.segmentId}`} onClick={() => setTagging(seg)}>
                      批量打标签
                    </Text>
                    <Text className='crm-actions__action crm-actions__action--primary' data-testid={`segment-campaign-${seg.segmentId}`} onClick={() => go(opsCampaignFormUrl(seg.segmentId))}>
                      发起营销
                    </Text>
                  </View>
                </View>
              ))
            : null}
        </View>
        <View className='crm-segments__charts'>
          {charts.state.status === 'loading' ? <StateView state='loading' message='图表加载中…' /> : null}
          {charts.state.status === 'error' ? <StateView state='error' message={charts.state.message} onRetry={() => void charts.retry()} /> : null}
          {charts.state.status === 'ready' ? <MemberCharts charts={charts.state.data} /> : null}
        </View>
      </View>
      <View className='ops-bar'>
        <Button className='ops-bar__button' data-testid='segment-new' onClick={() => go(opsSegmentFormUrl())}>
          新建分群
        </Button>
      </View>
      {tagging ? <TagSegmentSheet segment={tagging} onClose={() => setTagging(null)} onDone={() => void segments.reload()} /> : null}
    </View>
  )
}
