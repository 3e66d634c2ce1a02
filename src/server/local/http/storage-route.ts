import { createHash } from 'node:crypto';
import { createReadStream, statSync, type Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  IMAGE_EXTENSIONS,
  IMAGE_TOO_LARGE,
  IMAGE_TOO_LARGE_MESSAGE,
  isImageType,
  MAX_IMAGE_BYTES,
  NOT_AN_IMAGE,
  NOT_AN_IMAGE_MESSAGE,
  sniffImageType,
} from '../../../core/storage/images';
import type { LocalLogger } from '../logger';
import { LOCAL_BUCKET_SEGMENT, servedFileHeaders, type LocalFileStorage } from '../storage';
import { readLimitedBody } from './body';
import { authenticateOr401, type CallerDeps } from './caller';
import { sendError, sendJson } from './respond';
import { safeSegments } from './static';

export const STORAGE_UPLOAD_PATH = '/api/storage/upload';
export const STORAGE_FILE_PREFIX = '/api/storage/';

export interface StorageRouteDeps extends CallerDeps {
  storage: LocalFileStorage;
  /** Whether the openid holds the operator role (a `roles` record). */
  isOperator(openid: string): Promise<boolean>;
  log: LocalLogger;
}

/**
 * `POST /api/storage/upload?name=<file name>`: the raw bytes of a PNG, JPEG
 * or WebP of at most 2 MB, from an operator. Stored content-addressed as
 * `images/<sha256>.<ext>` (the sniffed type's extension), so the same image
 * uploaded twice is one file; answers `{ fileID }`.
 */
export async function handleStorageUpload(req: IncomingMessage, res: ServerResponse, deps: StorageRouteDeps): Promise<void> {
  if (req.method !== 'POST') {
    req.resume();
    return sendError(res, 405, 'METHOD_NOT_ALLOWED', '请使用 POST / use POST', {}, { Allow: 'POST, OPTIONS' });
  }
  const openid = authenticateOr401(req, res, deps);
  if (!openid) return;
  if (!(await deps.isOperator(openid))) {
    req.resume();
    return sendError(res, 403, 'FORBIDDEN', '只有运营人员可以上传图片 / operators only');
  }
  const name = new URL(req.url ?? '/', 'http://local').searchParams.get('name') ?? '';
  if (name.trim() === '' || name.length > 200) {
    req.resume();
    return sendError(res, 400, 'INVALID_ARGUMENT', '请提供文件名 name（1–200 个字符） / name is required');
  }
  const declared = (req.headers['content-type'] ?? '').split(';', 1)[0].trim().toLowerCase();
  if (!isImageType(declared)) {
    req.resume();
    return sendError(res, 415, NOT_AN_IMAGE, NOT_AN_IMAGE_MESSAGE);
  }

  const body = await readLimitedBody(req, MAX_IMAGE_BYTES);
  if (body.tooLarge) return sendError(res, 413, IMAGE_TOO_LARGE, IMAGE_TOO_LARGE_MESSAGE, { maxBytes: MAX_IMAGE_BYTES });
  // The bytes decide, not the header: a text file labelled image/png is refused, a JPEG labelled PNG is stored as JPEG.
  const type = sniffImageType(body.bytes);
  if (!type) return sendError(res, 415, NOT_AN_IMAGE, NOT_AN_IMAGE_MESSAGE);

  const digest = createHash('sha256').update(body.bytes).digest('hex');
  const { fileID } = await deps.storage.putFile(`images/${digest}.${IMAGE_EXTENSIONS[type]}`, body.bytes, type);
  deps.log.info('image uploaded', { openid, name, bytes: body.bytes.length, fileID });
  sendJson(res, 200, { fileID });
}

/** `GET /api/storage/<env>.<bucket>/<path>`: the stored file, as `getTempFileURL` would give it. */
export function handleStorageFile(req: IncomingMessage, res: ServerResponse, rest: string, deps: StorageRouteDeps): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    req.resume();
    return sendError(res, 405, 'METHOD_NOT_ALLOWED', '仅支持 GET / GET only', {}, { Allow: 'GET, HEAD' });
  }
  const segments = safeSegments(rest);
  if (segments === null) return sendError(res, 403, 'FORBIDDEN', '路径不允许 / path not allowed');
  const [bucket, ...path] = segments;
  const file = bucket === LOCAL_BUCKET_SEGMENT ? deps.storage.fileOf(path) : null;
  const stat = file ? statOrNull(file) : null;
  if (!file || !stat?.isFile()) return sendError(res, 404, 'FILE_NOT_FOUND', '文件不存在 / not found');

  const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const headers: Record<string, string | number> = { ...servedFileHeaders(path.join('/'), stat.size), ETag: etag };
  if (req.headers['if-none-match'] === etag) {
    delete headers['Content-Length'];
    res.writeHead(304, headers);
    return void res.end();
  }
  res.writeHead(200, headers);
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}
