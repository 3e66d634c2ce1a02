import type { OpsWalletPlanView, WalletPlanView } from '../../../core/contracts/wallet';
import type { WalletPlan } from '../../../core/wallet/plans';
import type { Db } from '../../db';
import { newId } from '../../kit/ids';
import type { ServiceDeps } from '../order/deps';
import { writeAudit } from '../staff/audit';
import { WalletCollections, type WalletPlanDoc } from './records';

const planOf = (doc: WalletPlanDoc & { _id: string }): WalletPlan => ({
  planId: doc._id,
  title: doc.title,
  payFen: doc.payFen,
  giftFen: doc.giftFen,
  perMemberLimit: doc.perMemberLimit,
  validUntil: doc.validUntil,
  giftValidDays: doc.giftValidDays,
  active: doc.active,
});

const viewOf = (plan: WalletPlan): WalletPlanView => ({
  planId: plan.planId,
  title: plan.title,
  payFen: plan.payFen,
  giftFen: plan.giftFen,
  perMemberLimit: plan.perMemberLimit,
  validUntil: plan.validUntil,
  giftValidDays: plan.giftValidDays,
});

async function allPlans(db: Db): Promise<Array<WalletPlanDoc & { _id: string }>> {
  const { data } = await db.collection<WalletPlanDoc>(WalletCollections.plans).orderBy('sort', 'asc').limit(100).get();
  return data;
}

/** `wallet.plans`: the plans on offer now, cheapest first. */
export async function listPlans(deps: ServiceDeps): Promise<{ items: WalletPlanView[] }> {
  const now = deps.now();
  const plans = (await allPlans(deps.db)).map(planOf).filter((p) => p.active && (p.validUntil === null || p.validUntil > now));
  return { items: plans.sort((a, b) => a.payFen - b.payFen).map(viewOf) };
}

/** `wallet.opsPlans`: every plan, with how many top-ups were paid with it. */
export async function listOpsPlans(deps: ServiceDeps): Promise<{ items: OpsWalletPlanView[] }> {
  const plans = await allPlans(deps.db);
  const items: OpsWalletPlanView[] = [];
  for (const doc of plans) {
    const topUps = (await deps.db.collection(WalletCollections.topUps).where({ planId: doc._id, status: 'PAID' }).count()).total;
    items.push({ ...viewOf(planOf(doc)), active: doc.active, topUps });
  }
  return { items };
}

export async function loadPlan(db: Db, planId: string): Promise<WalletPlan | null> {
  const { data } = await db.collection<WalletPlanDoc>(WalletCollections.plans).doc(planId).get();
  return data[0] ? planOf(data[0]) : null;
}

export interface SavePlanRequest {
  planId?: string;
  title: string;
  payFen: number;
  giftFen: number;
  perMemberLimit?: number | null;
  validUntil?: number | null;
  giftValidDays?: number | null;
  active?: boolean;
}

/** `wallet.savePlan` (operator): creates or replaces a plan; audited. Top-ups already made keep the terms they were made with (the order holds them). */
export async function savePlan(deps: ServiceDeps, operator: string, input: SavePlanRequest): Promise<{ planId: string }> {
  const now = deps.now();
  const planId = input.planId ?? newId('wp', now);
  const ref = deps.db.collection<WalletPlanDoc>(WalletCollections.plans).doc(planId);
  const existing = (await ref.get()).data[0];
  await ref.set({
    title: input.title,
    payFen: input.payFen,
    giftFen: input.giftFen,
    perMemberLimit: input.perMemberLimit ?? null,
    validUntil: input.validUntil ?? null,
    giftValidDays: input.giftValidDays ?? null,
    active: input.active ?? true,
    sort: existing?.sort ?? input.payFen,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
    updatedBy: operator,
  });
  await writeAudit(deps.db, { staffOpenid: operator, storeId: '', action: 'walletSavePlan', target: input.title, result: 'ok', at: now });
  return { planId };
}
