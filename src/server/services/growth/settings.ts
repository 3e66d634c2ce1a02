import { couponErrors } from '../../../core/coupon/errors';
import { inviteSettingsFrom, type InviteSettings } from '../../../core/growth/settings';
import type { Db, Transaction } from '../../db';
import type { ServiceDeps } from '../order/deps';
import { PromotionCollections } from '../promotion/records';
import { writeAudit } from '../staff/audit';
import { GrowthCollections, INVITE_SETTINGS_ID, type InviteSettingsDoc } from './records';

/** `settings/growth_invite`: the operators' reward settings (defaults until saved). */
export async function loadInviteSettings(db: Db): Promise<InviteSettings> {
  const { data } = await db.collection<InviteSettingsDoc>(GrowthCollections.settings).doc(INVITE_SETTINGS_ID).get();
  return inviteSettingsFrom(data[0]);
}

export async function loadInviteSettingsInTx(tx: Transaction): Promise<InviteSettings> {
  const { data } = await tx.collection<InviteSettingsDoc>(GrowthCollections.settings).doc(INVITE_SETTINGS_ID).get();
  return inviteSettingsFrom(data);
}

/** growth.saveSettings: the whole set at once; a coupon template must exist. Bindings already ordered keep the due time they got. */
export async function saveInviteSettings(deps: ServiceDeps, operator: string, settings: InviteSettings): Promise<InviteSettings> {
  for (const side of [settings.inviter, settings.invitee]) {
    if (!side.couponTemplateId) continue;
    const { data } = await deps.db.collection(PromotionCollections.templates).doc(side.couponTemplateId).get();
    if (!data[0]) throw couponErrors.templateNotFound(side.couponTemplateId);
  }
  const doc: InviteSettingsDoc = { ...settings, updatedAt: deps.now(), updatedBy: operator };
  await deps.db.collection<InviteSettingsDoc>(GrowthCollections.settings).doc(INVITE_SETTINGS_ID).set(doc);
  await writeAudit(deps.db, { staffOpenid: operator, storeId: '', action: 'saveInviteSettings', target: '邀请有礼', result: 'ok', at: deps.now() });
  return loadInviteSettings(deps.db);
}
