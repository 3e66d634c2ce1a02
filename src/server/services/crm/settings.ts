import { crmSettingsFrom, type CrmSettings, type CrmSettingsPatch } from '../../../core/crm/settings';
import type { Db, Transaction } from '../../db';
import { CRM_SETTINGS_ID, CrmCollections, RULE_TAGS_SETTINGS_ID, type RuleTagsDoc } from './records';

type StoredCrmSettings = CrmSettingsPatch & { updatedAt?: number; updatedBy?: string };

export async function loadCrmSettings(db: Db): Promise<CrmSettings> {
  const { data } = await db.collection<StoredCrmSettings>(CrmCollections.settings).doc(CRM_SETTINGS_ID).get();
  return crmSettingsFrom(data[0]);
}

export async function loadCrmSettingsInTx(tx: Transaction): Promise<CrmSettings> {
  const { data } = await tx.collection<StoredCrmSettings>(CrmCollections.settings).doc(CRM_SETTINGS_ID).get();
  return crmSettingsFrom(data);
}

export async function loadRuleTags(db: Db): Promise<RuleTagsDoc['tags']> {
  const { data } = await db.collection<RuleTagsDoc>(CrmCollections.settings).doc(RULE_TAGS_SETTINGS_ID).get();
  return data[0]?.tags ?? [];
}

export async function loadRuleTagsInTx(tx: Transaction): Promise<RuleTagsDoc['tags']> {
  const { data } = await tx.collection<RuleTagsDoc>(CrmCollections.settings).doc(RULE_TAGS_SETTINGS_ID).get();
  return data?.tags ?? [];
}
