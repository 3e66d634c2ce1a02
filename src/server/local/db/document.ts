import type { DocRef, GetResult, Projection, RemoveResult, SetResult, Update, UpdateResult, WithId } from '../../db';
import type { Executor } from './executor';
import { normalizeProjection, type NormalizedProjection } from './projection';
import { translateUpdate } from './update-translate';
import { prepareSetData } from './write-data';

/** The single-document writes, the same in and out of a transaction (the executor decides where they run). */
export abstract class LocalDocWrites<T> {
  constructor(
    protected readonly executor: Executor,
    protected readonly collection: string,
    readonly id: string,
  ) {}

  async set(data: T): Promise<SetResult> {
    const prepared = prepareSetData(data, this.executor.now);
    return this.executor.write((engine) => engine.replace(this.collection, this.id, prepared));
  }

  /** `updated` is 1 only when the document exists and changed (0 for missing or unchanged). */
  async update(update: Update): Promise<UpdateResult> {
    const modifier = translateUpdate(update, this.executor.now);
    return this.executor.write((engine) => ({ updated: engine.updateById(this.collection, this.id, modifier) }));
  }

  remove(): Promise<RemoveResult> {
    return this.executor.write((engine) => ({ deleted: engine.removeById(this.collection, this.id) }));
  }
}

export class LocalDocRef<T> extends LocalDocWrites<T> implements DocRef<T> {
  constructor(
    executor: Executor,
    collection: string,
    id: string,
    private readonly projection?: NormalizedProjection,
  ) {
    super(executor, collection, id);
  }

  /** `{data: [doc]}`, or `{data: []}` when there is no such document. */
  get(): Promise<GetResult<T>> {
    return this.executor.read((engine) => {
      const doc = engine.getById(this.collection, this.id, this.projection);
      return { data: doc ? [doc as WithId<T>] : [] };
    });
  }

  field(projection: Projection): DocRef<T> {
    return new LocalDocRef<T>(this.executor, this.collection, this.id, normalizeProjection(projection));
  }
}
