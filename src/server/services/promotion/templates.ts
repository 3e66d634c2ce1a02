import type { OpsTemplatePage, OpsTemplateView, SaveTemplateResult } from '../../../core/contracts/coupon';
import { AppError } from '../../../core/errors';
import { couponErrors } from '../../../core/coupon/errors';
import { ruleLabel, scopeLabel, validityLabel } from '../../../core/coupon/labels';
import { templateIssues, TEMPLATE_ISSUE_CODES, type TemplateIssue } from '../../../core/coupon/template-rules';
import type { CouponRule, CouponTemplate, CouponTemplateDoc, CouponValidity } from '../../../core/coupon/types';
import { validityOpen } from '../../../core/coupon/validity';
import { newId } from '../../kit/ids';
import { CatalogCollections, loadByIds, type ProductDoc, type SkuDoc } from '../catalog/records';
import type { ServiceDeps } from '../order/deps';
import { refuse, transact } from '../order/transact';
import { auditingRefusals, auditOperatorInTx } from './ops-audit';
import { PromotionCollections } from './records';

/**
 * Operators manage coupon templates: create, edit, stop and restart them.
 * A coupon snapshots its template's title and rule when issued
 * (core/coupon/issue.ts), so an edit changes only coupons issued after it.
 */

export interface SaveTemplateRequest {
  templateId?: string;
  title: string;
  description?: string;
  rule: CouponRule;
  validity: CouponValidity;
  totalQuantity: number | null;
  perMemberLimit: number;
  claimable: boolean;
  inStoreOnly: boolean;
}

/** A broken rule of a template: refused with the first rule's code, every one in `details.issues`. */
export const templateInvalid = (issues: TemplateIssue[]): AppError => new AppError(issues[0].code, issues[0].message, { issues });

export const templateStopped = (templateId: string): AppError =>
  new AppError('COUPON_TEMPLATE_STOPPED', '该优惠券已停用，不能发放', { templateId });
export const templateEnded = (templateId: string): AppError =>
  new AppError('COUPON_TEMPLATE_ENDED', '该优惠券的有效期已结束，不能发放', { templateId });

const TEMPLATE_LIST_MAX = 50;

export async function saveCouponTemplate(deps: ServiceDeps, operatorOpenid: string, input: SaveTemplateRequest): Promise<SaveTemplateResult> {
  const now = deps.now();
  const templateId = input.templateId ?? newId('ct', now);
  const auditId = newId('au', now);
  return auditingRefusals(deps.db, { operatorOpenid, action: 'saveCouponTemplate', target: templateId, at: now }, async () => {
    const rule = normalisedRule(input.rule);
    const terms = { rule, validity: input.validity, totalQuantity: input.totalQuantity, perMemberLimit: input.perMemberLimit };
    const early = templateIssues(terms, now);
    const unknown = await unknownReferences(deps, rule);
    if (early.length + unknown.length > 0) throw templateInvalid([...early, ...unknown]);

    const fields = {
      title: input.title,
      description: input.description ?? '',
      rule,
      validity: input.validity,
      totalQuantity: input.totalQuantity,
      perMemberLimit: input.perMemberLimit,
      claimable: input.claimable,
      inStoreOnly: input.inStoreOnly,
      updatedAt: now,
    };
    const _ = deps.db.command;
    await transact(deps.db, async (tx) => {
      const ref = tx.collection<CouponTemplateDoc>(PromotionCollections.templates).doc(templateId);
      const existing = (await ref.get()).data;
      if (input.templateId !== undefined) {
        if (!existing) return refuse(couponErrors.templateNotFound(templateId));
        const issues = templateIssues(terms, now, existing.claimed);
        if (issues.length > 0) return refuse(templateInvalid(issues));
        // `_.set`: a nested object update would merge, keeping a switched rule's old fields.
        await ref.update({ ...fields, rule: _.set(rule), validity: _.set(input.validity) });
      } else {
        await ref.set({ ...fields, claimed: 0, granted: 0, status: 'ACTIVE', sort: 0, createdAt: now });
      }
      await auditOperatorInTx(tx, auditId, {
        operatorOpenid,
        action: 'saveCouponTemplate',
        target: templateId,
        result: 'ok',
        detail: `${input.templateId !== undefined ? '编辑' : '新建'}：${input.title}（${ruleLabel(rule)}）`,
        at: now,
      });
      return null;
    });
    return { templateId };
  });
}

