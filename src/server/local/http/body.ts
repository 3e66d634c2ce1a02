import type { IncomingMessage } from 'node:http';
import { HttpError } from './respond';

/** Largest request body the local cloud reads. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Past this much we stop draining an oversized body and drop the connection. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

/** The client went away (or the server's request timeout cut it off) before its body arrived: nobody is left to answer. */
export class ClientGoneError extends Error {
  constructor() {
    super('client closed the connection before the request body arrived');
    this.name = 'ClientGoneError';
  }
}

/**
 * `application/json`, with or without parameters (`; charset=utf-8`). Only
 * this type is accepted: the types a web page may post without a CORS
 * preflight (text/plain, forms) never reach a route.
 */
export function isJsonContentType(header: string | undefined): boolean {
  return (header ?? '').split(';', 1)[0].trim().toLowerCase() === 'application/json';
}

export type LimitedBody = { tooLarge: false; bytes: Buffer } | { tooLarge: true };

/**
 * The raw request body, or `tooLarge` once it passes `limit` bytes. An
 * oversized body is drained before answering, so a client that writes the
 * whole body still reads the refusal.
 */
export function readLimitedBody(req: IncomingMessage, limit: number): Promise<LimitedBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let ended = false;
    let tooLarge = Number(req.headers['content-length'] ?? 0) > limit;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) tooLarge = true;
      if (received > MAX_DRAIN_BYTES) req.destroy();
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('error', () => reject(new ClientGoneError()));
    req.on('close', () => {
      if (!ended) reject(new ClientGoneError());
    });
    req.on('end', () => {
      ended = true;
      resolve(tooLarge ? { tooLarge: true } : { tooLarge: false, bytes: Buffer.concat(chunks) });
    });
  });
}

/** Reads and parses a JSON body; an oversized one is a 413 (after draining, see readLimitedBody). */
export async function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  if (!isJsonContentType(req.headers['content-type'])) {
    req.resume();
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', '请求体应为 application/json / body must be application/json');
  }
  const body = await readLimitedBody(req, limit);
  if (body.tooLarge) throw new HttpError(413, 'PAYLOAD_TOO_LARGE', `请求体超过 ${limit} 字节 / body larger than ${limit} bytes`);
  try {
    return JSON.parse(body.bytes.toString('utf8'));
  } catch {
    throw new HttpError(400, 'BAD_REQUEST', '请求体不是合法的 JSON / body is not valid JSON');
  }
}
