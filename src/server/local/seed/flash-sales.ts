import { effectiveShardCount, splitQuantity } from '../../../core/flashsale/shards';
import { shardDocId, type FlashSaleDoc, type FlashSaleShardDoc } from '../../../core/flashsale/types';
import { DEMO_PRODUCTS } from './catalog';
import { demoProductImage } from './images';
import type { SeedDocuments } from './types';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

interface DemoSale {
  _id: string;
  productId: string;
  skuIndex: number;
  title: string;
  salePrice: number;
  quantity: number;
  startAt: number;
  endAt: number;
  perMemberLimit: number;
  shards: number;
}

function demoSales(now: number): DemoSale[] {
  return [
    { _id: 'fs-demo-kiwi', productId: 'p-fresh-kiwi', skuIndex: 0, title: '阳光金果 限时秒杀', salePrice: 2990, quantity: 30, startAt: now - 10 * MINUTE_MS, endAt: now + 7 * DAY_MS, perMemberLimit: 2, shards: 4 },
    { _id: 'fs-demo-oolong', productId: 'p-tea-oolong', skuIndex: 1, title: '冻顶乌龙礼盒 整点秒杀', salePrice: 9900, quantity: 10, startAt: now + 2 * HOUR_MS, endAt: now + 2 * DAY_MS, perMemberLimit: 1, shards: 2 },
  ];
}

/**
 * Demo 秒杀: one live, one upcoming. As when an operator creates a sale,
 * its quantity comes out of the SKU (stock → sold): the SKU documents are
 * written again after the catalog's, with the units taken.
 */
export function flashSaleSeed(now: number): SeedDocuments {
  const sales: SeedDocuments[string] = [];
  const shards: SeedDocuments[string] = [];
  const skus: SeedDocuments[string] = [];
  for (const demo of demoSales(now)) {
    const product = DEMO_PRODUCTS.find((p) => p.id === demo.productId);
    const sku = product?.skus[demo.skuIndex];
    if (!product || !sku || sku.stock < demo.quantity) throw new Error(`flash-sale seed: no SKU ${demo.skuIndex + 1} of ${demo.productId} with ${demo.quantity} units`);
    const skuId = `${product.id}-s${demo.skuIndex + 1}`;
    const shardCount = effectiveShardCount(demo.shards, demo.quantity);
    const sale: FlashSaleDoc = {
      skuId,
      productId: product.id,
      title: demo.title,
      productName: product.name,
      skuName: sku.name,
      image: demoProductImage(product.id),
      listPrice: sku.price,
      salePrice: demo.salePrice,
      quantity: demo.quantity,
      startAt: demo.startAt,
      endAt: demo.endAt,
      stoppedAt: null,
      perMemberLimit: demo.perMemberLimit,
      shardCount,
      paymentMinutes: 5,
      soldOut: false,
      settledAt: null,
      createdBy: 'demo-operator',
      createdAt: now,
      updatedAt: now,
    };
    sales.push({ _id: demo._id, ...sale });
    for (const [shard, allocated] of splitQuantity(demo.quantity, shardCount).entries()) {
      const doc: FlashSaleShardDoc = { saleId: demo._id, shard, allocated, remaining: allocated, sold: 0, paid: 0, refunded: 0, returned: 0, closed: false, updatedAt: now };
      shards.push({ _id: shardDocId(demo._id, shard), ...doc });
    }
    skus.push({
      _id: skuId,
      productId: product.id,
      name: sku.name,
      price: sku.price,
      stock: sku.stock - demo.quantity,
      sold: demo.quantity,
      sort: (demo.skuIndex + 1) * 10,
      createdAt: now,
      updatedAt: now,
    });
  }
  return { flash_sales: sales, flash_sale_shards: shards, skus };
}
