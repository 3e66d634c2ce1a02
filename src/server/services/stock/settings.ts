import { DEFAULT_LOW_STOCK_THRESHOLD, MAX_LOW_STOCK_THRESHOLD } from '../../../core/contracts/stock';
import type { Db, Transaction } from '../../db';
import { OrderCollections } from '../order/records';

export const STOCK_SETTINGS_ID = 'stock';

/** `settings/stock`: operator-editable stock settings. */
export interface StockSettingsDoc {
  /** A SKU with at most this many units is on the operators' low-stock list (default 10). */
  lowStockThreshold?: number;
  updatedAt?: number;
  updatedBy?: string;
}

export interface StockSettings {
  lowStockThreshold: number;
}

/**
 * `settings/stock`'s `lowStockThreshold` (0 – 100,000), else 10. Read on every
 * call, never cached: an operator's change applies to the next list.
 */
export async function lowStockThreshold(db: Db): Promise<number> {
  const { data } = await db.collection<StockSettingsDoc>(OrderCollections.settings).doc(STOCK_SETTINGS_ID).get();
  return stockSettingsFrom(data[0]).lowStockThreshold;
}

export async function loadStockSettingsInTx(tx: Transaction): Promise<StockSettings> {
  const { data } = await tx.collection<StockSettingsDoc>(OrderCollections.settings).doc(STOCK_SETTINGS_ID).get();
  return stockSettingsFrom(data);
}

/** Writes the operator's (validated) values; fields not given keep their stored value. */
export async function writeStockSettingsInTx(tx: Transaction, patch: Partial<StockSettings>, by: string, at: number): Promise<void> {
  const ref = tx.collection<StockSettingsDoc>(OrderCollections.settings).doc(STOCK_SETTINGS_ID);
  const { data } = await ref.get();
  const { _id: _ignored, ...kept } = (data ?? {}) as StockSettingsDoc & { _id?: string };
  await ref.set({ ...kept, ...patch, updatedAt: at, updatedBy: by });
}

function stockSettingsFrom(doc: StockSettingsDoc | null | undefined): StockSettings {
  const value = doc?.lowStockThreshold;
  return {
    lowStockThreshold:
      typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_LOW_STOCK_THRESHOLD
        ? value
        : DEFAULT_LOW_STOCK_THRESHOLD,
  };
}
