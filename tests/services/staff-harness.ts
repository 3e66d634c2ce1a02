/**
 * The shop most staff tests start from: the seeded shop (store-demo) plus a
 * second store, store-b. Not a test file itself.
 */
import { seedShop } from './order-harness';
import type { PromotionBench } from './promotion-harness';

export const STORE_A = 'store-demo';
export const STORE_B = 'store-b';

/** seedShop, plus store-b named 第二门店 (or with `storeB` as its document). */
export async function seedTwoStores(bench: PromotionBench, storeB: Record<string, unknown> = { name: '第二门店', address: '杭州市' }): Promise<void> {
  await seedShop(bench.db);
  await bench.db.collection('stores').doc(STORE_B).set(storeB);
}
