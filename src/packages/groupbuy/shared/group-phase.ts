import type { GroupView } from '../../../core/contracts/groupbuy'

/**
 * What the group page shows, from the group and the viewer:
 * pending: the leader has not paid (only the leader sees it);
 * open: seats left before the deadline; full: every seat held, some unpaid;
 * settling: the deadline passed, the result is being decided;
 * succeeded (virtual completion too), failed, cancelled (the leader never paid).
 */
export type GroupPhase = 'pending' | 'open' | 'full' | 'settling' | 'succeeded' | 'failed' | 'cancelled'

export function groupPhase(group: GroupView, serverNow: number): GroupPhase {
  switch (group.state) {
    case 'PENDING':
      return 'pending'
    case 'SUCCEEDED':
    case 'SUCCEEDED_VIRTUAL':
      return 'succeeded'
    case 'FAILED':
      return 'failed'
    case 'CANCELLED':
      return 'cancelled'
    case 'OPEN':
      if (group.expiresAt !== null && serverNow >= group.expiresAt) return 'settling'
      return group.seatsLeft > 0 ? 'open' : 'full'
  }
}

/** Phases whose outcome is still to come: the page reads the group again now and then. */
export const LIVE_PHASES: GroupPhase[] = ['pending', 'open', 'full', 'settling']

export interface PhaseText {
  title: string
  note: string
}

/** The headline and the line under it, for a member of the group or a visitor. */
export function phaseText(phase: GroupPhase, group: GroupView): PhaseText {
  const mine = group.joinedByMe
  switch (phase) {
    case 'pending':
      return { title: '待支付', note: '团长支付后拼团正式开始，超时未支付将自动取消' }
    case 'open':
      return { title: `还差 ${group.seatsLeft} 人成团`, note: mine ? '邀请好友参团，人满即成团' : `${group.size}人团，支付即参团` }
    case 'full':
      return mine
        ? { title: '名额已满，等待成员支付', note: '所有成员支付后即拼团成功' }
        : { title: '这个团已满员', note: '去开个新团，邀请好友一起拼' }
    case 'settling':
      return { title: '拼团结果确认中…', note: '已到截止时间，稍后刷新查看结果' }
    case 'succeeded':
      return mine
        ? { title: '拼团成功', note: '商家将尽快为你安排发货或备货' }
        : { title: '拼团成功', note: '这个团已成团，去开个新团吧' }
    case 'failed':
      return mine
        ? { title: '拼团失败，款项将原路退回', note: '未在时限内凑满人数' }
        : { title: '拼团失败', note: '这个团未在时限内凑满人数，去开个新团吧' }
    case 'cancelled':
      return { title: '这个团已取消', note: '团长未在时限内支付，去开个新团吧' }
  }
}
