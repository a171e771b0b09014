import { describe, expect, it } from 'vitest';

import {
  BACKOFF_MAX_MS,
  backoffCeiling,
  backoffDelay,
  retryDelay,
} from '../../../src-main/core/scheduler/backoff.js';

describe('backoff', () => {
  it('doubles the ceiling with each failure from a 1 s base', () => {
    expect([1, 2, 3, 4].map((a) => backoffCeiling(a))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('never waits longer than the cap', () => {
    expect(backoffCeiling(40)).toBe(BACKOFF_MAX_MS);
  });

  it('jitters between half the ceiling and the whole of it', () => {
    expect(backoffDelay(3, { random: () => 0 })).toBe(2000);
    expect(backoffDelay(3, { random: () => 0.999999 })).toBe(4000);
    expect(backoffDelay(3, { random: () => 0.5 })).toBe(3000);
  });

  it('honours a retry time that lies ahead instead of the backoff', () => {
    expect(retryDelay(1, 10_000, 17_000, { random: () => 0 })).toBe(7000);
  });

  it('falls back to the backoff when the retry time has passed or is absent', () => {
    expect(retryDelay(2, 10_000, 9_000, { random: () => 0 })).toBe(1000);
    expect(retryDelay(2, 10_000, undefined, { random: () => 0 })).toBe(1000);
  });

  it('rejects an attempt number below 1, naming the option', () => {
    expect(() => backoffCeiling(0)).toThrow(/`attempt` must be an integer >= 1, received 0/);
  });
});
