/**
 * Pure helpers that turn a provider's "wait" signals (the `Retry-After` header, epoch-second
 * reset headers) into delays. No clock is read here: callers pass `now`, so tests stay exact.
 */

export const SECOND_MS = 1_000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;

/**
 * Longest wait we believe from a header. A larger value is far more likely a unit mix-up (ms
 * sent as seconds) or a broken proxy than a real ban, and would freeze the map for days.
 */
export const MAX_RETRY_AFTER_MS = 24 * HOUR_MS;

/** Delay-seconds form: one or more digits, nothing else (RFC 9110 §10.2.3). */
const DELAY_SECONDS = /^\d+$/;

/**
 * Parses a `Retry-After` value, either delay-seconds (`"120"`) or an HTTP date
 * (`"Wed, 21 Oct 2026 07:28:00 GMT"`), into a delay in milliseconds from `now`.
 *
 * Returns `undefined` when the header is absent or unreadable, so the caller falls back to
 * its own backoff. A date in the past gives 0. Delays are capped at MAX_RETRY_AFTER_MS.
 */
export function parseRetryAfterMs(
  value: string | undefined | null,
  now: number,
): number | undefined {
  if (value === undefined || value === null) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;

  if (DELAY_SECONDS.test(trimmed)) {
    return Math.min(Number(trimmed) * SECOND_MS, MAX_RETRY_AFTER_MS);
  }

  // Only accept something that looks like a date, so "1.5" or "soon" are not parsed loosely.
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.min(Math.max(at - now, 0), MAX_RETRY_AFTER_MS);
}

/**
 * Parses an epoch-seconds reset header (`X-RateLimit-Reset`, `X-Ratelimit-Reset`) into a delay
 * in milliseconds from `now`. Returns `undefined` when absent or not a positive number.
 */
export function parseResetEpochSecondsMs(
  value: string | undefined | null,
  now: number,
): number | undefined {
  if (value === undefined || value === null) return undefined;
  const seconds = Number(value.trim());
  if (!Number.isFinite(seconds) || seconds <= 0) return undefined;
  return Math.min(Math.max(seconds * SECOND_MS - now, 0), MAX_RETRY_AFTER_MS);
}

/**
 * The epoch ms before which no call should be made: `now` plus the first delay the headers
 * give (Retry-After before a reset header), or plus `fallbackMs` when neither is readable.
 */
export function retryAtFromHeaders(
  headers: { retryAfter?: string | null; resetEpochSeconds?: string | null },
  now: number,
  fallbackMs: number,
): number {
  const delay =
    parseRetryAfterMs(headers.retryAfter, now) ??
    parseResetEpochSecondsMs(headers.resetEpochSeconds, now) ??
    fallbackMs;
  return now + delay;
}
