import { describe, expect, it } from 'vitest';

import {
  MAX_RETRY_AFTER_MS,
  parseResetEpochSecondsMs,
  parseRetryAfterMs,
  retryAtFromHeaders,
} from '../../../src-main/core/providers/retry-after.js';

const NOW = Date.parse('2026-11-25T15:00:00Z');

describe('parseRetryAfterMs', () => {
  it('reads delay-seconds as milliseconds', () => {
    expect(parseRetryAfterMs('120', NOW)).toBe(120_000);
    expect(parseRetryAfterMs(' 0 ', NOW)).toBe(0);
  });

  it('reads an HTTP date as the delay from now', () => {
    expect(parseRetryAfterMs('Wed, 25 Nov 2026 15:01:30 GMT', NOW)).toBe(90_000);
  });

  it('gives 0 for a date in the past', () => {
    expect(parseRetryAfterMs('Wed, 25 Nov 2026 14:00:00 GMT', NOW)).toBe(0);
  });

  it('returns undefined for absent, empty or unreadable values', () => {
    expect(parseRetryAfterMs(undefined, NOW)).toBeUndefined();
    expect(parseRetryAfterMs(null, NOW)).toBeUndefined();
    expect(parseRetryAfterMs('', NOW)).toBeUndefined();
    expect(parseRetryAfterMs('1.5', NOW)).toBeUndefined();
    expect(parseRetryAfterMs('-3', NOW)).toBeUndefined();
    expect(parseRetryAfterMs('soon', NOW)).toBeUndefined();
  });

  it('caps absurd delays', () => {
    expect(parseRetryAfterMs('99999999', NOW)).toBe(MAX_RETRY_AFTER_MS);
  });
});

describe('parseResetEpochSecondsMs', () => {
  it('turns an epoch-seconds reset into a delay', () => {
    expect(parseResetEpochSecondsMs(String(NOW / 1000 + 42), NOW)).toBe(42_000);
  });

  it('ignores zero, negative and non-numeric values', () => {
    expect(parseResetEpochSecondsMs('0', NOW)).toBeUndefined();
    expect(parseResetEpochSecondsMs('abc', NOW)).toBeUndefined();
    expect(parseResetEpochSecondsMs(undefined, NOW)).toBeUndefined();
  });
});

describe('retryAtFromHeaders', () => {
  it('prefers Retry-After, then the reset header, then the fallback', () => {
    const reset = String(NOW / 1000 + 30);
    expect(retryAtFromHeaders({ retryAfter: '5', resetEpochSeconds: reset }, NOW, 60_000)).toBe(
      NOW + 5_000,
    );
    expect(retryAtFromHeaders({ resetEpochSeconds: reset }, NOW, 60_000)).toBe(NOW + 30_000);
    expect(retryAtFromHeaders({}, NOW, 60_000)).toBe(NOW + 60_000);
  });
});
