/**
 * Reads a capped request body of one media type: the part the JSON and CSV readers share.
 * Only non-CORS-safelisted types are accepted (application/json, text/csv), so a page on
 * another site cannot send them without a preflight we never answer; the Origin guard is the
 * other half of that defence.
 */
import type { IncomingMessage } from 'node:http';

import { HttpError } from './errors.js';

/** Whether a Content-Type header names `mediaType` (any parameters, any case). */
export function hasMediaType(header: string | undefined, mediaType: string): boolean {
  return header?.split(';')[0]?.trim().toLowerCase() === mediaType;
}

/**
 * The body's bytes, or an HttpError: 415 when the Content-Type is not `mediaType`, 413 when
 * the body grows past `maxBytes`.
 */
export async function readBody(
  req: IncomingMessage,
  mediaType: string,
  maxBytes: number,
): Promise<Buffer> {
  if (!hasMediaType(req.headers['content-type'], mediaType)) {
    throw new HttpError(415, `Content-Type must be ${mediaType}.`, [mediaType]);
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
  return Buffer.concat(chunks);
}
