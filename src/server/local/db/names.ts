import { invalidParam } from './errors';

/** CloudBase's collection-name rule (its SDK's Validate.isCollName). */
const COLLECTION_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]{1,32}$/;

export function assertCollectionName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || !COLLECTION_NAME.test(name) || /^sqlite_/i.test(name)) {
    throw invalidParam(`集合名称不合法: ${String(name)}`);
  }
}

export function assertDocId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || id.length === 0) throw invalidParam('docId必须为非空字符串');
}

/** Collection names are validated first; quoting keeps `-` and keywords safe in SQL. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
