/**
 * How the local cloud delivers a static file of the H5 build: which encoding
 * (brotli, gzip, none) by the request's Accept-Encoding, how long a browser
 * may keep it, and the validator that lets it ask again for nothing.
 *
 * - Hashed build assets (`js/app.46fb9362.js`: a content hash in the name)
 *   never change: `public, max-age=31536000, immutable`, so a repeat visit
 *   does not ask for them at all.
 * - Everything else (index.html above all, which names the hashed files):
 *   `no-cache` with a strong ETag, so a repeat visit asks and is answered
 *   304 with no body when nothing changed.
 * - Compressible types above a few hundred bytes are sent compressed when
 *   accepted: the build's precompressed `<file>.br` / `<file>.gz` when they
 *   are there and not older than the file (config/precompress.ts), otherwise
 *   compressed here once (off the event loop) and kept in memory.
 */
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** A content hash of 8+ hex digits as the last dot-part before the extension (webpack's `[name].[contenthash:8].js`). */
const HASHED_NAME = /\.[0-9a-f]{8,}\.[A-Za-z0-9]+$/;
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt', '.webmanifest', '.wasm', '.xml', '.ico']);
/** Below this, the encoding's framing costs about what it saves. */
export const MIN_COMPRESS_BYTES = 512;
const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export function isHashedAsset(file: string): boolean {
  return HASHED_NAME.test(file);
}

export function isCompressible(file: string, size: number): boolean {
  return size >= MIN_COMPRESS_BYTES && COMPRESSIBLE.has(extname(file).toLowerCase());
}

/**
 * The encodings the client accepts, best first (brotli before gzip at equal
 * weight); `q=0` refuses one, `*` stands for the ones not named.
 */
export function acceptedEncodings(header: string | string[] | undefined): Encoding[] {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  const weights = new Map<string, number>();
  for (const part of text.split(',')) {
    const [rawName, ...params] = part.trim().split(';');
    const name = rawName.trim().toLowerCase();
    if (!name) continue;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.trim().split('=');
      if (key?.trim().toLowerCase() === 'q') q = Number(value);
    }
    weights.set(name, Number.isFinite(q) ? q : 0);
  }
  const weightOf = (name: Encoding) => weights.get(name) ?? (name === 'gzip' ? weights.get('x-gzip') : undefined) ?? weights.get('*') ?? 0;
  return (['br', 'gzip'] as const).filter((name) => weightOf(name) > 0).sort((a, b) => weightOf(b) - weightOf(a));
}

export interface Representation {
  /** The bytes to send, or the file to stream them from. */
  body: Buffer | { file: string };
  size: number;
  encoding: Encoding | null;
  etag: string;
  cacheControl: string;
  /** Whether the answer depends on Accept-Encoding (a cache must key on it). */
  varies: boolean;
}

interface Source {
  file: string;
  size: number;
  mtimeMs: number;
}

/** The file as it should be sent for a request with this Accept-Encoding. */
export async function representationOf(file: string, acceptEncoding: string | string[] | undefined): Promise<Representation> {
  const stat = statSync(file);
  const source: Source = { file, size: stat.size, mtimeMs: stat.mtimeMs };
  const cacheControl = isHashedAsset(file) ? IMMUTABLE : REVALIDATE;
  const tag = `${source.size.toString(16)}-${Math.floor(source.mtimeMs).toString(16)}`;
  if (!isCompressible(file, source.size)) {
    return { body: { file }, size: source.size, encoding: null, etag: `"${tag}"`, cacheControl, varies: false };
  }
  for (const encoding of acceptedEncodings(acceptEncoding)) {
    const encoded = precompressed(source, encoding) ?? (await compressedInMemory(source, encoding));
    // An encoding that does not make the file smaller is not worth its header.
    if (encoded.size >= source.size) continue;
    return { body: encoded.body, size: encoded.size, encoding, etag: `"${tag}-${encoding}"`, cacheControl, varies: true };
  }
  return { body: { file }, size: source.size, encoding: null, etag: `"${tag}"`, cacheControl, varies: true };
}

/** The build's `<file>.br` / `<file>.gz`, when it is there and was written after the file. */
function precompressed(source: Source, encoding: Encoding): { body: { file: string }; size: number } | null {
  const file = source.file + SUFFIX[encoding];
  try {
    const stat = statSync(file);
    if (!stat.isFile() || stat.mtimeMs + 1 < source.mtimeMs) return null;
    return { body: { file }, size: stat.size };
  } catch {
    return null;
  }
}

/** Compressed copies made here, by file, size, mtime and encoding; bounded (cleared when full). */
const memory = new Map<string, Promise<Buffer>>();
let memoryBytes = 0;
const MEMORY_LIMIT_BYTES = 64 * 1024 * 1024;

async function compressedInMemory(source: Source, encoding: Encoding): Promise<{ body: Buffer; size: number }> {
  const key = `${source.file}\u0000${source.size}\u0000${source.mtimeMs}\u0000${encoding}`;
  let pending = memory.get(key);
  if (!pending) {
    pending = readFile(source.file).then((raw) =>
      encoding === 'br'
        ? brotliAsync(raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
        : gzipAsync(raw, { level: 9 }),
    );
    if (memoryBytes > MEMORY_LIMIT_BYTES) {
      memory.clear();
      memoryBytes = 0;
    }
    memory.set(key, pending);
    pending.then(
      (body) => (memoryBytes += body.length),
      () => memory.delete(key),
    );
  }
  const body = await pending;
  return { body, size: body.length };
}

/** Whether `If-None-Match` names this ETag (weak comparison, as RFC 9110 asks for it). */
export function notModified(ifNoneMatch: string | string[] | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const text = Array.isArray(ifNoneMatch) ? ifNoneMatch.join(',') : ifNoneMatch;
  if (text.trim() === '*') return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return text.split(',').some((tag) => bare(tag) === bare(etag));
}
