import { DEFAULT_FLASH_SALE_PAYMENT_MINUTES } from '../../../core/contracts/flashsale';
import { flashSaleErrors } from '../../../core/flashsale/errors';
import { MAX_PAYMENT_MINUTES } from '../../../core/flashsale/validate';
import {
  FlashSaleCollections,
  type FlashSale,
  type FlashSaleDoc,
  type FlashSaleShard,
  type FlashSaleShardDoc,
} from '../../../core/flashsale/types';
import type { Db } from '../../db';
import { loadOne } from '../catalog/records';
import type { ServiceDeps } from '../order/deps';
import { OrderCollections } from '../order/records';

/** CloudBase answers at most 1000 documents a query: 31 sales × 32 shards stay below. */
const SALES_PER_SHARD_QUERY = 31;

export async function loadSale(db: Db, saleId: string): Promise<FlashSale> {
  const sale = await loadOne<FlashSaleDoc>(db, FlashSaleCollections.sales, saleId);
  if (!sale) throw flashSaleErrors.notFound(saleId);
  return sale;
}

/** The shards of the given sales, grouped by sale id. */
export async function loadShards(db: Db, saleIds: readonly string[]): Promise<Map<string, FlashSaleShard[]>> {
  const bySale = new Map<string, FlashSaleShard[]>(saleIds.map((id) => [id, []]));
  for (let start = 0; start < saleIds.length; start += SALES_PER_SHARD_QUERY) {
    const chunk = saleIds.slice(start, start + SALES_PER_SHARD_QUERY);
    const { data } = await db
      .collection<FlashSaleShardDoc>(FlashSaleCollections.shards)
      .where({ saleId: db.command.in(chunk) })
      .limit(1000)
      .get();
    for (const shard of data) bySale.get(shard.saleId)?.push(shard);
  }
  for (const shards of bySale.values()) shards.sort((a, b) => a.shard - b.shard);
  return bySale;
}

/** `settings/flashsale`: operator-editable defaults of flash sales. */
export interface FlashSaleSettingsDoc {
  paymentMinutes?: number;
}

/**
 * Minutes a flash-sale order waits for payment when the sale names none:
 * `settings/flashsale.paymentMinutes`, else env SIYU_FLASHSALE_PAY_MINUTES, else 5.
 */
export async function defaultPaymentMinutes(deps: ServiceDeps, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const settings = await loadOne<FlashSaleSettingsDoc>(deps.db, OrderCollections.settings, 'flashsale');
  const candidates = [settings?.paymentMinutes, env.SIYU_FLASHSALE_PAY_MINUTES === undefined ? undefined : Number(env.SIYU_FLASHSALE_PAY_MINUTES)];
  for (const value of candidates) {
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 && value <= MAX_PAYMENT_MINUTES) return value;
  }
  return DEFAULT_FLASH_SALE_PAYMENT_MINUTES;
}