/** Stops (INACTIVE: no more claims or grants; coupons already held stay valid) or restarts a template. */
export async function setCouponTemplateStatus(
  deps: ServiceDeps,
  operatorOpenid: string,
  input: { templateId: string; status: 'ACTIVE' | 'INACTIVE' },
): Promise<OpsTemplateView> {
  const now = deps.now();
  const auditId = newId('au', now);
  return auditingRefusals(deps.db, { operatorOpenid, action: 'setCouponTemplateStatus', target: input.templateId, at: now }, async () => {
    const template = await transact(deps.db, async (tx) => {
      const ref = tx.collection<CouponTemplateDoc>(PromotionCollections.templates).doc(input.templateId);
      const existing = (await ref.get()).data;
      if (!existing) return refuse(couponErrors.templateNotFound(input.templateId));
      const changed = existing.status !== input.status;
      if (changed) await ref.update({ status: input.status, updatedAt: now });
      await auditOperatorInTx(tx, auditId, {
        operatorOpenid,
        action: 'setCouponTemplateStatus',
        target: input.templateId,
        result: changed ? 'ok' : 'duplicate',
        detail: `${input.status === 'ACTIVE' ? '启用' : '停用'}：${existing.title}`,
        at: now,
      });
      return { ...existing, ...(changed ? { status: input.status, updatedAt: now } : {}), _id: input.templateId };
    });
    return toOpsTemplateView(template, now);
  });
}

/** Every template, newest first, with what each has handed out. */
export async function listOpsTemplates(deps: ServiceDeps, input: { page: number; pageSize: number }): Promise<OpsTemplatePage> {
  const now = deps.now();
  const pageSize = Math.min(input.pageSize, TEMPLATE_LIST_MAX);
  const { data } = await deps.db
    .collection<CouponTemplateDoc>(PromotionCollections.templates)
    .orderBy('createdAt', 'desc')
    .skip(input.page * pageSize)
    .limit(pageSize + 1)
    .get();
  return { items: data.slice(0, pageSize).map((t) => toOpsTemplateView(t, now)), page: input.page, hasMore: data.length > pageSize };
}

export async function getOpsTemplate(deps: ServiceDeps, templateId: string): Promise<OpsTemplateView> {
  const { data } = await deps.db.collection<CouponTemplateDoc>(PromotionCollections.templates).doc(templateId).get();
  if (!data[0]) throw couponErrors.templateNotFound(templateId);
  return toOpsTemplateView(data[0], deps.now());
}

export function toOpsTemplateView(template: CouponTemplate, now: number): OpsTemplateView {
  const granted = template.granted ?? 0;
  const over = !validityOpen(template.validity, now);
  return {
    templateId: template._id,
    title: template.title,
    description: template.description,
    kind: template.rule.kind,
    rule: template.rule,
    ruleLabel: ruleLabel(template.rule),
    scopeLabel: scopeLabel(template.rule),
    validity: template.validity,
    validityLabel: validityLabel(template.validity),
    totalQuantity: template.totalQuantity,
    issued: template.claimed,
    claimed: Math.max(0, template.claimed - granted),
    granted,
    remaining: template.totalQuantity === null ? null : Math.max(0, template.totalQuantity - template.claimed),
    perMemberLimit: template.perMemberLimit,
    claimable: template.claimable,
    inStoreOnly: template.inStoreOnly,
    status: template.status,
    statusLabel: template.status === 'INACTIVE' ? '已停用' : over ? '已结束' : '进行中',
    createdAt: template.createdAt,
    updatedAt: template.updatedAt,
  };
}

/** An empty product scope is the whole order: stored without `productIds`. */
function normalisedRule(rule: CouponRule): CouponRule {
  if (rule.kind === 'freeItem') return { kind: 'freeItem', skuId: rule.skuId, threshold: rule.threshold };
  const { productIds, ...rest } = rule;
  return productIds && productIds.length > 0 ? { ...rest, productIds: [...productIds] } : rest;
}

/** The free item's SKU and the scope's products must exist. */
async function unknownReferences(deps: ServiceDeps, rule: CouponRule): Promise<TemplateIssue[]> {
  if (rule.kind === 'freeItem') {
    const { data } = await deps.db.collection<SkuDoc>(CatalogCollections.skus).doc(rule.skuId).get();
    return data[0] ? [] : [{ field: 'skuId', code: 'COUPON_FREE_ITEM_NOT_FOUND', message: '赠品商品规格不存在' }];
  }
  if (!rule.productIds || rule.productIds.length === 0) return [];
  const found = await loadByIds<ProductDoc>(deps.db, CatalogCollections.products, rule.productIds);
  const missing = rule.productIds.filter((id) => !found.has(id));
  return missing.length === 0 ? [] : [{ field: 'productIds', code: TEMPLATE_ISSUE_CODES.scope, message: `有 ${missing.length} 个指定商品不存在` }];
}
