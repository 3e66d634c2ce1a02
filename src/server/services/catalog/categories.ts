import { createHash } from 'crypto';
import type { OpsCategoryView, SaveCategoryCommand } from '../../../core/contracts/catalog-admin';
import type { Db, WithId } from '../../db';
import { newId } from '../../kit/ids';
import { inputFingerprint, reusedKeyError } from '../../kit/input-fingerprint';
import type { ServiceDeps } from '../order/deps';
import { refuse, transact } from '../order/transact';
import { catalogAudit, writeCatalogAuditInTx } from './admin-audit';
import { catalogAdminErrors } from './admin-errors';
import { CatalogCollections, type CategoryDoc, type ProductDoc } from './records';

/** As the customers' category list: a shop has tens of categories. */
const MAX_CATEGORIES = 200;
const SORT_STEP = 10;
export const SAVE_CATEGORY_SCOPE = 'catalog.saveCategory';

interface StoredCategory extends CategoryDoc {
  inputHash?: string;
  createdAt?: number;
  updatedAt?: number;
}

export const createdCategoryId = (operator: string, requestId: string): string =>
  `cat_${createHash('sha256').update(`${operator}\n${requestId}`).digest('hex').slice(0, 20)}`;

async function allCategories(db: Db): Promise<Array<WithId<StoredCategory>>> {
  const { data } = await db.collection<StoredCategory>(CatalogCollections.categories).orderBy('sort', 'asc').limit(MAX_CATEGORIES).get();
  return data.sort((a, b) => (a.sort ?? 0) - (b.sort ?? 0) || a._id.localeCompare(b._id));
}

/** Categories in their order, with how many products each holds (on sale or not). */
export async function opsCategories(db: Db): Promise<OpsCategoryView[]> {
  const categories = await allCategories(db);
  const products = db.collection<ProductDoc>(CatalogCollections.products);
  const counts = await Promise.all(categories.map((c) => products.where({ categoryId: c._id }).count()));
  return categories.map((c, i) => ({ categoryId: c._id, name: c.name, sort: c.sort ?? 0, icon: c.icon ?? null, productCount: counts[i]!.total }));
}

/** Creates (last in order) or renames a category. A requestId makes a double tap create one. */
export async function saveCategory(deps: ServiceDeps, operator: string, input: SaveCategoryCommand): Promise<{ categoryId: string }> {
  const now = deps.now();
  const creating = input.categoryId === undefined;
  const categoryId = input.categoryId ?? (input.requestId ? createdCategoryId(operator, input.requestId) : newId('cat', now));
  const fingerprint = inputFingerprint(SAVE_CATEGORY_SCOPE, operator, input);
  const lastSort = creating ? ((await allCategories(deps.db)).at(-1)?.sort ?? 0) : 0;
  const audit = catalogAudit(operator, 'saveCategory', categoryId, now);

  return transact(deps.db, async (tx) => {
    const ref = tx.collection<StoredCategory>(CatalogCollections.categories).doc(categoryId);
    const existing = (await ref.get()).data;
    if (creating && existing) {
      const reused = reusedKeyError(existing.inputHash, fingerprint);
      return reused ? refuse(reused) : { categoryId };
    }
    if (!creating && !existing) return refuse(catalogAdminErrors.categoryNotFound(categoryId));
    if (existing) {
      await ref.update({ name: input.name, ...(input.icon !== undefined ? { icon: input.icon } : {}), updatedAt: now });
    } else {
      const doc: StoredCategory = { name: input.name, sort: lastSort + SORT_STEP, inputHash: fingerprint, createdAt: now, updatedAt: now };
      if (input.icon !== undefined) doc.icon = input.icon;
      await ref.set(doc);
    }
    await writeCatalogAuditInTx(tx, audit, 'ok', `${creating ? '新建' : '修改'}分类「${input.name}」`);
    return { categoryId };
  });
}

/**
 * Puts the categories in the given order (sort 10, 20, …); categories not
 * named keep their relative order after them. An unknown id is CATEGORY_NOT_FOUND.
 */
export async function sortCategories(deps: ServiceDeps, operator: string, categoryIds: string[]): Promise<{ categoryIds: string[] }> {
  const now = deps.now();
  const current = await allCategories(deps.db);
  const known = new Set(current.map((c) => c._id));
  const unknown = categoryIds.find((id) => !known.has(id));
  if (unknown) throw catalogAdminErrors.categoryNotFound(unknown);
  const named = new Set(categoryIds);
  const order = [...categoryIds, ...current.map((c) => c._id).filter((id) => !named.has(id))];
  const audit = catalogAudit(operator, 'sortCategories', '', now);

  await transact(deps.db, async (tx) => {
    for (const [index, id] of order.entries()) {
      const ref = tx.collection<StoredCategory>(CatalogCollections.categories).doc(id);
      if (!(await ref.get()).data) return refuse(catalogAdminErrors.categoryNotFound(id));
      await ref.update({ sort: (index + 1) * SORT_STEP, updatedAt: now });
    }
    await writeCatalogAuditInTx(tx, audit, 'ok', `调整分类顺序（${order.length} 个）`);
    return null;
  });
  return { categoryIds: order };
}
