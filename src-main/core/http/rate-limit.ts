/**
 * A token bucket: `capacity` requests at once, refilled at `refillPerSecond`. The HTTP layer
 * keeps one per server (so per process) and refuses with 429 when it is empty: a runaway page
 * or script on this machine cannot keep the engine busy answering it.
 */
import { type Clock, SYSTEM_CLOCK } from '../domain/types.js';

export interface RateLimitOptions {
  /** Requests allowed in a burst. */
  capacity: number;
  /** Requests allowed per second, sustained. */
  refillPerSecond: number;
}

/** Generous for a page load (a dozen files) plus polling and a few tabs; a flood is not. */
export const DEFAULT_RATE_LIMIT: Readonly<RateLimitOptions> = {
  capacity: 300,
  refillPerSecond: 100,
};

export interface RateLimiter {
  /** Takes a token: 0 when granted, else how many ms until one is available. */
  take(): number;
}

/** See the module comment. Throws on a capacity or rate that is not a positive number. */
export function createRateLimiter(
  options: RateLimitOptions = DEFAULT_RATE_LIMIT,
  clock: Clock = SYSTEM_CLOCK,
): RateLimiter {
  const { capacity, refillPerSecond } = options;
  if (!(capacity >= 1) || !Number.isFinite(capacity)) {
    throw new RangeError(`rate limit: \`capacity\` must be a number >= 1, received ${capacity}`);
  }
  if (!(refillPerSecond > 0) || !Number.isFinite(refillPerSecond)) {
    throw new RangeError(
      `rate limit: \`refillPerSecond\` must be a number > 0, received ${refillPerSecond}`,
    );
  }

  let tokens = capacity;
  let updatedAt = clock.now();
  return {
    take() {
      const now = clock.now();
      tokens = Math.min(capacity, tokens + ((now - updatedAt) / 1000) * refillPerSecond);
      updatedAt = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return Math.ceil(((1 - tokens) / refillPerSecond) * 1000);
    },
  };
}
