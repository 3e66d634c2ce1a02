/**
 * Test bench for flash sales: the order bench (in-memory local database,
 * sandbox pay, manual clock) plus the `flashsale` function and helpers to
 * read a sale's shards. Not a test file itself.
 */
import { randomUUID } from 'crypto';
import { join } from 'path';
import type { Envelope } from '../../src/core/envelope';
import type { FunctionContext } from '../../src/server/kit/types';
import { startBench, type Bench } from './order-harness';

type Main = (event: unknown, context?: FunctionContext) => Promise<unknown>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const flashSaleMain = (require(join(__dirname, '../../cloudfunctions/flashsale/index.ts')) as { main: Main }).main;

export const MINUTE = 60_000;
export const OPERATOR = 'ops-1';

export interface FlashSaleBench extends Bench {
  /** The envelope, loosely typed for assertions (`.data` of a success, `.error` of a refusal). */
  fs(openid: string, action: string, data?: unknown): Promise<any>;
  fsOk<T = any>(openid: string, action: string, data?: unknown): Promise<T>;
  settle(): Promise<Envelope<{ settled: number; returned: number }>>;
  shards(saleId: string): Promise<Array<{ shard: number; allocated: number; remaining: number; sold: number; paid: number; returned: number; closed: boolean }>>;
  saleDoc(saleId: string): Promise<Record<string, any>>;
  doc(collection: string, id: string): Promise<Record<string, any> | null>;
  memberCount(saleId: string, openid: string): Promise<number>;
  /** A sale created by the operator (defaults: sku-tea-s at 900, 10 units, live from now for an hour, limit 2, 4 shards). */
  createSale(over?: Record<string, unknown>): Promise<any>;
}

export function startFlashSaleBench(): FlashSaleBench {
  const bench = startBench();
  const context = (openid: string | null): FunctionContext => ({
    request_id: randomUUID(),
    environ: openid === null ? '' : `WX_OPENID=${openid};WX_APPID=wxtest`,
  });
  const fs = (openid: string, action: string, data: unknown = {}): Promise<any> => flashSaleMain({ action, data }, context(openid));
  const fsOk = async (openid: string, action: string, data?: unknown) => {
    const envelope = (await fs(openid, action, data)) as Envelope<any>;
    if (!envelope.ok) throw new Error(`flashsale.${action} failed: ${JSON.stringify(envelope.error)}`);
    return envelope.data;
  };
  return Object.assign(bench, {
    fs,
    fsOk,
    settle: () =>
      flashSaleMain({ Type: 'Timer', TriggerName: 'settle', Time: new Date(bench.clock()).toISOString() }, context(null)) as Promise<
        Envelope<{ settled: number; returned: number }>
      >,
    async shards(saleId: string) {
      const { data } = await bench.db.collection('flash_sale_shards').where({ saleId }).limit(100).get();
      return (data as any[]).sort((a, b) => a.shard - b.shard);
    },
    async saleDoc(saleId: string) {
      const { data } = await bench.db.collection('flash_sales').doc(saleId).get();
      if (!data[0]) throw new Error(`no sale ${saleId}`);
      return data[0];
    },
    async doc(collection: string, id: string) {
      const { data } = await bench.db.collection(collection).doc(id).get();
      return data[0] ?? null;
    },
    async memberCount(saleId: string, openid: string) {
      const { data } = await bench.db.collection<{ count: number }>('flash_sale_members').doc(`${saleId}:${openid}`).get();
      return data[0]?.count ?? 0;
    },
    async createSale(over: Record<string, unknown> = {}) {
      const now = bench.clock();
      return fsOk(OPERATOR, 'create', {
        skuId: 'sku-tea-s',
        salePrice: 900,
        quantity: 10,
        startAt: now,
        endAt: now + 60 * MINUTE,
        perMemberLimit: 2,
        shards: 4,
        ...over,
      });
    },
  });
}

let requests = 0;
/** A fresh client requestId (8–64 of [A-Za-z0-9_-]). */
export const rid = (): string => `fs-${Date.now().toString(36)}-${(requests += 1)}`;

export const codeOf = (r: { ok: boolean; error?: { code: string } }): string => (r.ok ? 'OK' : r.error!.code);
