/**
 * Test bench for the catalog, cart, order and payCallback functions: an
 * in-memory local database, a runtime with the sandbox payment provider and a
 * manual clock, installed for the functions' main. Not a test file itself.
 */
import { randomUUID } from 'crypto';
import { join } from 'path';
import type { Envelope } from '../../src/core/envelope';
import { installRuntime, manualClock, uninstallRuntime, type ManualClock } from '../../src/server/kit';
import type { FunctionContext, Logger } from '../../src/server/kit/types';
import { openLocalDb, type LocalDb } from '../../src/server/local/db';
import { createSandboxPay, type SandboxPay } from '../../src/server/local/pay';
import { createLocalRuntime } from '../../src/server/local/runtime';
import type { Runtime as PaymentRuntime } from "../../src/server/kit/types";

type Main = (event: unknown, context?: FunctionContext) => Promise<unknown>;
/** The TypeScript entry, as the local cloud loads it: a bare path would pick a built index.js. */
const loadMain = (name: string): Main =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require(join(__dirname, '../../cloudfunctions', name, 'index.ts')) as { main: Main }).main;
const catalogMain = loadMain('catalog');
const cartMain = loadMain('cart');
const orderMain = loadMain('order');
const payCallbackMain = loadMain('payCallback');

export const START = Date.UTC(2025, 0, 6, 2, 0, 0);

const mains = { catalog: catalogMain, cart: cartMain, order: orderMain } as const;
export type FunctionName = keyof typeof mains;

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  message: string;
  fields?: Record<string, unknown>;
}

export interface Bench {
  db: LocalDb;
  runtime: PaymentRuntime;
  clock: ManualClock;
  pay: SandboxPay;
  logs: LogLine[];
  call<T = unknown>(fn: FunctionName, openid: string, action: string, data?: unknown): Promise<Envelope<T>>;
  /** Calls and expects success; throws with the error envelope otherwise. */
  ok<T = any>(fn: FunctionName, openid: string, action: string, data?: unknown): Promise<T>;
  timer<T = unknown>(fn: FunctionName, trigger: string): Promise<Envelope<T>>;
  payCallback(event: unknown): Promise<unknown>;
  sku(id: string): Promise<{ stock: number; sold: number; price: number }>;
  order(id: string): Promise<Record<string, any>>;
  count(collection: string, where?: Record<string, unknown>): Promise<number>;
  grantOperator(openid: string): Promise<void>;
  close(): void;
}

export function startBench(): Bench {
  const clock = manualClock(START);
  const db = openLocalDb({ memory: true, now: clock });
  const logs: LogLine[] = [];
  const log: Logger = {
    info: (message, fields) => logs.push({ level: 'info', message, fields }),
    warn: (message, fields) => logs.push({ level: 'warn', message, fields }),
    error: (message, fields) => logs.push({ level: 'error', message, fields }),
  };
  const pay = createSandboxPay({ db, now: clock, payCallback: (event, context) => payCallbackMain(event, context) });
  const runtime: PaymentRuntime = { ...createLocalRuntime({ db, now: clock, log }), pay };
  installRuntime(runtime);

  const context = (openid: string | null): FunctionContext => ({
    request_id: randomUUID(),
    environ: openid === null ? '' : `WX_OPENID=${openid};WX_APPID=wxtest`,
  });
  const call = <T>(fn: FunctionName, openid: string, action: string, data: unknown = {}) =>
    mains[fn]({ action, data }, context(openid)) as Promise<Envelope<T>>;

  return {
    db,
    runtime,
    clock,
    pay,
    logs,
    call,
    async ok(fn, openid, action, data) {
      const envelope = await call<any>(fn, openid, action, data);
      if (!envelope.ok) throw new Error(`${fn}.${action} failed: ${JSON.stringify(envelope.error)}`);
      return envelope.data;
    },
    timer: <T>(fn: FunctionName, trigger: string) =>
      mains[fn]({ Type: 'Timer', TriggerName: trigger, Time: new Date(clock()).toISOString() }, context(null)) as Promise<Envelope<T>>,
    payCallback: (event) => payCallbackMain(event, context(null)),
    async sku(id) {
      const { data } = await db.collection<{ stock: number; sold: number; price: number }>('skus').doc(id).get();
      if (!data[0]) throw new Error(`no sku ${id}`);
      return data[0];
    },
    async order(id) {
      const { data } = await db.collection('orders').doc(id).get();
      if (!data[0]) throw new Error(`no order ${id}`);
      return data[0];
    },
    async count(collection, where = {}) {
      return (await db.collection(collection).where(where).count()).total;
    },
    async grantOperator(openid) {
      await db.collection('roles').doc(openid).set({ roles: ['operator'], staffStoreIds: [], updatedAt: clock() });
    },
    close() {
      uninstallRuntime();
      db.close();
    },
  };
}

export interface SeedSku {
  _id: string;
  productId: string;
  price: number;
  stock: number;
}

/** A small shop: two categories, products on and off sale, SKUs with chosen stock, one store. */
export async function seedShop(db: LocalDb, skus: SeedSku[] = DEFAULT_SKUS): Promise<void> {
  await db.collection('stores').doc('store-demo').set({ name: '示例门店', address: '上海市' });
  await db.collection('categories').doc('cat-tea').set({ name: '茶饮', sort: 1 });
  await db.collection('categories').doc('cat-snack').set({ name: '零食', sort: 2 });
  const products: Array<Record<string, unknown> & { _id: string }> = [
    { _id: 'p-tea', name: '乌龙茶', categoryId: 'cat-tea', status: 'ON_SALE', sort: 1, listPrice: 3900, images: ['tea.png'], description: '清香' },
    { _id: 'p-cake', name: '月饼', categoryId: 'cat-snack', status: 'ON_SALE', sort: 2, listPrice: 12800, images: ['cake.png'], description: '' },
    { _id: 'p-nut', name: '坚果', categoryId: 'cat-snack', status: 'ON_SALE', sort: 3, listPrice: 5000, images: [], description: '' },
    { _id: 'p-old', name: '旧款', categoryId: 'cat-tea', status: 'OFF_SALE', sort: 0, listPrice: 100, images: [], description: '' },
  ];
  for (const { _id, ...product } of products) await db.collection('products').doc(_id).set(product);
  for (const { _id, ...sku } of skus) {
    await db.collection('skus').doc(_id).set({ ...sku, name: `${_id} 规格`, sold: 0 });
  }
}

export const DEFAULT_SKUS: SeedSku[] = [
  { _id: 'sku-tea-s', productId: 'p-tea', price: 2900, stock: 100 },
  { _id: 'sku-tea-l', productId: 'p-tea', price: 3900, stock: 10 },
  { _id: 'sku-cake', productId: 'p-cake', price: 12800, stock: 5 },
  { _id: 'sku-nut', productId: 'p-nut', price: 5000, stock: 0 },
  { _id: 'sku-old', productId: 'p-old', price: 100, stock: 50 },
];

export const ADDRESS = { name: '张三', phone: '13800000000', region: '上海市 浦东新区', detail: '世纪大道 1 号' };
export const DELIVERY = { type: 'delivery', address: ADDRESS } as const;
export const PICKUP = { type: 'pickup', storeId: 'store-demo' } as const;

let requestCounter = 0;
export const newRequestId = (): string => `req-${Date.now().toString(36)}-${(requestCounter += 1)}`;

/** startBench with the shop seeded and `ops-1` an operator: where most order tests begin. */
export async function startShopBench(): Promise<Bench> {
  const bench = startBench();
  await seedShop(bench.db);
  await bench.grantOperator('ops-1');
  return bench;
}
