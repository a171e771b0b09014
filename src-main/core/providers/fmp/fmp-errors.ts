/**
 * FMP's error answers mapped to typed ProviderErrors. FMP words the same condition differently
 * across eras (429 or 200 for "Limit Reach", 401 or 200 for a bad key, 402 plain text for plan
 * gates), so the text decides first and the status only when the text says nothing known.
 */
import { nextEasternMidnight } from '../eastern-time.js';
import { ProviderError } from '../errors.js';
import type { HttpResponse } from '../http-client.js';
import {
  describeBody,
  nonJsonFailure,
  rateLimitRetryAt,
  scrubSecrets,
  statusFailure,
} from '../http-response.js';

/** Said by new keys on the retired `/api/v3` and `/api/v4` paths. */
export const LEGACY_ENDPOINT_HINT =
  'FMP closed its legacy /api/v3 endpoints to keys created after 2025-08-31; ' +
  'use the stable base URL https://financialmodelingprep.com/stable';

const PLAN_TEXT =
  /premium|exclusive endpoint|special endpoint|not available under your current subscription|upgrade your plan to access/i;

/**
 * When calls come back after "Limit Reach". The free quota is per day; FMP does not say when the
 * day turns, so, with no `Retry-After`, the next midnight US-Eastern (the later of the likely
 * candidates, so we never spend a call into a still-closed quota).
 */
export function fmpRetryAt(response: HttpResponse): number {
  const midnight = nextEasternMidnight(response.receivedAt);
  return rateLimitRetryAt(response, midnight - response.receivedAt);
}

/** Maps an FMP error text (from JSON or a plain-text body) and its answer to a ProviderError. */
export function fmpError(
  text: string,
  response: HttpResponse,
  secrets: readonly string[],
): ProviderError {
  // Classify on the raw text; only what we show is scrubbed of the key.
  const said = text.trim();
  const shown = scrubSecrets(said, secrets);
  const message = `fmp: HTTP ${response.status}: ${shown}`;

  if (/legacy endpoint/i.test(said))
    return new ProviderError('plan-limit', `${LEGACY_ENDPOINT_HINT} (${message})`);
  // "Limit Reach" is FMP's daily cap (the free plan has no minute cap to hit).
  if (/limit reach/i.test(said)) {
    return new ProviderError('rate-limited', message, fmpRetryAt(response), { dailyLimit: true });
  }
  if (/invalid api key|api key is missing|apikey/i.test(said))
    return new ProviderError('bad-key', message);
  if (PLAN_TEXT.test(said) || response.status === 402)
    return new ProviderError('plan-limit', message);

  return (
    statusFailure('fmp', response, shown) ??
    // An error object on HTTP 200 that names nothing we know: not data we can use.
    new ProviderError('malformed', `${message} (unrecognised error on HTTP 200)`)
  );
}

/** A body that is not JSON: FMP's 402 plan gates are plain text, the rest are outages or junk. */
export function fmpNonJsonError(response: HttpResponse, secrets: readonly string[]): ProviderError {
  const text = response.body.trim();
  const isPlainNotice = text !== '' && !/^[<{[]/.test(text);
  if (
    isPlainNotice &&
    (response.status === 402 || PLAN_TEXT.test(text) || /limit reach/i.test(text))
  ) {
    return fmpError(text.split(/\r?\n/)[0] ?? text, response, secrets);
  }
  if (response.status === 429) {
    return new ProviderError(
      'rate-limited',
      `fmp: HTTP 429 with ${describeBody(text)}`,
      fmpRetryAt(response),
    );
  }
  return nonJsonFailure('fmp', response, secrets);
}
