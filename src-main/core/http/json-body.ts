/**
 * Reads a small JSON request body (creating an alert rule). The Content-Type must say JSON: a
 * form on another site can only send text/plain, urlencoded or multipart without a CORS
 * preflight, so this is one half of our CSRF defence (the Origin guard is the other).
 */
import type { IncomingMessage } from 'node:http';

import { HttpError } from './errors.js';

/** The largest body any route accepts. */
export const MAX_JSON_BODY_BYTES = 16 * 1024;

/** Whether a Content-Type header names JSON (`application/json`, any parameters). */
export function isJsonContentType(header: string | undefined): boolean {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}

/** The parsed body, or an HttpError: 415 (not JSON), 413 (too large), 400 (unparsable). */
export async function readJsonBody(
  req: IncomingMessage,
  maxBytes = MAX_JSON_BODY_BYTES,
): Promise<unknown> {
  if (!isJsonContentType(req.headers['content-type'])) {
    throw new HttpError(415, 'Content-Type must be application/json.', ['application/json']);
  }

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    // A chunked body has no Content-Length for the guard to check: cap it while reading.
    if (size > maxBytes) {
      throw new HttpError(413, `Request body too large (at most ${maxBytes} bytes).`);
    }
    chunks.push(chunk);
  }

  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // The parser's message may quote the body back; a short fixed message is enough.
    throw new HttpError(400, 'Request body is not valid JSON.');
  }
}
