import { createHash } from 'crypto';
import { specKey, type ProductStatus, type SaveProductCommand, type SaveProductOutput } from '../../../core/contracts/catalog-admin';
import type { Transaction, WithId } from '../../db';
import { newId } from '../../kit/ids';
import { inputFingerprint, reusedKeyError } from '../../kit/input-fingerprint';
import type { ServiceDeps } from '../order/deps';
import { Refusal, refuse, transact } from '../order/transact';
import { moveStockInTx } from '../stock/ledger';
import { catalogAudit, writeCatalogAuditInTx } from './admin-audit';
import { catalogAdminErrors } from './admin-errors';
import { CatalogCollections, type CategoryDoc, type ProductDoc, type SkuDoc } from './records';
import { syncSearchInTx } from './search-index';

export const SAVE_PRODUCT_SCOPE = 'catalog.saveProduct';
const OFF_SALE: ProductStatus = 'OFF_SALE';
/** The name of a SKU without spec values (a product sold in one kind). */
export const PLAIN_SKU_NAME = '默认规格';

/** A product created with a requestId: one per (operator, requestId), so a double tap finds the first. */
export function createdProductId(operator: string, requestId: string): string {
  return `p_${createHash('sha256').update(`${operator}\n${requestId}`).digest('hex').slice(0, 24)}`;
}

/** A new SKU's id: from its product and spec, so a re-run (or a replayed create) names it the same. */
function newSkuId(productId: string, spec: Record<string, string>, taken: ReadonlySet<string>): string {
  const base = `${productId}-${createHash('sha256').update(specKey(spec)).digest('hex').slice(0, 10)}`;
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  return id;
}

export const skuNameOf = (spec: Record<string, string>, specNames: readonly string[]): string =>
  specNames.map((name) => spec[name]).filter(Boolean).join(' / ') || PLAIN_SKU_NAME;

interface StoredProduct extends ProductDoc {
  /** Every SKU the product ever had (removed ones stay, off sale). */
  skuIds?: string[];
  /** The SKU ids answered to the creating request. */
  createdSkuIds?: string[];
}

/**
 * Creates (no productId) or edits a product and its SKUs in one transaction,
 * with the audit entry. A new product starts OFF_SALE. Stock goes through the
 * ledger: a new SKU's stock is its 'initial' entry, a changed one an 'edit'
 * entry of the difference. A SKU left out is kept off sale (orders name it).
 * Prices change for new orders only: orders keep the unit price they were placed at.
 */
