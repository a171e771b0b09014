/**
 * Reads a small `text/csv` request body (watchlist import). `text/csv` is not a CORS-safelisted
 * type, so a page on another site cannot send it without a preflight we never answer; the
 * Origin guard is the other half of the defence, as for JSON bodies.
 */
import type { IncomingMessage } from 'node:http';

import { HttpError } from './errors.js';

/** Largest CSV upload: 1,000 symbols with a name column fit several times over. */
export const MAX_CSV_BODY_BYTES = 64 * 1024;

/** Whether a Content-Type header names CSV (`text/csv`, any parameters). */
export function isCsvContentType(header: string | undefined): boolean {
  return header?.split(';')[0]?.trim().toLowerCase() === 'text/csv';
}

/** The body as UTF-8 text, or an HttpError: 415 (not CSV), 413 (too large), 400 (not UTF-8). */
export async function readCsvBody(
  req: IncomingMessage,
  maxBytes = MAX_CSV_BODY_BYTES,
): Promise<string> {
  if (!isCsvContentType(req.headers['content-type'])) {
    throw new HttpError(415, 'Content-Type must be text/csv.', ['text/csv']);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      throw new HttpError(413, `Request body too large (at most ${maxBytes} bytes).`);
    }
    chunks.push(chunk);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new HttpError(400, 'CSV body is not valid UTF-8 text.');
  }
}
