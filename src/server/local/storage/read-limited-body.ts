import type { IncomingMessage } from 'node:http';
import { ClientGoneError } from '../http/body';

/** Past this much we stop draining an oversized body and drop the connection. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

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
