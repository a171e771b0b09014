/**
 * Shortens what an error answer echoes back from the request, in one place (sendHttpError):
 * a 7,000-character `?sector=` value must not come back whole in the error. Messages quote the
 * values they echo (`Unknown sector "…"`), and a long unquoted token (a path) is clipped too.
 */
import type { ApiError } from '../../shared/api-types.js';

/** Longest echoed value kept whole; longer ones keep this many characters and an ellipsis. */
export const MAX_ECHOED_CHARS = 80;
const ELLIPSIS = '…';

/** `value` cut to MAX_ECHOED_CHARS characters plus "…", or unchanged when short enough. */
export function clipValue(value: string): string {
  if (value.length <= MAX_ECHOED_CHARS) return value;
  return `${value.slice(0, MAX_ECHOED_CHARS)}${ELLIPSIS}`;
}

/**
 * A message with every quoted value and every long unquoted run cut to MAX_ECHOED_CHARS. One
 * pass, so a clipped quoted value is not clipped again as a token; sentence punctuation ends a
 * run, so the message's closing "." survives.
 */
export function clipMessage(message: string): string {
  return message.replace(/"([^"]*)"|[^\s".,;]+/g, (match, quoted: string | undefined) =>
    quoted === undefined ? clipValue(match) : `"${clipValue(quoted)}"`,
  );
}

/** An error body with its echoed parts (message, unknown symbols, CSV cells) clipped. */
export function clipErrorBody(body: ApiError): ApiError {
  return {
    ...body,
    error: clipMessage(body.error),
    ...(body.unknownSymbols ? { unknownSymbols: body.unknownSymbols.map(clipValue) } : {}),
    ...(body.rows
      ? { rows: body.rows.map((row) => ({ ...row, value: clipValue(row.value) })) }
      : {}),
  };
}
