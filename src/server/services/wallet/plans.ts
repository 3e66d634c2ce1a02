import type { OpsWalletPlanCouponView, OpsWalletPlanView, WalletPlanView } from '../../../core/contracts/wallet';
import type { CouponTemplateDoc } from '../../../core/coupon/types';
import { PLAN_COUPON_SKIP_LABELS, planCouponLabel, planCouponSkip } from '../../../core/wallet/plan-gifts';
import type { WalletPlan } from '../../../core/wallet/plans';
import type { Db } from '../../db';
import { newId } from '../../kit/ids';
import type { ServiceDeps } from '../order/deps';
import { PromotionCollections } from '../promotion/records';
import { writeAudit } from '../staff/audit';
import { walletErrors } from './errors';
import { WalletCollections, type WalletPlanDoc } from './records';

const planOf = (doc: WalletPlanDoc & { _id: string }): WalletPlan => ({
  planId: doc._id,
  title: doc.title,
  payFen: doc.payFen,
  giftFen: doc.giftFen,
  perMemberLimit: doc.perMemberLimit,
  validUntil: doc.validUntil,
  giftValidDays: doc.giftValidDays,
  giftPoints: doc.giftPoints ?? 0,
  giftCouponTemplateId: doc.giftCouponTemplateId ?? null,
  active: doc.active,
});

/** The terms every plan view shows. */
const termsOf = (plan: WalletPlan): Omit<WalletPlanView, 'giftPoints' | 'giftCoupon'> => ({
  planId: plan.planId,
  title: plan.title,
  payFen: plan.payFen,
  giftFen: plan.giftFen,
  perMemberLimit: plan.perMemberLimit,
  validUntil: plan.validUntil,
  giftValidDays: plan.giftValidDays,
});

/** A plan as customers see it: the extra gifts only when it gives them. */
const viewOf = (plan: WalletPlan, coupon?: OpsWalletPlanCouponView): WalletPlanView => ({
  ...termsOf(plan),
  ...(plan.giftPoints > 0 ? { giftPoints: plan.giftPoints } : {}),
  // Customers are promised only a coupon a top-up paid now would get.
  ...(coupon?.available ? { giftCoupon: { title: coupon.title, label: coupon.label } } : {}),
});

type Template = CouponTemplateDoc & { _id: string };

async function loadTemplate(db: Db, templateId: string): Promise<Template | null> {
  const { data } = await db.collection<CouponTemplateDoc>(PromotionCollections.templates).doc(templateId).get();
  return data[0] ?? null;
}

/** The plans' coupon templates, as the plan lists show them (one read per distinct template). */
async function couponsOf(db: Db, plans: WalletPlan[], now: number): Promise<Map<string, OpsWalletPlanCouponView>> {
  const ids = [...new Set(plans.map((p) => p.giftCouponTemplateId).filter((id): id is string => !!id))];
  const views = new Map<string, OpsWalletPlanCouponView>();
  for (const templateId of ids) {
    const template = await loadTemplate(db, templateId);
    const skip = planCouponSkip(template, now);
    views.set(templateId, {
      templateId,
      title: template?.title ?? '（已删除的优惠券）',
      label: template ? planCouponLabel(template) : '',
      available: skip === null,
      statusLabel: skip ? PLAN_COUPON_SKIP_LABELS[skip] : '进行中',
    });
  }
  return views;
}

async function allPlans(db: Db): Promise<Array<WalletPlanDoc & { _id: string }>> {
  const { data } = await db.collection<WalletPlanDoc>(WalletCollections.plans).orderBy('sort', 'asc').limit(100).get();
  return data;
}

/** `wallet.plans`: the plans on offer now, cheapest first. */
export async function listPlans(deps: ServiceDeps): Promise<{ items: WalletPlanView[] }> {
  const now = deps.now();
  const plans = (await allPlans(deps.db)).map(planOf).filter((p) => p.active && (p.validUntil === null || p.validUntil > now));
  const coupons = await couponsOf(deps.db, plans, now);
  return { items: plans.sort((a, b) => a.payFen - b.payFen).map((p) => viewOf(p, p.giftCouponTemplateId ? coupons.get(p.giftCouponTemplateId) : undefined)) };
}

/** `wallet.opsPlans`: every plan, with how many top-ups were paid with it. */
export async function listOpsPlans(deps: ServiceDeps): Promise<{ items: OpsWalletPlanView[] }> {
  const plans = (await allPlans(deps.db)).map(planOf);
  const coupons = await couponsOf(deps.db, plans, deps.now());
  const items: OpsWalletPlanView[] = [];
  for (const plan of plans) {
    const topUps = (await deps.db.collection(WalletCollections.topUps).where({ planId: plan.planId, status: 'PAID' }).count()).total;
    const coupon = plan.giftCouponTemplateId ? coupons.get(plan.giftCouponTemplateId) : undefined;
    items.push({ ...termsOf(plan), giftPoints: plan.giftPoints, ...(coupon ? { giftCoupon: coupon } : {}), active: plan.active, topUps });
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
  giftPoints?: number;
  giftCouponTemplateId?: string | null;
  active?: boolean;
}

/**
 * `wallet.savePlan` (operator): creates or replaces a plan; audited. Top-ups
 * already made keep the terms they were made with (the order holds them).
 * A gift coupon must be a template that exists (PLAN_COUPON_NOT_FOUND) and,
 * when newly chosen, can give coupons now (PLAN_COUPON_UNAVAILABLE); a plan
 * keeping a template stopped since can still be saved (e.g. to deactivate
 * it): its top-ups then skip the coupon (plan-gifts.ts).
 */
export async function savePlan(deps: ServiceDeps, operator: string, input: SavePlanRequest): Promise<{ planId: string }> {
  const now = deps.now();
  const planId = input.planId ?? newId('wp', now);
  const ref = deps.db.collection<WalletPlanDoc>(WalletCollections.plans).doc(planId);
  const existing = (await ref.get()).data[0];
  const giftCouponTemplateId = input.giftCouponTemplateId ?? null;
  if (giftCouponTemplateId) await checkGiftCoupon(deps.db, giftCouponTemplateId, giftCouponTemplateId === (existing?.giftCouponTemplateId ?? null), now);
  await ref.set({
    title: input.title,
    payFen: input.payFen,
    giftFen: input.giftFen,
    perMemberLimit: input.perMemberLimit ?? null,
    validUntil: input.validUntil ?? null,
    giftValidDays: input.giftValidDays ?? null,
    giftPoints: input.giftPoints ?? 0,
    giftCouponTemplateId,
    active: input.active ?? true,
    sort: existing?.sort ?? input.payFen,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
    updatedBy: operator,
  });
  await writeAudit(deps.db, { staffOpenid: operator, storeId: '', action: 'walletSavePlan', target: input.title, result: 'ok', at: now });
  return { planId };
}

async function checkGiftCoupon(db: Db, templateId: string, kept: boolean, now: number): Promise<void> {
  const template = await loadTemplate(db, templateId);
  if (!template) throw walletErrors.planCouponNotFound(templateId);
  const skip = planCouponSkip(template, now);
  if (skip && !kept) throw walletErrors.planCouponUnavailable(templateId, PLAN_COUPON_SKIP_LABELS[skip]);
}
