// Namespace import keeps esbuild from bundling every zod locale (see system.ts).
import * as z from 'zod';
import type { Fen } from '../money';
import { FenAmount, Id, RequestId, SingleLineText, MultiLineText } from './fields';

/**
 * Contracts of the operator's catalog actions (商品与分类): products with
 * their SKUs, and categories. Shape rules (non-empty names, images, SKUs,
 * unique spec combinations, price ranges) are zod refinements, so a refusal
 * is INVALID_ARGUMENT with `details.fields[].path` (`skus.1.priceFen`) and a
 * `reason` the form maps to its rows. Existence (CATEGORY_NOT_FOUND,
 * PRODUCT_NOT_FOUND) is checked by the service.
 */

export const MAX_PRODUCT_IMAGES = 9;
export const MAX_DETAIL_IMAGES = 20;
export const MAX_SKUS = 100;
export const MAX_SPEC_NAMES = 3;
export const MAX_STOCK = 9_999_999;
export const PRODUCT_NAME_MAX = 60;
export const SPEC_NAME_MAX = 10;
export const SPEC_VALUE_MAX = 20;
export const CATEGORY_NAME_MAX = 20;

export const PRODUCT_STATUSES = ['ON_SALE', 'OFF_SALE'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export const CatalogAdminReason = {
  DuplicateSpec: 'DUPLICATE_SPEC',
  SpecMismatch: 'SPEC_MISMATCH',
  ListPriceBelowPrice: 'LIST_PRICE_BELOW_PRICE',
  PriceNotPositive: 'PRICE_NOT_POSITIVE',
  InvalidImage: 'INVALID_IMAGE',
} as const;

/** A cloud fileID (`cloud://…`), a path of the app (`/assets/…`) or an https URL: what CloudImage shows. */
const IMAGE_REF = /^(cloud:\/\/\S+|\/\S+|https:\/\/\S+)$/;
export const ImageRef = SingleLineText(500, 1).refine((v) => IMAGE_REF.test(v), {
  message: '图片地址无效，请重新上传',
  params: { reason: CatalogAdminReason.InvalidImage },
});

const SpecName = SingleLineText(SPEC_NAME_MAX, 1);
const SpecValue = SingleLineText(SPEC_VALUE_MAX, 1);

export const SkuInput = z.object({
  /** An existing SKU of the product; absent for a new one (matched by its spec when one had it before). */
  skuId: Id.optional(),
  /** Spec name → value, e.g. { 颜色: '红色', 规格: '大杯' }; `{}` for a product with one plain SKU. */
  spec: z.record(SpecName, SpecValue),
  priceFen: FenAmount,
  listPriceFen: FenAmount.optional(),
  stock: z.number().int().min(0, '库存不能小于 0').max(MAX_STOCK, `库存最多 ${MAX_STOCK}`),
});

/** The key of a spec combination, independent of key order. */
export function specKey(spec: Record<string, string>): string {
  return JSON.stringify(Object.keys(spec).sort().map((name) => [name, spec[name]]));
}

export const SaveProductInput = z
  .object({
    productId: Id.optional(),
    /** Creation only: one per operator intent, so a double tap creates one product. */
    requestId: RequestId.optional(),
    name: SingleLineText(PRODUCT_NAME_MAX, 1),
    categoryId: Id,
    images: z.array(ImageRef).min(1, '请至少上传一张商品图片').max(MAX_PRODUCT_IMAGES, `商品图片最多 ${MAX_PRODUCT_IMAGES} 张`),
    detail: MultiLineText(5000).optional(),
    detailImages: z.array(ImageRef).max(MAX_DETAIL_IMAGES, `详情图片最多 ${MAX_DETAIL_IMAGES} 张`).optional(),
    skus: z.array(SkuInput).min(1, '请至少添加一个规格').max(MAX_SKUS, `规格最多 ${MAX_SKUS} 个`),
  })
  .superRefine((input, ctx) => {
    const names = input.skus[0] ? Object.keys(input.skus[0].spec).sort() : [];
    if (names.length > MAX_SPEC_NAMES) {
      ctx.addIssue({ code: 'custom', path: ['skus', 0, 'spec'], message: `规格项最多 ${MAX_SPEC_NAMES} 个` });
    }
    const seen = new Set<string>();
    const seenIds = new Set<string>();
    input.skus.forEach((sku, index) => {
      if (sku.skuId !== undefined) {
        if (seenIds.has(sku.skuId)) ctx.addIssue({ code: 'custom', path: ['skus', index, 'skuId'], message: '规格重复', params: { reason: CatalogAdminReason.DuplicateSpec } });
        seenIds.add(sku.skuId);
      }
      if (sku.priceFen <= 0) {
        ctx.addIssue({ code: 'custom', path: ['skus', index, 'priceFen'], message: '售价必须大于 0', params: { reason: CatalogAdminReason.PriceNotPositive } });
      }
      if (sku.listPriceFen !== undefined && sku.listPriceFen < sku.priceFen) {
        ctx.addIssue({ code: 'custom', path: ['skus', index, 'listPriceFen'], message: '划线价不能低于售价', params: { reason: CatalogAdminReason.ListPriceBelowPrice } });
      }
      if (Object.keys(sku.spec).sort().join('\n') !== names.join('\n')) {
        ctx.addIssue({ code: 'custom', path: ['skus', index, 'spec'], message: '每个规格须填写相同的规格项', params: { reason: CatalogAdminReason.SpecMismatch } });
      }
      const key = specKey(sku.spec);
      if (seen.has(key)) {
        ctx.addIssue({ code: 'custom', path: ['skus', index, 'spec'], message: '规格组合重复', params: { reason: CatalogAdminReason.DuplicateSpec } });
      }
      seen.add(key);
    });
  });

export const SetProductStatusInput = z.object({ productId: Id, status: z.enum(PRODUCT_STATUSES) });

export const OpsProductsInput = z.object({
  /** One status, or every product when absent (全部). */
  status: z.enum(PRODUCT_STATUSES).optional(),
  /** Part of the product name. */
  keyword: SingleLineText(PRODUCT_NAME_MAX).optional(),
  page: z.number().int().min(0).max(1000).default(0),
  pageSize: z.number().int().min(1).max(50).default(20),
});

export const OpsProductInput = z.object({ productId: Id });

export const SaveCategoryInput = z.object({
  categoryId: Id.optional(),
  /** Creation only: a double tap creates one category. */
  requestId: RequestId.optional(),
  name: SingleLineText(CATEGORY_NAME_MAX, 1),
  icon: ImageRef.optional(),
});

/** Every category id in its new order (ids left out keep their order, after these). */
export const SortCategoriesInput = z.object({
  categoryIds: z
    .array(Id)
    .min(1)
    .max(200)
    .refine((ids) => new Set(ids).size === ids.length, '分类重复'),
});

export const OpsCategoriesInput = z.object({});

/** Operator actions of the `catalog` function (all `roles: ['operator']`). */
export const catalogAdminContracts = {
  saveProduct: { input: SaveProductInput },
  setProductStatus: { input: SetProductStatusInput },
  opsProducts: { input: OpsProductsInput },
  opsProduct: { input: OpsProductInput },
  saveCategory: { input: SaveCategoryInput },
  sortCategories: { input: SortCategoriesInput },
  opsCategories: { input: OpsCategoriesInput },
};

export const CatalogAdminErrorCode = {
  CategoryNotFound: 'CATEGORY_NOT_FOUND',
  ProductNotFound: 'PRODUCT_NOT_FOUND',
} as const;

export interface SaveProductOutput {
  productId: string;
  /** The product's SKUs on sale, in the order given. */
  skuIds: string[];
}

export interface OpsProductRow {
  productId: string;
  name: string;
  image: string | null;
  status: ProductStatus;
  categoryName: string;
  minPriceFen: Fen;
  maxPriceFen: Fen;
  totalStock: number;
  skuCount: number;
  updatedAt: number;
}

export interface OpsProductPage {
  items: OpsProductRow[];
  page: number;
  pageSize: number;
  hasMore: boolean;
  /** Products per tab (before the keyword). */
  counts: { ON_SALE: number; OFF_SALE: number; all: number };
}

export interface OpsSkuView {
  skuId: string;
  spec: Record<string, string>;
  priceFen: Fen;
  listPriceFen: Fen | null;
  stock: number;
  sold: number;
}

export interface OpsProductView {
  productId: string;
  name: string;
  categoryId: string;
  images: string[];
  detail: string;
  detailImages: string[];
  status: ProductStatus;
  /** The spec names in the operator's order (颜色, 规格). */
  specNames: string[];
  /** SKUs on sale (a removed SKU is kept off sale for the orders that name it, and not shown). */
  skus: OpsSkuView[];
  updatedAt: number;
}

export interface OpsCategoryView {
  categoryId: string;
  name: string;
  sort: number;
  icon: string | null;
  productCount: number;
}

export interface CatalogAdminOutputs {
  saveProduct: SaveProductOutput;
  setProductStatus: { productId: string; status: ProductStatus };
  opsProducts: OpsProductPage;
  opsProduct: OpsProductView;
  saveCategory: { categoryId: string };
  sortCategories: { categoryIds: string[] };
  opsCategories: OpsCategoryView[];
}

export type SaveProductInput = z.input<typeof SaveProductInput>;
export type SaveProductCommand = z.output<typeof SaveProductInput>;
export type SkuInput = z.input<typeof SkuInput>;
export type SaveCategoryCommand = z.output<typeof SaveCategoryInput>;
