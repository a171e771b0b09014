/** Reconnect delays for the stream: exponential with jitter, capped. */

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_MAX_MS = 30_000;
/** Share of a delay that is randomised, so many windows don't reconnect in lock-step. */
export const BACKOFF_JITTER = 0.2;

/**
 * Delay before reconnect attempt `attempt` (0-based): 1 s, 2 s, 4 s … up to 30 s, each
 * shortened by up to 20 % at random. `random` is injectable for tests.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const exp = Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempt), BACKOFF_MAX_MS);
  return Math.round(exp * (1 - BACKOFF_JITTER * random()));
}
