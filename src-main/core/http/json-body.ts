/** Reads a small JSON request body (alert rules, watchlists, saved filters). */
import type { IncomingMessage } from 'node:http';

import { HttpError } from './errors.js';
import { hasMediaType, readBody } from './request-body.js';

/** The largest body any route accepts. */
export const MAX_JSON_BODY_BYTES = 16 * 1024;

/** Whether a Content-Type header names JSON (`application/json`, any parameters). */
export function isJsonContentType(header: string | undefined): boolean {
  return hasMediaType(header, 'application/json');
}

/** The parsed body, or an HttpError: 415 (not JSON), 413 (too large), 400 (unparsable). */
export async function readJsonBody(
  req: IncomingMessage,
  maxBytes = MAX_JSON_BODY_BYTES,
): Promise<unknown> {
  const bytes = await readBody(req, 'application/json', maxBytes);
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    // The parser's message may quote the body back; a short fixed message is enough.
    throw new HttpError(400, 'Request body is not valid JSON.');
  }
}
