import type { IncomingMessage, ServerResponse } from 'node:http';

/** The API is called from the H5 dev server on another origin; tokens travel in a header, not cookies. */
export const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
  'Access-Control-Max-Age': '600',
};

export function applyCors(res: ServerResponse): void {
  for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value);
}

export function answerPreflight(_req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(204, CORS_HEADERS);
  res.end();
}
