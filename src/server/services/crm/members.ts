import type { MemberListItem, MembersPage } from '../../../core/contracts/crm';
import type { MemberFilter } from '../../../core/crm/filter';
import type { MemberProfileDoc, MemberSort } from '../../../core/crm/profile';
import { AppError } from '../../../core/errors';
import { maskPhone } from '../member/views';
import type { ServiceDeps } from '../order/deps';
import { CURSOR_PATTERN, filterConditions, sortPath, whereOf } from './filter-query';
import { CrmCollections } from './records';

export const CrmErrorCode = {
  CursorInvalid: 'CURSOR_INVALID',
  SegmentNotFound: 'SEGMENT_NOT_FOUND',
  CampaignNotFound: 'CAMPAIGN_NOT_FOUND',
  CampaignState: 'CAMPAIGN_STATE_INVALID',
  TagNotFound: 'TAG_NOT_FOUND',
  TagKindConflict: 'TAG_KIND_CONFLICT',
  MemberNotFound: 'MEMBER_NOT_FOUND',
  TemplateUnusable: 'COUPON_TEMPLATE_UNUSABLE',
  NoCounterSession: 'NO_COUNTER_SESSION',
} as const;

export const crmError = (code: string, message: string, details?: Record<string, unknown>): AppError => new AppError(code, message, details);

export function memberItemOf(p: MemberProfileDoc): MemberListItem {
  return {
    openid: p.openid,
    nickname: p.nickname,
    tier: p.tierName,
    tierId: p.tierId,
    rfm: p.rfm,
    lifecycle: p.lifecycle,
    tags: p.tags,
    stats: { paidOrders: p.netOrders, paidFen: p.netFen, lastPaidAt: p.lastPaidAt },
    phone: maskPhone(p.phone),
    channel: p.channel,
  };
}

/**
 * crm.members: one index range per page. The filter's conditions, and below
 * the cursor on the chosen sort key (newest / largest first); the total is
 * the same conditions counted.
 */
export async function listMembers(
  deps: ServiceDeps,
  input: { filter: MemberFilter; sort: MemberSort; cursor?: string | null; pageSize: number },
): Promise<MembersPage> {
  const _ = deps.db.command;
  if (input.cursor && !CURSOR_PATTERN.test(input.cursor)) throw crmError(CrmErrorCode.CursorInvalid, '分页参数无效，请刷新列表');
  const now = deps.now();
  const parts = filterConditions(_, input.filter, now);
  const path = sortPath(input.sort);
  const pageParts = input.cursor ? [...parts, { [path]: _.lt(input.cursor) }] : parts;
  const profiles = deps.db.collection<MemberProfileDoc>(CrmCollections.profiles);
  const [{ data }, { total }] = await Promise.all([
    profiles.where(whereOf(_, pageParts)).orderBy(path, 'desc').limit(input.pageSize + 1).get(),
    profiles.where(whereOf(_, parts)).count(),
  ]);
  const page = data.slice(0, input.pageSize);
  const last = page[page.length - 1];
  return {
    items: page.map(memberItemOf),
    total,
    nextCursor: data.length > input.pageSize && last ? last.sk[input.sort] : null,
  };
}

/** Members matching a filter (segment counts, tag counts). */
export async function countMembers(deps: ServiceDeps, filter: MemberFilter): Promise<number> {
  const _ = deps.db.command;
  const { total } = await deps.db.collection<MemberProfileDoc>(CrmCollections.profiles).where(whereOf(_, filterConditions(_, filter, deps.now()))).count();
  return total;
}
