import { guideSettingsOf, type GuideSettings } from '../../../core/guide/rules';
import type { Db, Transaction } from '../../db';
import { GUIDE_SETTINGS_ID, GuideCollections } from './records';

type SettingsDoc = Partial<GuideSettings> & { updatedAt?: number; updatedBy?: string };

/** `settings/guide`, defaults filled in (3%, 30 days); read on every call, never cached. */
export async function loadGuideSettings(db: Db): Promise<GuideSettings> {
  const { data } = await db.collection<SettingsDoc>(GuideCollections.settings).doc(GUIDE_SETTINGS_ID).get();
  return guideSettingsOf(data[0]);
}

export async function readGuideSettingsInTx(tx: Transaction): Promise<GuideSettings> {
  return guideSettingsOf((await tx.collection<SettingsDoc>(GuideCollections.settings).doc(GUIDE_SETTINGS_ID).get()).data);
}

/** guide.saveSettings (operator): the whole settings document; a rate change applies to orders placed from now on (orders keep their snapshot). */
export async function saveGuideSettings(db: Db, operator: string, settings: GuideSettings, now: number): Promise<GuideSettings> {
  const doc: SettingsDoc = { commissionBps: settings.commissionBps, rebindDays: settings.rebindDays, updatedAt: now, updatedBy: operator };
  await db.collection<SettingsDoc>(GuideCollections.settings).doc(GUIDE_SETTINGS_ID).set(doc);
  return guideSettingsOf(doc);
}
