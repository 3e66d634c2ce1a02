import { randomUUID } from 'node:crypto';

/** 32 lowercase hex characters, the shape of the ids CloudBase generates. */
export function newDocumentId(): string {
  return randomUUID().replace(/-/g, '');
}
