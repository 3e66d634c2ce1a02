import type { CampaignState } from '../../../core/contracts/crm'

export type CampaignAction = 'pauseCampaign' | 'resumeCampaign' | 'cancelCampaign'

/** What the operator may do in each state: a delivered or cancelled campaign is final. */
export const ACTIONS_BY_STATE: Record<CampaignState, CampaignAction[]> = {
  SCHEDULED: ['pauseCampaign', 'cancelCampaign'],
  RUNNING: ['pauseCampaign', 'cancelCampaign'],
  PAUSED: ['resumeCampaign', 'cancelCampaign'],
  DELIVERED: [],
  CANCELLED: []
}

export const ACTION_LABELS: Record<CampaignAction, { label: string; done: string; testId: string }> = {
  pauseCampaign: { label: '暂停', done: '已暂停', testId: 'campaign-pause' },
  resumeCampaign: { label: '继续', done: '已继续', testId: 'campaign-resume' },
  cancelCampaign: { label: '取消活动', done: '已取消', testId: 'campaign-cancel' }
}
