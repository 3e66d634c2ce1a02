import type { ActivityDoc } from '../../../core/groupbuy/types';
import { DEMO_PRODUCTS } from './catalog';
import { demoProductImage } from './images';
import type { SeedDocuments } from './types';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

type Terms = Omit<ActivityDoc, 'productId' | 'productName' | 'skuName' | 'image' | 'skuId' | 'stoppedAt' | 'createdBy' | 'createdAt' | 'updatedAt'>;

/** An activity on the demo catalog's `<productId>-s<n>` SKU, with its names and image as the catalog seed writes them. */
function activity(_id: string, productId: string, skuIndex: number, terms: Terms, now: number): SeedDocuments[string][number] {
  const product = DEMO_PRODUCTS.find((p) => p.id === productId);
  const sku = product?.skus[skuIndex];
  if (!product || !sku) throw new Error(`group-buy seed: no SKU ${skuIndex + 1} of ${productId}`);
  const doc: ActivityDoc = {
    ...terms,
    skuId: `${productId}-s${skuIndex + 1}`,
    productId,
    productName: product.name,
    skuName: sku.name,
    image: demoProductImage(productId),
    stoppedAt: null,
    createdBy: 'demo-operator',
    createdAt: now,
    updatedAt: now,
  };
  return { _id, ...doc };
}

/** Demo 拼团 activities: two running (one completes virtually), one scheduled. No groups: customers open them. */
export function groupBuySeed(now: number): SeedDocuments {
  return {
    groupbuy_activities: [
      activity(
        'gba-demo-strawberry',
        'p-fresh-strawberry',
        0,
        {
          title: '丹东草莓 3 人团',
          groupPrice: 3990,
          groupSize: 3,
          timeLimitMinutes: 24 * 60,
          perMemberLimit: 2,
          leaderDiscount: { type: 'fen', amount: 500 },
          virtualCompletion: false,
          startAt: now - HOUR_MS,
          endAt: now + 7 * DAY_MS,
        },
        now,
      ),
      activity(
        'gba-demo-nuts',
        'p-snack-nuts',
        0,
        {
          title: '每日坚果 2 人团 · 1 小时成团',
          groupPrice: 2990,
          groupSize: 2,
          timeLimitMinutes: 60,
          perMemberLimit: 3,
          leaderDiscount: { type: 'bps', bps: 1000 },
          virtualCompletion: true,
          startAt: now - HOUR_MS,
          endAt: now + 14 * DAY_MS,
        },
        now,
      ),
      activity(
        'gba-demo-candle',
        'p-home-candle',
        0,
        {
          title: '',
          groupPrice: 6900,
          groupSize: 5,
          timeLimitMinutes: 48 * 60,
          perMemberLimit: 1,
          leaderDiscount: null,
          virtualCompletion: false,
          startAt: now + 2 * DAY_MS,
          endAt: now + 9 * DAY_MS,
        },
        now,
      ),
    ],
  };
}
