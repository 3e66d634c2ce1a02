import type { Db } from '../../db';
import { seedHistory } from './history';
import { buildThenCopy } from './scratch';
import { memberSeed } from './members';
import { promotionSeed } from './promotions';
import { salesSeed } from './sales';
import { stockLedgerSeed } from './stock-ledger';
import { walletSeed } from './wallet';
import { mergeByCollection, type SeedDocuments } from './types';
import { DEMO_BANNERS, DEMO_CATEGORIES, DEMO_PRODUCTS, DEMO_USERS } from './catalog';
import { DEMO_STORES } from './stores';
import { demoBannerImage, demoImageFiles, demoProductDetailImage, demoProductImage } from './images';
import type { FileStorage } from '../../services/storage/port';
import { searchDocsOf, SEARCH_COLLECTION } from '../../services/catalog/search-index';

export { DEMO_STORE_ID } from './catalog';

export interface SeedResult {
  /** False when the data directory was seeded already (the `stores` collection has documents). */
  seeded: boolean;
  counts: Record<string, number>;
}


/**
 * Writes the demo shop when the `stores` collection is empty: built in a
 * scratch database, then written in one transaction (scratch.ts), so an
 * interrupted seed leaves nothing and the next start seeds again.
 */
export async function seedDemoData(db: Db, now: number, options: { storage?: FileStorage } = {}): Promise<SeedResult> {
  const { total } = await db.collection('stores').count();
  if (total > 0) return { seeded: false, counts: {} };

  // The images first: a document never points at a file that is not there yet.
  if (options.storage) for (const { path, svg } of demoImageFiles()) await options.storage.putFile(path, Buffer.from(svg), 'image/svg+xml');

  const documents = demoDocuments(now);
  const counts: Record<string, number> = {};
  await buildThenCopy(
    db,
    async (scratch) => {
      for (const [collection, docs] of Object.entries(documents)) {
        for (const { _id, ...data } of docs) await scratch.collection(collection).doc(_id).set(data);
        counts[collection] = docs.length;
      }
      const history = await seedHistory(scratch, now);
      counts.history_members = history.members;
      counts.history_orders = history.orders;
    },
    { last: 'stores' },
  );
  return { seeded: true, counts };
}

/** Each collection's documents as the seed leaves them (a later write of an `_id` replaces the earlier). */
function lastById(documents: SeedDocuments): SeedDocuments {
  const out: SeedDocuments = {};
  for (const [collection, docs] of Object.entries(documents)) out[collection] = [...new Map(docs.map((doc) => [doc._id, doc])).values()];
  return out;
}

/** Everything the seed writes; `stores` is the last key on purpose. */
export function demoDocuments(now: number): SeedDocuments {
  const { stores, ...shop } = shopDocuments(now);
  const merged = mergeByCollection(shop, memberSeed(now), promotionSeed(now), salesSeed(now), walletSeed(now));
  return { ...merged, ...stockLedgerSeed(lastById(merged), now), stores };
}

function shopDocuments(now: number): SeedDocuments {
  const products = DEMO_PRODUCTS.map((product, index) => ({
    _id: product.id,
    name: product.name,
    subtitle: product.subtitle,
    description: product.description,
    categoryId: product.categoryId,
    images: [demoProductImage(product.id)],
    detailImages: [demoProductDetailImage(product.id)],
    keywords: product.keywords ?? [],
    status: 'ON_SALE',
    sort: (index + 1) * 10,
    listPrice: product.listPrice,
    createdAt: now,
    updatedAt: now,
  }));
  const categoryName = (id: string) => DEMO_CATEGORIES.find((c) => c.id === id)?.name;
  const searchDocs = products.map((product) => searchDocsOf(product, categoryName(product.categoryId)));
  return {
    categories: DEMO_CATEGORIES.map((category, index) => ({
      _id: category.id,
      name: category.name,
      sort: (index + 1) * 10,
      createdAt: now,
    })),
    products: products.map((product, index) => ({ ...product, searchTerms: searchDocs[index].map((doc) => doc.term) })),
    [SEARCH_COLLECTION]: searchDocs.flat() as unknown as SeedDocuments[string],
    skus: DEMO_PRODUCTS.flatMap((product) =>
      product.skus.map((sku, index) => ({
        _id: `${product.id}-s${index + 1}`,
        productId: product.id,
        name: sku.name,
        price: sku.price,
        stock: sku.stock,
        sold: 0,
        sort: (index + 1) * 10,
        createdAt: now,
        updatedAt: now,
      })),
    ),
    banners: DEMO_BANNERS.map((banner, index) => ({
      _id: banner.id,
      title: banner.title,
      subtitle: banner.subtitle,
      image: demoBannerImage(banner.id),
      link: banner.link,
      sort: (index + 1) * 10,
      active: true,
      createdAt: now,
    })),
    users: DEMO_USERS.map((user) => ({ _id: user.openid, nickname: user.nickname, createdAt: now })),
    roles: DEMO_USERS.filter((user) => user.roles.length > 0).map((user) => ({
      _id: user.openid,
      roles: user.roles,
      staffStoreIds: user.staffStoreIds,
      updatedAt: now,
    })),
    stores: DEMO_STORES.map((store) => ({ ...store, createdAt: now, updatedAt: now })),
  };
}
