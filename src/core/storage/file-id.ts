/**
 * CloudBase fileIDs: `cloud://<env>.<bucket>/<path>`, e.g.
 * `cloud://prod-1a2b.7072-prod-1a2b-1250000000/images/x.png`. Documents
 * store these; clients turn them into URLs (getTempFileURL on weapp, the
 * local cloud's `/api/storage/<env>.<bucket>/<path>` route on H5).
 */
export interface FileRef {
  env: string;
  bucket: string;
  /** Inside the bucket, no leading slash. */
  path: string;
}

export const FILE_ID_PREFIX = 'cloud://';
/** Where the local cloud serves stored files. */
export const STORAGE_ROUTE_PREFIX = '/api/storage/';

const FILE_ID = /^cloud:\/\/([A-Za-z0-9-]+)\.([A-Za-z0-9._-]+)\/(.+)$/;

export const isFileId = (value: unknown): value is string => typeof value === 'string' && value.startsWith(FILE_ID_PREFIX);

export function parseFileId(fileID: string): FileRef | null {
  const match = FILE_ID.exec(fileID);
  return match ? { env: match[1], bucket: match[2], path: match[3] } : null;
}

export function formatFileId(ref: FileRef): string {
  return `${FILE_ID_PREFIX}${ref.env}.${ref.bucket}/${ref.path}`;
}

/** `cloud://env.bucket/a/b.png` → `/api/storage/env.bucket/a/b.png` (segments URL-encoded); null for anything else. */
export function storageRoutePath(fileID: string): string | null {
  const ref = parseFileId(fileID);
  if (!ref) return null;
  const segments = [`${ref.env}.${ref.bucket}`, ...ref.path.split('/')].map(encodeURIComponent);
  return STORAGE_ROUTE_PREFIX + segments.join('/');
}
