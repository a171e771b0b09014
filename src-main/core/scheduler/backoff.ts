/**
 * Exponential backoff with jitter, as small pure functions: how long to wait before the next
 * attempt after `attempt` consecutive failures.
 */

const MS_PER_SECOND = 1000;
const MS_PER_MINUTE = 60 * MS_PER_SECOND;

/** Wait after the first failure. */
export const BACKOFF_BASE_MS = 1 * MS_PER_SECOND;
/** The wait never grows beyond this. */
export const BACKOFF_MAX_MS = 5 * MS_PER_MINUTE;
/** Jitter keeps between this share of the delay and all of it, so clients do not sync up. */
export const BACKOFF_MIN_JITTER_SHARE = 0.5;

export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
  /** Uniform random source in [0, 1); injectable for tests. */
  random?: () => number;
}

/** The capped exponential delay (no jitter) after `attempt` consecutive failures (1-based). */
export function backoffCeiling(attempt: number, options: BackoffOptions = {}): number {
  if (!Number.isInteger(attempt) || attempt < 1) {
    throw new RangeError(`backoff: \`attempt\` must be an integer >= 1, received ${attempt}`);
  }
  const base = options.baseMs ?? BACKOFF_BASE_MS;
  const max = options.maxMs ?? BACKOFF_MAX_MS;
  // 2 ** 60 would overflow nothing, but capping the exponent keeps the number exact.
  return Math.min(max, base * 2 ** Math.min(attempt - 1, 30));
}

/** The delay with jitter: uniformly between half the ceiling and the ceiling. */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const ceiling = backoffCeiling(attempt, options);
  const random = options.random ?? Math.random;
  const share = BACKOFF_MIN_JITTER_SHARE + (1 - BACKOFF_MIN_JITTER_SHARE) * random();
  return Math.round(ceiling * share);
}

/**
 * The wait before retrying after a failure: the provider's `retryAt` when it gave one and it
 * lies ahead, otherwise the jittered backoff.
 */
export function retryDelay(
  attempt: number,
  now: number,
  retryAt: number | undefined,
  options: BackoffOptions = {},
): number {
  if (retryAt !== undefined && retryAt > now) return retryAt - now;
  return backoffDelay(attempt, options);
}
