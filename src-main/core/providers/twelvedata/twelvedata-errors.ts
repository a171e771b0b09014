/**
 * Twelve Data's error envelope (`{"code":…,"message":…,"status":"error"}`, usually on HTTP 200)
 * mapped to typed ProviderErrors. The `code` field, not the HTTP status, carries the meaning.
 */
import { ProviderError } from '../errors.js';
import type { HttpResponse } from '../http-client.js';
import { rateLimitRetryAt, scrubSecrets, statusFailure } from '../http-response.js';
import { MINUTE_MS } from '../retry-after.js';
import type { TwelveDataErrorBody } from './twelvedata-wire.js';

const DAY_MS = 24 * 60 * MINUTE_MS;

/** Codes that mean "this symbol", not "this call", when they come per symbol or for one symbol. */
export const SYMBOL_ERROR_CODES: ReadonlySet<number> = new Set([400, 404]);

/**
 * When credits come back after a 429. A `Retry-After` header wins; otherwise the text says
 * which budget ran out: the minute's (next minute boundary) or the day's (next UTC midnight).
 */
export function twelveDataRetryAt(message: string, response: HttpResponse): number {
  const now = response.receivedAt;
  // TODO: the daily reset hour is not documented in our sources (PROVIDERS.md §4.4); UTC
  // midnight is assumed. A recorded answer after a day limit would settle it.
  const fallbackAt = /for the day/i.test(message)
    ? Math.floor(now / DAY_MS) * DAY_MS + DAY_MS
    : Math.floor(now / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  return rateLimitRetryAt(response, fallbackAt - now);
}

/** Maps a whole-call error envelope to a ProviderError. */
export function twelveDataError(
  envelope: TwelveDataErrorBody,
  response: HttpResponse,
  secrets: readonly string[],
): ProviderError {
  const text = scrubSecrets(envelope.message, secrets);
  const message = `twelvedata: code ${envelope.code}: ${text}`;

  switch (envelope.code) {
    case 429:
      return new ProviderError(
        'rate-limited',
        message,
        twelveDataRetryAt(envelope.message, response),
        {
          dailyLimit: /for the day/i.test(envelope.message),
        },
      );
    case 401:
      return new ProviderError('bad-key', message);
    case 403:
      return new ProviderError('plan-limit', message);
    case 400:
    case 404:
    case 414:
      // The call itself was refused (no symbol, too many symbols): our request, not their data.
      return new ProviderError('malformed', `${message} (request refused)`);
    default: {
      const byCode = statusFailure('twelvedata', { ...response, status: envelope.code }, text);
      return byCode ?? new ProviderError('malformed', message);
    }
  }
}

/** The reason shown for one symbol whose batch entry is an error envelope. */
export function symbolErrorReason(envelope: TwelveDataErrorBody): string {
  if (SYMBOL_ERROR_CODES.has(envelope.code)) return 'unknown symbol at Twelve Data';
  if (envelope.code === 403) return 'not available with this Twelve Data plan';
  return `Twelve Data error ${envelope.code}`;
}
