import type { Db } from '../db';

/**
 * A per-instance read cache of documents of ONE collection, for hot paths
 * whose data changes rarely (role records, a flash sale's document). On
 * CloudBase an instance is one warm function container: module state lives
 * across its calls, so a hit saves a billed read; what another instance
 * changes is seen once the entry's TTL has run out. What this instance
 * changes is seen at once: the service that writes calls `forget`, and the
 * local engine, where every function shares one process, reports every
 * write (Db.onDocumentWrite), so a test or a seed writing the collection
 * directly is seen too.
 *
 * A read that a write overtook is not cached: `load` notes the generation
 * before reading and stores only if no write of that key (or `forgetAll`)
 * came in between.
 */
export interface InstanceCacheOptions {
  /** Collection whose writes forget entries (Db.onDocumentWrite). */
  collection: string;
  ttlMs: number;
  /** Most entries kept; the oldest go first. */
  maxEntries?: number;
}

interface Entry<V> {
  value: V;
  storedAt: number;
}

export class InstanceCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  /** Per key, bumped by every write of it; `allGeneration` by forgetAll. */
  private readonly generations = new Map<string, number>();
  private allGeneration = 0;
  private readonly maxEntries: number;
  private readonly inFlight = new Map<string, { generation: string; promise: Promise<unknown> }>();

  constructor(readonly options: InstanceCacheOptions) {
    this.maxEntries = options.maxEntries ?? 10_000;
  }

  /** The cached value when younger than the TTL at `now` (a clock that went back counts as expired). */
  peek(key: string, now: number): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const age = now - entry.storedAt;
    if (age >= 0 && age < this.options.ttlMs) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  /**
   * The cached value, or `read()`'s: cached unless it is null (nothing there is
   * not remembered: the next call reads again) or a write of `key` overtook the
   * read. Callers that miss while a read of the key is under way (and no write
   * came since it started) share it: a crowd arriving at once reads once.
   */
  load<R extends V | null>(key: string, now: number, read: () => Promise<R>): Promise<V | R> {
    const cached = this.peek(key, now);
    if (cached !== undefined) return Promise.resolve(cached);
    const before = this.generationOf(key);
    const running = this.inFlight.get(key);
    if (running && running.generation === before) return running.promise as Promise<V | R>;
    const promise = read().then(
      (value) => {
        if (this.inFlight.get(key)?.promise === promise) this.inFlight.delete(key);
        if (value !== null && this.generationOf(key) === before) this.store(key, value as V, now);
        return value;
      },
      (error: unknown) => {
        if (this.inFlight.get(key)?.promise === promise) this.inFlight.delete(key);
        throw error;
      },
    );
    this.inFlight.set(key, { generation: before, promise });
    return promise;
  }

  store(key: string, value: V, now: number): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, storedAt: now });
  }

  forget(key: string): void {
    this.entries.delete(key);
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    // Generations of keys nobody reads any more are dropped with the cache's bound.
    if (this.generations.size > this.maxEntries * 2) {
      this.generations.clear();
      this.allGeneration += 1;
    }
  }

  forgetAll(): void {
    this.entries.clear();
    this.generations.clear();
    this.allGeneration += 1;
  }

  get size(): number {
    return this.entries.size;
  }

  private generationOf(key: string): string {
    return `${this.allGeneration}:${this.generations.get(key) ?? 0}`;
  }
}

const cachesByDb = new WeakMap<Db, Map<string, InstanceCache<unknown>>>();

/**
 * The instance's cache `name` for `db` (one per database object, made on first
 * use and subscribed to the local engine's writes of its collection).
 */
export function instanceCache<V>(db: Db, name: string, options: InstanceCacheOptions): InstanceCache<V> {
  let caches = cachesByDb.get(db);
  if (!caches) {
    caches = new Map();
    cachesByDb.set(db, caches);
  }
  let cache = caches.get(name) as InstanceCache<V> | undefined;
  if (!cache) {
    const created = new InstanceCache<V>(options);
    cache = created;
    caches.set(name, created as InstanceCache<unknown>);
    db.onDocumentWrite?.((collection, id) => {
      if (collection === options.collection) created.forget(id);
    });
  }
  return cache;
}
