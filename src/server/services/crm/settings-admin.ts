import type { CrmSettings } from '../../../core/crm/settings';
import type { ServiceDeps } from '../order/deps';
import { writeAudit } from '../staff/audit';
import { CRM_SETTINGS_ID, CrmCollections } from './records';
import { requestRescore } from './rescore';
import { loadCrmSettings } from './settings';

/** crm.saveSettings: the whole definition set at once; every member is re-scored by the next timer runs. */
export async function saveCrmSettings(deps: ServiceDeps, operator: string, settings: CrmSettings): Promise<CrmSettings> {
  const now = deps.now();
  await deps.db.collection(CrmCollections.settings).doc(CRM_SETTINGS_ID).set({ ...settings, updatedAt: now, updatedBy: operator });
  await requestRescore(deps.db);
  await writeAudit(deps.db, { staffOpenid: operator, storeId: '', action: 'saveCrmSettings', target: '会员分层', result: 'ok', at: now });
  return loadCrmSettings(deps.db);
}
