/**
 * The part of @cloudbase/node-sdk's database (`app.database()`, from
 * @cloudbase/database) that our wrapper uses. The SDK types these methods
 * loosely (`Promise<any>`), so results are read as `unknown` and checked.
 */
export interface SdkQuery {
  where(query: object): SdkQuery;
  orderBy(fieldPath: string, direction: string): SdkQuery;
  skip(offset: number): SdkQuery;
  limit(max: number): SdkQuery;
  field(projection: object): SdkQuery;
  get(): Promise<unknown>;
  count(): Promise<unknown>;
  update(update: object): Promise<unknown>;
  remove(): Promise<unknown>;
  updateAndReturn(update: object): Promise<unknown>;
}

export interface SdkDocRef {
  readonly id: string | number;
  get(): Promise<unknown>;
  set(data: object): Promise<unknown>;
  update(update: object): Promise<unknown>;
  remove(): Promise<unknown>;
  field(projection: object): SdkDocRef;
}

export interface SdkCollection extends SdkQuery {
  doc(id: string): SdkDocRef;
  add(data: object): Promise<unknown>;
}

export interface SdkTransaction {
  collection(name: string): SdkCollection;
  rollback(reason?: unknown): Promise<unknown>;
  commit(): Promise<unknown>;
}

export interface SdkDatabase {
  readonly command: unknown;
  serverDate(options?: { offset?: number }): unknown;
  collection(name: string): SdkCollection;
  runTransaction(callback: (transaction: SdkTransaction) => Promise<unknown>, times?: number): Promise<unknown>;
  startTransaction(): Promise<SdkTransaction>;
}
