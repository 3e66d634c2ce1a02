import { createHash } from 'crypto';
import type { OpenShareView, ShareStatsView } from '../../../core/contracts/growth';
import { DAY_MS } from '../../../core/growth/reward';
import { attributedShare, orderTargetsOf, withTouch, type ShareKind } from '../../../core/growth/share';
import type { Order, OrderDoc } from '../../../core/order/types';
import type { Transaction } from '../../db';
import { loadByIds } from '../catalog/records';
import { MemberCollections, type MemberDoc } from '../member/records';
import type { ServiceDeps } from '../order/deps';
import { OrderCollections } from '../order/records';
import { ownerOfCode } from './codes';
import { GrowthCollections, type OrderShareDoc, type OwnerDoc, type ShareOpenDoc, type ShareStatsDoc, type ShareTouchesDoc } from './records';
import { loadInviteSettingsInTx } from './settings';

/**
 * Share attribution (分享归因): sharer → opener → order.
 *
 * A card carries the sharer's share code (never an openid). Opening it
 * records the open once per (sharer, opener, target) and keeps it among the
 * opener's latest touches (one document per opener). When the opener pays an
 * order for that target created within the window after the open, the
 * payment's transaction stamps the order with the share and adds it to the
 * sharer's results; a refund takes its amount back out.
 */

const openId = (sharer: string, opener: string, kind: ShareKind, targetId: string): string =>
  `so_${createHash('sha256').update(`${sharer}\n${opener}\n${kind}\n${targetId}`).digest('hex').slice(0, 40)}`;

const emptyStats = (sharer: string, now: number): ShareStatsDoc => ({ sharer, opens: 0, orders: 0, gmvFen: 0, refundedFen: 0, byKind: {}, lastAt: now });

/** growth.openShare: the opener opened a card; answers whether this open was new. Unknown codes and self-opens record nothing. */
export async function openShare(deps: ServiceDeps, opener: string, input: { sharer: string; kind: ShareKind; targetId: string }): Promise<OpenShareView> {
  const owner = await ownerOfCode(deps.db, input.sharer);
  if (!owner || owner.openid === opener) return { recorded: false };
  const now = deps.now();
  const sharer = owner.openid;
  const recorded = await deps.db.runTransaction(async (tx) => {
    const touchesRef = tx.collection<ShareTouchesDoc>(GrowthCollections.shareTouches).doc(opener);
    const touches = (await touchesRef.get()).data?.touches ?? [];
    await touchesRef.set({ touches: withTouch(touches, { sharer, kind: input.kind, targetId: input.targetId, at: now }), updatedAt: now });

    const openRef = tx.collection<ShareOpenDoc>(GrowthCollections.shareOpens).doc(openId(sharer, opener, input.kind, input.targetId));
    if ((await openRef.get()).data) return false;
    await openRef.set({ sharer, opener, kind: input.kind, targetId: input.targetId, openedAt: now });
    const statsRef = tx.collection<ShareStatsDoc>(GrowthCollections.shareStats).doc(sharer);
    const stats = (await statsRef.get()).data ?? emptyStats(sharer, now);
    const { _id: _ignored, ...plain } = stats as ShareStatsDoc & { _id?: string };
    await statsRef.set({ ...plain, opens: plain.opens + 1, byKind: { ...plain.byKind, [input.kind]: (plain.byKind[input.kind] ?? 0) + 1 }, lastAt: now });
    return true;
  });
  return { recorded };
}

/** The payment hook: stamps the order with the share that sold it, if any, and counts it for the sharer. */
export async function attributeShareInTx(tx: Transaction, order: Order, deps: ServiceDeps, now: number): Promise<void> {
  if (order.source === 'mall' || (order as { share?: unknown }).share) return;
  const touches = (await tx.collection<ShareTouchesDoc>(GrowthCollections.shareTouches).doc(order.openid).get()).data?.touches;
  if (!touches?.length) return;
  const windowMs = (await loadInviteSettingsInTx(tx)).shareWindowDays * DAY_MS;
  const touch = attributedShare(touches, orderTargetsOf(order), order.openid, order.createdAt, windowMs);
  if (!touch) return;
  const code = (await tx.collection<OwnerDoc>(GrowthCollections.owners).doc(touch.sharer).get()).data?.code ?? '';
  const share: OrderShareDoc = { sharer: touch.sharer, code, kind: touch.kind, targetId: touch.targetId, openedAt: touch.at };
  await tx.collection(OrderCollections.orders).doc(order._id).update({ share });
  const statsRef = tx.collection<ShareStatsDoc>(GrowthCollections.shareStats).doc(touch.sharer);
  const stats = (await statsRef.get()).data;
  const _ = deps.db.command;
  if (stats) await statsRef.update({ orders: _.inc(1), gmvFen: _.inc(order.amounts.payable), lastAt: now });
  else await statsRef.set({ ...emptyStats(touch.sharer, now), orders: 1, gmvFen: order.amounts.payable });
}

/** The refund hook: a refunded order that a share sold takes its amount back from the sharer's results. */
export async function refundShareInTx(tx: Transaction, order: Order, deps: ServiceDeps, now: number): Promise<void> {
  const share = (order as OrderDoc & { share?: OrderShareDoc | null }).share;
  if (!share) return;
  const refunded = order.refundedFen ?? order.amounts.payable;
  const _ = deps.db.command;
  await tx.collection<ShareStatsDoc>(GrowthCollections.shareStats).doc(share.sharer).update({ refundedFen: _.inc(refunded), lastAt: now });
}

/** growth.shareStats (operators): the members whose shares sold the most, by GMV. */
export async function shareStats(deps: ServiceDeps, limit: number): Promise<ShareStatsView> {
  const { data } = await deps.db.collection<ShareStatsDoc>(GrowthCollections.shareStats).orderBy('gmvFen', 'desc').limit(limit).get();
  const members = await loadByIds<MemberDoc>(deps.db, MemberCollections.members, data.map((d) => d.sharer));
  return {
    rows: data.map((d) => {
      const member = members.get(d.sharer);
      return {
        nickname: member?.nickname ?? '未开卡顾客',
        memberId: member?.memberId ?? null,
        opens: d.opens,
        orders: d.orders,
        gmvFen: d.gmvFen,
        refundedFen: d.refundedFen,
        lastAt: d.lastAt,
        byKind: d.byKind,
      };
    }),
  };
}