export async function saveProduct(deps: ServiceDeps, operator: string, input: SaveProductCommand): Promise<SaveProductOutput> {
  const now = deps.now();
  const creating = input.productId === undefined;
  const productId = input.productId ?? (input.requestId ? createdProductId(operator, input.requestId) : newId('p', now));
  const fingerprint = creating ? inputFingerprint(SAVE_PRODUCT_SCOPE, operator, input) : undefined;
  // Seeded products predate `skuIds`: their SKUs are found by query, outside the transaction.
  const queried = creating ? [] : await skuIdsByQuery(deps, productId);
  const audit = catalogAudit(operator, 'saveProduct', productId, now);
  const specNames = Object.keys(input.skus[0]?.spec ?? {});

  return transact(deps.db, async (tx): Promise<SaveProductOutput | Refusal> => {
    const productRef = tx.collection<StoredProduct>(CatalogCollections.products).doc(productId);
    const existing = (await productRef.get()).data;
    if (creating && existing) {
      const reused = reusedKeyError(existing.inputHash, fingerprint!);
      return reused ? refuse(reused) : { productId, skuIds: existing.createdSkuIds ?? [] };
    }
    if (!creating && !existing) return refuse(catalogAdminErrors.productNotFound(productId));
    const category = (await tx.collection<CategoryDoc>(CatalogCollections.categories).doc(input.categoryId).get()).data;
    if (!category) return refuse(catalogAdminErrors.categoryNotFound(input.categoryId));

    const knownIds = [...new Set([...(existing?.skuIds ?? []), ...queried])];
    const current = new Map<string, SkuDoc>();
    for (const skuId of knownIds) {
      const sku = (await tx.collection<SkuDoc>(CatalogCollections.skus).doc(skuId).get()).data;
      if (sku && sku.productId === productId) current.set(skuId, sku);
    }
    const plan = planSkus(productId, input, current);
    if (plan instanceof Refusal) return plan;

    const revision = (existing?.revision ?? 0) + 1;
    const stockRef = `${productId}:r${revision}`;
    const _ = deps.db.command;
    for (const [index, { skuId, sku }] of plan.entries()) {
      const before = current.get(skuId);
      const fields = {
        productId,
        name: skuNameOf(sku.spec, specNames),
        price: sku.priceFen,
        sort: (index + 1) * 10,
        offSale: false,
        updatedAt: now,
      };
      const skuRef = tx.collection<SkuDoc>(CatalogCollections.skus).doc(skuId);
      if (before) {
        // A nested object in an update merges field by field: `_.set` replaces the spec whole.
        await skuRef.update({ ...fields, spec: _.set(sku.spec), listPrice: sku.listPriceFen ?? _.remove() });
        const delta = sku.stock - before.stock;
        if (delta !== 0) await moveStockInTx(tx, _, { skuId, productId, delta, kind: 'edit', refId: stockRef, reason: '编辑商品', by: operator, at: now });
      } else {
        const created: SkuDoc = { ...fields, spec: sku.spec, stock: 0, sold: 0 };
        if (sku.listPriceFen !== undefined) created.listPrice = sku.listPriceFen;
        await skuRef.set(created);
        if (sku.stock > 0) await moveStockInTx(tx, _, { skuId, productId, delta: sku.stock, kind: 'initial', refId: productId, reason: '新建规格', by: operator, at: now });
      }
    }
    const keptSkus = new Set(plan.map((p) => p.skuId));
    for (const [skuId, sku] of current) {
      if (!keptSkus.has(skuId) && sku.offSale !== true) {
        await tx.collection<SkuDoc>(CatalogCollections.skus).doc(skuId).update({ offSale: true, updatedAt: now });
      }
    }

    const skuIds = plan.map((p) => p.skuId);
    const cheapest = plan.reduce((a, b) => (b.sku.priceFen < a.sku.priceFen ? b : a));
    // Fields this form does not manage (set by other tools or later issues) are kept.
    const { _id: _ignored, ...unmanaged } = (existing ?? {}) as StoredProduct & { _id?: string };
    const product: StoredProduct = {
      ...unmanaged,
      name: input.name,
      subtitle: existing?.subtitle ?? '',
      categoryId: input.categoryId,
      images: input.images,
      description: input.detail ?? '',
      detailImages: input.detailImages ?? [],
      specNames,
      status: existing?.status ?? OFF_SALE,
      sort: existing?.sort ?? 0,
      listPrice: cheapest.sku.listPriceFen ?? 0,
      revision,
      skuIds: [...new Set([...knownIds, ...skuIds])],
      createdBy: existing?.createdBy ?? operator,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    if (creating) {
      product.inputHash = fingerprint;
      product.createdSkuIds = skuIds;
    }
    product.searchTerms = await syncSearchInTx(tx, { ...product, _id: productId, searchTerms: existing?.searchTerms }, category.name);
    await productRef.set(product);
    await writeCatalogAuditInTx(tx, audit, 'ok', `${creating ? '新建' : '编辑'}商品「${input.name}」`);
    return { productId, skuIds };
  });
}

type PlannedSku = { skuId: string; sku: SaveProductCommand['skus'][number] };

/**
 * Which stored SKU each input SKU is: its skuId (which must be the product's),
 * else a stored SKU with the same spec (a removed one comes back), else a new id.
 */
function planSkus(productId: string, input: SaveProductCommand, current: Map<string, SkuDoc>): PlannedSku[] | Refusal {
  const bySpec = new Map<string, string>();
  for (const [skuId, sku] of current) bySpec.set(specKey(sku.spec ?? {}), skuId);
  const claimed = new Set(input.skus.flatMap((sku) => (sku.skuId ? [sku.skuId] : [])));
  for (const skuId of claimed) if (!current.has(skuId)) return refuse(catalogAdminErrors.skuNotOfProduct(skuId));
  const taken = new Set([...current.keys()]);
  const used = new Set<string>(claimed);
  return input.skus.map((sku) => {
    if (sku.skuId) return { skuId: sku.skuId, sku };
    const match = bySpec.get(specKey(sku.spec));
    if (match && !used.has(match)) {
      used.add(match);
      return { skuId: match, sku };
    }
    const skuId = newSkuId(productId, sku.spec, taken);
    taken.add(skuId);
    used.add(skuId);
    return { skuId, sku };
  });
}

async function skuIdsByQuery(deps: ServiceDeps, productId: string): Promise<string[]> {
  const { data } = await deps.db.collection<SkuDoc>(CatalogCollections.skus).where({ productId }).limit(1000).get();
  return data.map((sku: WithId<SkuDoc>) => sku._id);
}

/** Publishes (ON_SALE) or unpublishes (OFF_SALE) a product; setting the status it has changes nothing but is audited. */
export async function setProductStatus(
  deps: ServiceDeps,
  operator: string,
  input: { productId: string; status: ProductStatus },
): Promise<{ productId: string; status: ProductStatus }> {
  const now = deps.now();
  const audit = catalogAudit(operator, 'setProductStatus', input.productId, now);
  return transact(deps.db, async (tx: Transaction) => {
    const ref = tx.collection<ProductDoc>(CatalogCollections.products).doc(input.productId);
    const product = (await ref.get()).data;
    if (!product) return refuse(catalogAdminErrors.productNotFound(input.productId));
    const changed = product.status !== input.status;
    if (changed) {
      const category = (await tx.collection<CategoryDoc>(CatalogCollections.categories).doc(product.categoryId).get()).data;
      const searchTerms = await syncSearchInTx(tx, { ...product, _id: input.productId, status: input.status }, category?.name);
      await ref.update({ status: input.status, searchTerms, updatedAt: now });
    }
    await writeCatalogAuditInTx(tx, audit, changed ? 'ok' : 'unchanged', `${input.status === 'ON_SALE' ? '上架' : '下架'}商品「${product.name}」`);
    return { productId: input.productId, status: input.status };
  });
}
