import { describe, expect, it } from 'vitest';

import { lowerRatePolicy } from '../../../src-main/core/scheduler/rate-cap.js';
import {
  callCost,
  fullRefreshMs,
  minimumCalls,
} from '../../../src-main/core/scheduler/refresh-estimate.js';

describe('lowerRatePolicy', () => {
  it('only ever lowers the provider policy', () => {
    expect(lowerRatePolicy({ perSecond: 30, perMinute: 60 }, 20)).toEqual({
      perSecond: 20,
      perMinute: 20,
    });
    expect(lowerRatePolicy({ perMinute: 5, perDay: 25 }, 100)).toEqual({
      perMinute: 5,
      perDay: 25,
    });
    expect(lowerRatePolicy({ perDay: 250 }, 10)).toEqual({ perDay: 250, perMinute: 10 });
  });

  it('refuses a limit below 1, naming the option', () => {
    expect(() => lowerRatePolicy({ perMinute: 60 }, 0)).toThrow(
      /`rateLimitPerMinute` must be an integer >= 1, received 0/,
    );
  });
});

describe('refresh estimates', () => {
  it('needs ⌈symbols ÷ batch⌉ calls and counts credits per symbol only where the policy says so', () => {
    expect(minimumCalls(503, 100)).toBe(6);
    expect(callCost({ perMinute: 200, creditsPerSymbol: 1 }, 100)).toBe(1);
    expect(callCost({ perMinute: 8, creditsPerSymbol: 1, unit: 'credits' }, 8)).toBe(8);
  });

  it('times a full refresh at the tightest sustained rate', () => {
    expect(fullRefreshMs({ perSecond: 30, perMinute: 60 }, 1, 503)).toBe(503_000);
    expect(
      fullRefreshMs({ perMinute: 8, perDay: 800, creditsPerSymbol: 1, unit: 'credits' }, 8, 503),
    ).toBe(54_432_000);
    expect(fullRefreshMs({}, 503, 503)).toBeNull();
  });
});
