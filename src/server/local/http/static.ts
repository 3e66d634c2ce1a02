import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, isAbsolute } from 'node:path';
import { contentTypeOf } from './content-types';
import { sendError } from './respond';
import { notModified, representationOf } from './static-delivery';

export interface StaticRoots {
  /** The H5 build (`dist/h5`); used when it holds an index.html. */
  webDir: string;
  /** Served instead of the H5 build until it exists. */
  placeholderDir: string;
  /** Demo images under `/assets/`. */
  assetsDir: string;
}

/**
 * GET/HEAD for everything outside `/api`: `/assets/*` from the assets
 * folder, the rest from the H5 build (or the placeholder page), with the
 * app's index.html for page routes the client router owns. Encoding, caching
 * and validators: static-delivery.ts.
 */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string, roots: StaticRoots): Promise<void> {
  const segments = safeSegments(pathname);
  if (segments === null) return sendError(res, 403, 'FORBIDDEN', '路径不允许 / path not allowed');

  if (segments[0] === 'assets') {
    const file = fileUnder(roots.assetsDir, segments.slice(1));
    return file ? sendFile(req, res, file) : sendError(res, 404, 'NOT_FOUND', '文件不存在 / not found');
  }

  const webRoot = existsSync(join(roots.webDir, 'index.html')) ? roots.webDir : roots.placeholderDir;
  const file = fileUnder(webRoot, segments.length === 0 ? ['index.html'] : segments);
  if (file) return sendFile(req, res, file);
  if (isPageRoute(req, pathname)) {
    const index = fileUnder(webRoot, ['index.html']);
    if (index) return sendFile(req, res, index);
  }
  sendError(res, 404, 'NOT_FOUND', '文件不存在 / not found');
}

/** Decoded path segments, or null when any would leave the root (`..`, encoded slashes, NUL). */
export function safeSegments(pathname: string): string[] | null {
  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '' || segment === '.') continue;
    if (segment === '..' || /[/\\\0]/.test(segment) || isAbsolute(segment)) return null;
    segments.push(segment);
  }
  return segments;
}

/** A regular file at `segments` under `root`, or null. */
function fileUnder(root: string, segments: string[]): string | null {
  const file = join(root, ...segments);
  const rel = relative(root, file);
  if (rel.startsWith('..') || isAbsolute(rel)) return null;
  try {
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/** A path with no file extension, or one a browser asks for as a page, belongs to the client router. */
function isPageRoute(req: IncomingMessage, pathname: string): boolean {
  return extname(pathname) === '' || (req.headers.accept ?? '').includes('text/html');
}

async function sendFile(req: IncomingMessage, res: ServerResponse, file: string): Promise<void> {
  const sent = await representationOf(file, req.headers['accept-encoding']);
  const headers: Record<string, string | number> = {
    'Content-Type': contentTypeOf(file),
    'Cache-Control': sent.cacheControl,
    ETag: sent.etag,
    'X-Content-Type-Options': 'nosniff',
  };
  if (sent.varies) headers.Vary = 'Accept-Encoding';
  if (notModified(req.headers['if-none-match'], sent.etag)) {
    res.writeHead(304, headers);
    return void res.end();
  }
  if (sent.encoding) headers['Content-Encoding'] = sent.encoding;
  headers['Content-Length'] = sent.size;
  res.writeHead(200, headers);
  if (req.method === 'HEAD') return void res.end();
  if (Buffer.isBuffer(sent.body)) return void res.end(sent.body);
  createReadStream(sent.body.file)
    .on('error', () => res.destroy())
    .pipe(res);
}
