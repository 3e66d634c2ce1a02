import type { IncomingMessage } from 'node:http';
import { HttpError } from './respond';

/** Largest request body the local cloud reads. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Past this much we stop draining an oversized body and drop the connection. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

/**
 * Reads and parses a JSON body. An oversized body is drained before the
 * 413 is sent, so clients that write the whole body still read the answer.
 */
export function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let tooLarge = Number(req.headers['content-length'] ?? 0) > limit;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) tooLarge = true;
      if (received > MAX_DRAIN_BYTES) req.destroy();
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      if (tooLarge) return reject(new HttpError(413, 'PAYLOAD_TOO_LARGE', `请求体超过 ${limit} 字节 / body larger than ${limit} bytes`));
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new HttpError(400, 'BAD_REQUEST', '请求体不是合法的 JSON / body is not valid JSON'));
      }
    });
  });
}
