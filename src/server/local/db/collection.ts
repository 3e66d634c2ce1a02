import type {
  AddResult,
  Collection,
  CountResult,
  DocRef,
  GetResult,
  OrderDirection,
  Projection,
  Query,
  Queryable,
  RemoveResult,
  Update,
  UpdateAndReturnResult,
  UpdateResult,
  WithId,
} from '../../db';
import { LocalDocRef } from './document';
import { emptyQuery, invalidParam } from './errors';
import type { Executor } from './executor';
import { assertDocId } from './names';
import { normalizeProjection, type NormalizedProjection } from './projection';
import { assertWhereArgument, translateQuery, type MongoQuery } from './query-translate';
import type { OrderKey } from './sort';
import { translateUpdate } from './update-translate';
import { prepareAddData } from './write-data';

/** CloudBase answers 100 documents when no limit is given, and never more than 1000. */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

interface QueryState {
  where?: Query;
  order: OrderKey[];
  skip: number;
  limit?: number;
  projection?: NormalizedProjection;
}

export class LocalQuery<T> implements Queryable<T> {
  constructor(
    protected readonly executor: Executor,
    protected readonly collectionName: string,
    private readonly state: QueryState = { order: [], skip: 0 },
  ) {}

  /** A later `where` replaces an earlier one, as in the SDK. */
  where(query: Query): Queryable<T> {
    assertWhereArgument(query);
    return this.with({ where: query });
  }

  orderBy(fieldPath: string, direction: OrderDirection): Queryable<T> {
    if (typeof fieldPath !== 'string' || fieldPath.length === 0) throw invalidParam('排序字段不合法');
    if (direction !== 'asc' && direction !== 'desc') throw invalidParam('排序字符不合法');
    const order = this.state.order.some((key) => key.path === fieldPath)
      ? this.state.order.map((key) => (key.path === fieldPath ? { path: fieldPath, direction } : key))
      : [...this.state.order, { path: fieldPath, direction }];
    return this.with({ order });
  }

  skip(offset: number): Queryable<T> {
    if (!Number.isInteger(offset) || offset < 0) throw invalidParam('offset must be a non-negative integer');
    return this.with({ skip: offset });
  }

  /** Above 1000 is clamped to 1000 (as the SDK does); zero, negative or fractional limits are refused. */
  limit(max: number): Queryable<T> {
    if (!Number.isInteger(max) || max <= 0) throw invalidParam('limit must be a positive integer');
    return this.with({ limit: Math.min(max, MAX_PAGE_SIZE) });
  }

  field(projection: Projection): Queryable<T> {
    return this.with({ projection: normalizeProjection(projection) });
  }

  async get(): Promise<GetResult<T>> {
    const query = this.translatedWhere();
    const { order, skip, projection } = this.state;
    const limit = this.state.limit ?? DEFAULT_PAGE_SIZE;
    const docs = await this.executor.read((engine) => engine.find(this.collectionName, query, { order, skip, limit, projection }));
    return { data: docs as Array<WithId<T>> };
  }

  /** Counts every match; skip and limit do not apply. */
  async count(): Promise<CountResult> {
    const query = this.translatedWhere();
    return this.executor.read((engine) => ({ total: engine.count(this.collectionName, query) }));
  }

  /** Updates every match (orderBy/skip/limit ignored, as on CloudBase); refuses an empty query. */
  async update(update: Update): Promise<UpdateResult> {
    const modifier = translateUpdate(update, this.executor.now);
    const query = this.nonEmptyWhere();
    return this.executor.write((engine) => ({ updated: engine.updateMatching(this.collectionName, query, modifier) }));
  }

  async remove(): Promise<RemoveResult> {
    const query = this.nonEmptyWhere();
    return this.executor.write((engine) => ({ deleted: engine.removeMatching(this.collectionName, query) }));
  }

  async updateAndReturn(update: Update): Promise<UpdateAndReturnResult<T>> {
    const modifier = translateUpdate(update, this.executor.now);
    const query = this.nonEmptyWhere();
    const result = await this.executor.write((engine) => engine.updateOneAndReturn(this.collectionName, query, modifier));
    return { updated: result.updated, doc: result.doc as WithId<T> | null };
  }

  private translatedWhere(): MongoQuery {
    return translateQuery(this.state.where, this.executor.now);
  }

  /** CloudBase refuses a batch update or remove without conditions ("param.query can't be empty"). */
  private nonEmptyWhere(): MongoQuery {
    const query = this.translatedWhere();
    if (Object.keys(query).length === 0) throw emptyQuery();
    return query;
  }

  private with(change: Partial<QueryState>): LocalQuery<T> {
    return new LocalQuery<T>(this.executor, this.collectionName, { ...this.state, ...change });
  }
}

export class LocalCollection<T> extends LocalQuery<T> implements Collection<T> {
  constructor(executor: Executor, readonly name: string) {
    super(executor, name);
  }

  doc(id: string): DocRef<T> {
    assertDocId(id);
    return new LocalDocRef<T>(this.executor, this.name, id);
  }

  async add(data: T & { _id?: string }): Promise<AddResult> {
    const prepared = prepareAddData(data, this.executor.now);
    return this.executor.write((engine) => ({ id: engine.insert(this.name, prepared) }));
  }
}
