import type { AuditAction, StaffAuditEntryView } from '../../../core/contracts/staff';
import type { Db, WithId } from '../../db';
import { CatalogCollections, loadByIds, type CategoryDoc, type ProductDoc, type SkuDoc } from '../catalog/records';
import { MemberCollections, type MemberDoc } from '../member/records';
import { maskPhone } from '../member/views';
import { PAYMENT_AUDIT_ACTOR } from '../payment/audit';
import { PromotionCollections } from '../promotion/records';
import { namesOf, UNKNOWN_PERSON, type PersonName } from './people';
import { receiptDocId, StaffCollections, type InStoreReceiptDoc, type StaffAuditDoc } from './records';

/**
 * The audit log with names instead of ids: who acted (nickname), where (store
 * name) and on what (an order number, a member's nickname and masked phone,
 * a product, coupon or store name). A page of 20 entries costs one query per
 * kind of thing named, whatever the page holds.
 */

type TargetKind = 'order' | 'person' | 'member' | 'receipt' | 'coupon' | 'product' | 'sku' | 'category' | 'couponTemplate' | 'store' | 'export' | 'text';

/** What each action's `target` is (services write them so: see their `writeAudit` calls). */
const TARGET_KINDS: Record<AuditAction, TargetKind> = {
  scan: 'member',
  recordPurchase: 'receipt',
  verifyPickup: 'order',
  verifyCoupon: 'coupon',
  grantStaff: 'person',
  revokeStaff: 'person',
  paymentMismatch: 'order',
  saveProduct: 'product',
  setProductStatus: 'product',
  saveCategory: 'category',
  sortCategories: 'text',
  adjustStock: 'sku',
  saveCouponTemplate: 'couponTemplate',
  setCouponTemplateStatus: 'couponTemplate',
  grantCoupon: 'couponTemplate',
  shipOrder: 'order',
  exportOrders: 'export',
  reviewRefund: 'order',
  saveStore: 'store',
  updateSettings: 'text',
  rebuildStats: 'text',
  tagMembers: 'text',
  saveTag: 'text',
  deleteTag: 'text',
  saveSegment: 'text',
  deleteSegment: 'text',
  createCampaign: 'text',
  setCampaignState: 'text',
  saveJourney: 'text',
  saveCrmSettings: 'text',
  saveInviteSettings: 'text',
  rebuildProfiles: 'text',
  walletCharge: 'text',
  walletSavePlan: 'text',
  walletReviewRefund: 'text',
  walletAdjust: 'person',
};

const kindOf = (entry: StaffAuditDoc): TargetKind => TARGET_KINDS[entry.action] ?? 'text';
const targetsOf = (entries: StaffAuditDoc[], kind: TargetKind): string[] =>
  entries.filter((e) => kindOf(e) === kind && e.target).map((e) => e.target);

const personLabel = (name: PersonName | undefined): string =>
  name ? (name.maskedPhone ? `${name.nickname}（${name.maskedPhone}）` : name.nickname) : UNKNOWN_PERSON;

export async function withNames(db: Db, docs: Array<WithId<StaffAuditDoc>>): Promise<StaffAuditEntryView[]> {
  const receiptIds = docs.filter((e) => kindOf(e) === 'receipt').map((e) => receiptDocId(e.storeId, e.target));
  const [receipts, membersByCard, stores, products, skus, categories, templates] = await Promise.all([
    loadByIds<InStoreReceiptDoc>(db, StaffCollections.receipts, receiptIds),
    membersByMemberId(db, targetsOf(docs, 'member')),
    loadByIds<{ name?: string }>(db, CatalogCollections.stores, [...docs.map((e) => e.storeId).filter(Boolean), ...targetsOf(docs, 'store')]),
    loadByIds<ProductDoc>(db, CatalogCollections.products, targetsOf(docs, 'product')),
    loadByIds<SkuDoc>(db, CatalogCollections.skus, targetsOf(docs, 'sku')),
    loadByIds<CategoryDoc>(db, CatalogCollections.categories, targetsOf(docs, 'category')),
    loadByIds<{ title?: string }>(db, PromotionCollections.templates, targetsOf(docs, 'couponTemplate')),
  ]);
  const skuProducts = await loadByIds<ProductDoc>(db, CatalogCollections.products, [...skus.values()].map((sku) => sku.productId));
  const people = await namesOf(db, [
    ...docs.map((e) => e.staffOpenid),
    ...targetsOf(docs, 'person'),
    ...[...receipts.values()].map((r) => r.openid),
  ]);

  const storeName = (id: string): string => (id ? stores.get(id)?.name ?? '已删除的门店' : '');
  const label = (entry: StaffAuditDoc): string => {
    const { target } = entry;
    switch (kindOf(entry)) {
      case 'order':
        return `订单 ${target}`;
      case 'person':
        return personLabel(people.get(target));
      case 'member': {
        const member = membersByCard.get(target);
        return member ? personLabel({ nickname: member.nickname, maskedPhone: maskPhone(member.phone) }) : '未识别的会员码';
      }
      case 'receipt': {
        const receipt = receipts.get(receiptDocId(entry.storeId, target));
        return receipt ? `小票 ${target} · ${personLabel(people.get(receipt.openid))}` : `小票 ${target}`;
      }
      case 'coupon':
        return `券码 ${target}`;
      case 'product':
        return products.get(target) ? `商品「${products.get(target)!.name}」` : `商品 ${target}`;
      case 'sku': {
        const sku = skus.get(target);
        const product = sku ? skuProducts.get(sku.productId) : undefined;
        return sku ? `商品「${[product?.name, sku.name].filter(Boolean).join(' · ')}」` : `规格 ${target}`;
      }
      case 'category':
        return categories.get(target) ? `分类「${categories.get(target)!.name}」` : `分类 ${target}`;
      case 'couponTemplate':
        return templates.get(target)?.title ? `优惠券「${templates.get(target)!.title}」` : `优惠券 ${target}`;
      case 'export':
        // The target is the file's cloud fileID: not something to show.
        return '订单导出文件';
      case 'store':
        return stores.get(target)?.name ? `门店「${stores.get(target)!.name}」` : `门店 ${target}`;
      default:
        return target;
    }
  };
  const actorName = (openid: string): string => (openid === PAYMENT_AUDIT_ACTOR ? '系统' : people.get(openid)?.nickname ?? UNKNOWN_PERSON);

  return docs.map(({ _id, ...entry }) => ({
    id: _id,
    ...entry,
    staffName: actorName(entry.staffOpenid),
    storeName: storeName(entry.storeId),
    targetLabel: label(entry),
  }));
}

/** Member codes name the member by card number (`members.memberId`, unique index). */
async function membersByMemberId(db: Db, memberIds: string[]): Promise<Map<string, WithId<MemberDoc>>> {
  const ids = [...new Set(memberIds.filter((id) => id && id !== 'member'))];
  if (ids.length === 0) return new Map();
  const { data } = await db
    .collection<MemberDoc>(MemberCollections.members)
    .where({ memberId: db.command.in(ids) })
    .limit(ids.length)
    .get();
  return new Map(data.map((member) => [member.memberId, member]));
}
