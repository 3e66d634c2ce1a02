import type { Db, Transaction } from '../../db';
import { loadTiers, loadTiersInTx } from '../member/settings';
import type { DeriveContext } from './derive';
import { loadCrmSettings, loadCrmSettingsInTx, loadRuleTags, loadRuleTagsInTx } from './settings';

/** Settings, tiers and rule tags, read in the caller's transaction (3 reads). */
export async function deriveContextInTx(tx: Transaction, now: number): Promise<DeriveContext> {
  const [settings, tiers, ruleTags] = [await loadCrmSettingsInTx(tx), await loadTiersInTx(tx), await loadRuleTagsInTx(tx)];
  return { settings, tiers, ruleTags, now };
}

/** The same, outside a transaction: once per chunk of a re-score or rebuild. */
export async function deriveContext(db: Db, now: number): Promise<DeriveContext> {
  const [settings, tiers, ruleTags] = await Promise.all([loadCrmSettings(db), loadTiers(db), loadRuleTags(db)]);
  return { settings, tiers, ruleTags, now };
}
