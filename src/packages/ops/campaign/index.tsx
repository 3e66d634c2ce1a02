import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { call, toastError } from '../../../api'
import OpsStatGrid from '../../../components/ops-stat-grid'
import { opsJourneyFormUrl } from '../../../components/ops-entry/links'
import StateView from '../../../components/state-view'
import { CAMPAIGN_PAGE_LABELS, type CampaignView } from '../../../core/contracts/crm'
import NoAccess from '../shared/no-access'
import OperatorGate from '../shared/operator-gate'
import { CAMPAIGN_STATE_LABELS, incentiveLabel, journeyStateLabel, minuteText, triggerLabel } from '../shared/crm/labels'
import { useLive } from '../shared/use-live'
import { useRefreshOnShow } from '../shared/use-refresh-on-show'
import { ACTION_LABELS, ACTIONS_BY_STATE, type CampaignAction } from './actions'
import Results from './results'
import { useCouponTemplates } from '../shared/crm/use-templates'
import '../../../components/ops-field/index.scss'
import '../shared/ops.scss'
import '../shared/crm/crm.scss'

/** While a campaign delivers, its counts move. */
export const CAMPAIGN_REFRESH_MS = 10_000

/** 活动效果: a campaign's or journey's state, delivery counts, results against the holdout, and 暂停 / 继续 / 取消. */
export default function OpsCampaignPage() {
  return (
    <OperatorGate>
      <OpsCampaign />
    </OperatorGate>
  )
}

function OpsCampaign() {
  const campaignId = (useRouter().params.id ?? '').trim()
  const load = useCallback(() => call('crm', 'campaign', { campaignId }), [campaignId])
  const live = useLive(load, CAMPAIGN_REFRESH_MS)
  const [pending, setPending] = useState<CampaignAction | null>(null)
  const templates = useCouponTemplates()
  const busy = useRef(false)
  useRefreshOnShow(() => live.reload())
  const { state } = live

  const run = async (action: CampaignAction) => {
    if (busy.current) return
    busy.current = true
    try {
      if (action === 'cancelCampaign') {
        const answer = await Taro.showModal({
          title: '取消活动',
          content: '取消后不再给尚未发放的会员发放激励和消息，已发放的不受影响，且不能恢复。确定取消吗？',
          confirmText: '确定取消',
          cancelText: '再想想',
          confirmColor: '#e4393c'
        }).catch(() => ({ confirm: false }))
        if (!answer.confirm) return
      }
      setPending(action)
      live.replace(await call('crm', action, { campaignId }))
      void Taro.showToast({ title: ACTION_LABELS[action].done, icon: 'success' })
    } catch (error) {
      toastError(error)
      void live.reload()
    } finally {
      busy.current = false
      setPending(null)
    }
  }

  if (!campaignId) return <StateView state='empty' message='没有指定活动' />
  if (state.status === 'loading') return <StateView state='loading' />
  if (state.status === 'denied') return <NoAccess />
  if (state.status === 'error') return <StateView state='error' message={state.message} onRetry={() => void live.retry()} />
  const c: CampaignView = state.data
  const journey = c.kind === 'journey'
  const stateLabel = journey ? journeyStateLabel(c.state) : CAMPAIGN_STATE_LABELS[c.state]
  const actions = ACTIONS_BY_STATE[c.state]
  const incentive = c.incentive
  const couponTitle = incentive.type === 'coupon' ? templates?.find((t) => t.templateId === incentive.templateId)?.title : null

  return (
    <View className='ops-page crm-campaign' data-testid='campaign-page'>
      {state.stale ? <Text className='ops-stale'>数据更新失败，正在重试…</Text> : null}
      <View className='ops-card'>
        <View className='ops-row__head'>
          <Text className='ops-row__title'>{c.name}</Text>
          <Text className={`ops-tag ops-tag--${stateLabel.tone}`} data-testid='campaign-state'>
            {stateLabel.label}
          </Text>
        </View>
        <View className='ops-info__row'>
          <Text className='ops-info__key'>{journey ? '触发条件' : '目标分群'}</Text>
          <Text className='ops-info__value'>{journey && c.trigger ? triggerLabel(c.trigger) : c.segmentName ?? '—'}</Text>
        </View>
        <View className='ops-info__row'>
          <Text className='ops-info__key'>激励</Text>
          <Text className='ops-info__value'>{incentiveLabel(c.incentive, couponTitle)}</Text>
        </View>
        <View className='ops-info__row'>
          <Text className='ops-info__key'>消息</Text>
          <Text className='ops-info__value'>{c.message ? `「${c.message.note}」→ ${CAMPAIGN_PAGE_LABELS[c.message.page]}` : '不发送'}</Text>
        </View>
        <View className='ops-info__row'>
          <Text className='ops-info__key'>对照组</Text>
          <Text className='ops-info__value'>{c.holdoutPct}%</Text>
        </View>
        {journey ? null : (
          <>
            <View className='ops-info__row'>
              <Text className='ops-info__key'>开始时间</Text>
              <Text className='ops-info__value'>{minuteText(c.startAt)}</Text>
            </View>
            <View className='ops-info__row'>
              <Text className='ops-info__key'>发放完成</Text>
              <Text className='ops-info__value'>{c.deliveredAt ? minuteText(c.deliveredAt) : '未完成'}</Text>
            </View>
          </>
        )}
      </View>
      <View className='ops-card' data-testid='campaign-counts'>
        <Text className='ops-card__title'>发放</Text>
        <OpsStatGrid
          stats={[
            { key: 'members', label: '总人数', value: c.members },
            { key: 'target', label: '目标组', value: c.target, tone: 'accent' },
            { key: 'holdout', label: '对照组', value: c.holdout },
            { key: 'granted', label: '已发激励', value: c.granted, tone: 'good' },
            { key: 'messaged', label: '已发消息', value: c.messaged, tone: 'good' },
            { key: 'skippedNoQuota', label: '无订阅额度', value: c.skippedNoQuota, tone: 'bad' },
            { key: 'skippedCap', label: '超频未发', value: c.skippedCap, tone: 'bad' },
            { key: 'grantSkipped', label: '未能发放', value: c.grantSkipped, tone: 'bad' }
          ]}
        />
        <Text className='crm-hint'>无订阅额度：会员未订阅活动通知，激励照发但不发消息；超频：7 天内收到的营销消息已达上限。</Text>
      </View>
      <Results results={c.results} />
      {actions.length || journey ? (
        <View className='ops-bar'>
          {journey ? (
            <Button className='ops-bar__button ops-bar__button--ghost' data-testid='journey-edit' onClick={() => void Taro.navigateTo({ url: opsJourneyFormUrl(c.campaignId) })}>
              编辑旅程
            </Button>
          ) : null}
          {actions.map((action) => (
            <Button
              key={action}
              className={`ops-bar__button${action === 'cancelCampaign' ? ' ops-bar__button--ghost' : action === 'resumeCampaign' ? '' : ' ops-bar__button--dark'}${pending ? ' ops-bar__button--off' : ''}`}
              data-testid={ACTION_LABELS[action].testId}
              disabled={pending !== null || undefined}
              onClick={() => void run(action)}
            >
              {pending === action ? '处理中…' : journey && action === 'cancelCampaign' ? '停用旅程' : ACTION_LABELS[action].label}
            </Button>
          ))}
        </View>
      ) : null}
    </View>
  )
}
