import { DEFAULT_LOW_STOCK_THRESHOLD, MAX_LOW_STOCK_THRESHOLD } from '../../../core/contracts/stock';
import type { Db } from '../../db';
import { OrderCollections } from '../order/records';

export const STOCK_SETTINGS_ID = 'stock';

/** `settings/stock`: operator-editable stock settings. */
export interface StockSettingsDoc {
  /** A SKU with at most this many units is on the operators' low-stock list (default 10). */
  lowStockThreshold?: number;
}

/** `settings/stock`'s `lowStockThreshold` (0 – 100,000), else 10. */
export async function lowStockThreshold(db: Db): Promise<number> {
  const { data } = await db.collection<StockSettingsDoc>(OrderCollections.settings).doc(STOCK_SETTINGS_ID).get();
  const value = data[0]?.lowStockThreshold;
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_LOW_STOCK_THRESHOLD
    ? value
    : DEFAULT_LOW_STOCK_THRESHOLD;
}
