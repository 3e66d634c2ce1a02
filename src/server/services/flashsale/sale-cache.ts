import { FlashSaleCollections, type FlashSale, type FlashSaleDoc } from '../../../core/flashsale/types';
import type { Db } from '../../db';
import { instanceCache, type InstanceCache } from '../../kit/instance-cache';
import { loadOne } from '../catalog/records';

/**
 * How long an instance answers buyers from the sale document it read (the
 * sold-out flag, times, limit, price): the hot path's only shared read.
 * What this instance writes to the sale (sold-out flag, edit, stop, settle,
 * a unit given back) is seen at once; another instance's change within this.
 */
export const SALE_CACHE_TTL_MS = 1_000;

const options = { collection: FlashSaleCollections.sales, ttlMs: SALE_CACHE_TTL_MS, maxEntries: 1_000 } as const;

function saleCache(db: Db): InstanceCache<FlashSale> {
  return instanceCache<FlashSale>(db, 'flash_sales', options);
}

/** The sale from the instance's cache (read when older than the TTL), or null when there is none (not cached). */
export function cachedSale(db: Db, saleId: string, now: number): Promise<FlashSale | null> {
  return saleCache(db).load(saleId, now, () => loadOne<FlashSaleDoc>(db, FlashSaleCollections.sales, saleId));
}

/** After writing sale `saleId` through this instance (the local engine also reports every write itself). */
export function forgetCachedSale(db: Db, saleId: string): void {
  saleCache(db).forget(saleId);
}
