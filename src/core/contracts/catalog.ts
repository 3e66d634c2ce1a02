// Namespace import keeps esbuild from bundling every zod locale (see system.ts).
import * as z from 'zod';
import type { Fen } from '../money';
import type { PickupStoreView } from '../pickup/store';
import { Id } from './fields';
import { catalogAdminContracts, type CatalogAdminOutputs } from './catalog-admin';
import { stockContracts, type StockOutputs } from './stock';

export * from './catalog-admin';
export * from './stock';

/** Contracts of the `catalog` function: what a customer browses. */

const Page = z.number().int().min(0).max(1000).default(0);

export const CategoriesInput = z.object({});
export const ListProductsInput = z.object({
  /** Only this category; all categories when absent. */
  categoryId: Id.optional(),
  page: Page,
  pageSize: z.number().int().min(1).max(50).default(20),
});
export const ProductDetailInput = z.object({ productId: Id });
/** Search words as typed: trimmed; at most 30 characters are used (core/catalog/search.ts). */
const SearchText = z.string().trim().min(1, '请输入要搜索的商品').max(60, '搜索词太长了');
export const SearchProductsInput = z.object({
  q: SearchText,
  page: z.number().int().min(0).max(50).default(0),
  pageSize: z.number().int().min(1).max(40).default(20),
});
export const SearchSuggestInput = z.object({ q: SearchText });
export const HomeInput = z.object({});
/** The stores that take pickup orders (the store picker at checkout, group-buys, flash sales, the points mall). */
export const PickupStoresInput = z.object({});

/** Actions a client may call: `contracts.catalog`. */
export const catalogContracts = {
  categories: { input: CategoriesInput },
  listProducts: { input: ListProductsInput },
  productDetail: { input: ProductDetailInput },
  /** Product name and keyword search (an indexed read, on-sale products only). */
  searchProducts: { input: SearchProductsInput },
  /** Product names while typing. */
  searchSuggest: { input: SearchSuggestInput },
  home: { input: HomeInput },
  pickupStores: { input: PickupStoresInput },
  /** The operator's products and categories (catalog-admin.ts). */
  ...catalogAdminContracts,
  /** The operator's stock ledger (stock.ts). */
  ...stockContracts,
};

export const CatalogErrorCode = {
  ProductNotFound: 'PRODUCT_NOT_FOUND',
  ProductOffSale: 'PRODUCT_OFF_SALE',
  SkuNotFound: 'SKU_NOT_FOUND',
} as const;

export interface CategoryView {
  _id: string;
  name: string;
  sort: number;
  icon: string | null;
}

export interface SkuView {
  _id: string;
  name: string;
  price: Fen;
  stock: number;
  soldOut: boolean;
}

export interface ProductSummary {
  _id: string;
  name: string;
  subtitle: string;
  categoryId: string;
  image: string | null;
  /** The lowest SKU price ("from" price); listPrice when the product has no SKU. */
  price: Fen;
  listPrice: Fen;
  /** Every SKU is out of stock (or there is none). */
  soldOut: boolean;
}

export interface ProductDetail extends ProductSummary {
  images: string[];
  description: string;
  /** Images below the description (the operator's 详情图); always sent by the server. */
  detailImages?: string[];
  skus: SkuView[];
  /** Units sold over every SKU (已售). */
  salesCount: number;
  /** The caller's member price (their tier's discount on the SKU prices); null without a discount. */
  memberPrice: MemberPriceView | null;
  /** The most one order line may hold (the server's per-line limit). */
  maxPerOrder: number;
}

export interface MemberPriceView {
  tierName: string;
  discountBps: number;
  /** The lowest SKU price after the discount (the order rounds the discount down to the fen the same way). */
  price: Fen;
  /** Per SKU id: its price after the discount. */
  skuPrices: Record<string, Fen>;
}

export interface ProductSearchPage {
  q: string;
  items: ProductSummary[];
  page: number;
  pageSize: number;
  hasMore: boolean;
  /** When nothing matched (first page only): products to offer instead. */
  popular: ProductSummary[];
}

export interface SearchSuggestions {
  q: string;
  items: Array<{ productId: string; name: string }>;
}

export interface ProductPage {
  items: ProductSummary[];
  page: number;
  pageSize: number;
  hasMore: boolean;
}

export interface BannerView {
  _id: string;
  image: string;
  title: string;
  subtitle: string;
  /** A page path inside the mini-program, or null. */
  link: string | null;
}

export interface HomeView {
  banners: BannerView[];
  featured: ProductSummary[];
}

export interface CatalogOutputs extends CatalogAdminOutputs, StockOutputs {
  categories: CategoryView[];
  listProducts: ProductPage;
  productDetail: ProductDetail;
  searchProducts: ProductSearchPage;
  searchSuggest: SearchSuggestions;
  home: HomeView;
  pickupStores: PickupStoresView;
}

export interface PickupStoresView {
  stores: PickupStoreView[];
}

export type CategoriesInput = z.input<typeof CategoriesInput>;
export type ListProductsInput = z.input<typeof ListProductsInput>;
export type ProductDetailInput = z.input<typeof ProductDetailInput>;
export type HomeInput = z.input<typeof HomeInput>;
export type SearchProductsInput = z.input<typeof SearchProductsInput>;
