import { describe, expect, it } from 'vitest';

import { BACKOFF_MAX_MS, backoffDelay } from '../../src-renderer/lib/backoff';

describe('reconnect back-off', () => {
  it('doubles from one second without jitter', () => {
    const none = () => 0;
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, none))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('caps at the maximum', () => {
    expect(backoffDelay(30, () => 0)).toBe(BACKOFF_MAX_MS);
  });

  it('shortens a delay by at most a fifth at random', () => {
    expect(backoffDelay(2, () => 1)).toBe(3200);
    expect(backoffDelay(2, () => 0.5)).toBe(3600);
  });
});
