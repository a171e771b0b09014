/** Reads a small `text/csv` request body (watchlist import). */
import type { IncomingMessage } from 'node:http';

import { HttpError } from './errors.js';
import { hasMediaType, readBody } from './request-body.js';

/** Largest CSV upload: 1,000 symbols with a name column fit several times over. */
export const MAX_CSV_BODY_BYTES = 64 * 1024;

/** Whether a Content-Type header names CSV (`text/csv`, any parameters). */
export function isCsvContentType(header: string | undefined): boolean {
  return hasMediaType(header, 'text/csv');
}

/** The body as UTF-8 text, or an HttpError: 415 (not CSV), 413 (too large), 400 (not UTF-8). */
export async function readCsvBody(
  req: IncomingMessage,
  maxBytes = MAX_CSV_BODY_BYTES,
): Promise<string> {
  const bytes = await readBody(req, 'text/csv', maxBytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, 'CSV body is not valid UTF-8 text.');
  }
}
