import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { call } from '../../../api'
import { opsCampaignFormUrl, opsCampaignUrl, opsJourneyFormUrl } from '../../../components/ops-entry/links'
import StateView from '../../../components/state-view'
import type { CampaignListItem } from '../../../core/contracts/crm'
import NoAccess from '../shared/no-access'
import OperatorGate from '../shared/operator-gate'
import { CAMPAIGN_STATE_LABELS, journeyStateLabel, minuteText, triggerLabel, VERDICT_TONES } from '../shared/crm/labels'
import { useLive } from '../shared/use-live'
import { useRefreshOnShow } from '../shared/use-refresh-on-show'
import '../shared/ops.scss'
import '../shared/crm/crm.scss'

type Kind = 'campaign' | 'journey'
const TABS: Array<{ key: Kind; label: string }> = [
  { key: 'campaign', label: '营销活动' },
  { key: 'journey', label: '自动化旅程' }
]
const go = (url: string) => void Taro.navigateTo({ url })

/** 精准营销: campaigns and journeys, each with its state, members and verdict; 新建 either. */
export default function OpsCampaignsPage() {
  return (
    <OperatorGate>
      <OpsCampaigns />
    </OperatorGate>
  )
}

function CampaignRow({ item }: { item: CampaignListItem }) {
  const journey = item.kind === 'journey'
  const state = journey ? journeyStateLabel(item.state) : CAMPAIGN_STATE_LABELS[item.state]
  return (
    <View className='ops-row' data-testid={`campaign-${item.campaignId}`} onClick={() => go(opsCampaignUrl(item.campaignId))}>
      <View className='ops-row__head'>
        <Text className='ops-row__title'>{item.name}</Text>
        <Text className={`ops-tag ops-tag--${state.tone}`}>{state.label}</Text>
      </View>
      <Text className='ops-row__line'>{journey && item.trigger ? `触发：${triggerLabel(item.trigger)}` : `开始 ${minuteText(item.startAt)}`}</Text>
      <Text className='ops-row__line'>
        {item.members} 人 · 目标组下单 {item.converted.target} · 对照组下单 {item.converted.holdout}
      </Text>
      <View className='crm-actions'>
        <Text className={`crm-verdict-chip crm-verdict-chip--${item.members > 0 ? VERDICT_TONES[item.verdict] : 'flat'}`} data-testid={`campaign-verdict-${item.campaignId}`}>
          {item.members > 0 ? item.verdict : '待发放'}
        </Text>
        <Text className='crm-actions__action crm-actions__action--primary'>查看效果 ›</Text>
      </View>
    </View>
  )
}

function OpsCampaigns() {
  const initial = useRouter().params.tab === 'journey' ? 'journey' : 'campaign'
  const [kind, setKind] = useState<Kind>(initial)
  const load = useCallback(async () => ({ kind, items: await call('crm', 'campaigns', { kind }) }), [kind])
  const live = useLive(load, null)
  const mounted = useRef(false)
  const { reload, state } = live
  useEffect(() => {
    if (mounted.current) void reload()
    mounted.current = true
  }, [kind, reload])
  useRefreshOnShow(() => live.reload())
  const shown = state.status === 'ready' && state.data.kind === kind ? state.data.items : null

  return (
    <View className='ops-page crm-campaigns'>
      <View className='crm-tabs'>
        {TABS.map((tab) => (
          <Text key={tab.key} className={`crm-tabs__tab${tab.key === kind ? ' crm-tabs__tab--on' : ''}`} data-testid={`campaigns-tab-${tab.key}`} onClick={() => setKind(tab.key)}>
            {tab.label}
          </Text>
        ))}
      </View>
      {state.status === 'loading' || (state.status === 'ready' && !shown) ? <StateView state='loading' /> : null}
      {state.status === 'denied' ? <NoAccess /> : null}
      {state.status === 'error' ? <StateView state='error' message={state.message} onRetry={() => void live.retry()} /> : null}
      {shown && shown.length === 0 ? (
        <StateView state='empty' message={kind === 'campaign' ? '还没有营销活动。选一个分群，给他们发券或积分，并留出对照组衡量效果' : '还没有自动化旅程。例如：会员进入休眠期时自动发一张唤醒券'} />
      ) : null}
      {shown && shown.length > 0 ? (
        <View className='crm-grid'>
          {shown.map((item) => (
            <CampaignRow key={item.campaignId} item={item} />
          ))}
        </View>
      ) : null}
      <View className='ops-bar'>
        {kind === 'campaign' ? (
          <Button className='ops-bar__button' data-testid='campaign-new' onClick={() => go(opsCampaignFormUrl())}>
            新建营销活动
          </Button>
        ) : (
          <Button className='ops-bar__button' data-testid='journey-new' onClick={() => go(opsJourneyFormUrl())}>
            新建旅程
          </Button>
        )}
      </View>
    </View>
  )
}
