import { describe, expect, it } from 'vitest';

import { conditionOf } from '../../../src-main/core/live/condition.js';
import { providerHealth } from '../../../src-main/core/live/provider-health.js';
import type { DriverStatus } from '../../../src-main/core/scheduler/driver.js';

const NOW = Date.parse('2026-11-25T19:31:00Z'); // 14:31 ET

function status(overrides: Partial<DriverStatus>): DriverStatus {
  return {
    state: 'running',
    lastFailure: undefined,
    retryAt: null,
    callsToday: 12,
    callsLeftToday: null,
    quotaExhausted: false,
    fullRefreshMs: 503_400,
    hasSucceeded: true,
    callsInFlight: 0,
    marketClosed: false,
    ...overrides,
  };
}

const health = (s: DriverStatus) =>
  providerHealth({ providerId: 'finnhub', label: 'Finnhub', status: s, limitations: [], now: NOW });

describe('providerHealth', () => {
  it('says the key is invalid and where to fix it', () => {
    const result = health(status({ state: 'stopped-bad-key' }));

    expect(result.state).toBe('bad-key');
    expect(result.message).toMatch(/^Finnhub says the key is invalid: check it in Settings\./);
  });

  it('gives the time a rate limit ends, in Eastern time, and its ISO form', () => {
    const retryAt = NOW + 70_000;
    const result = health(
      status({
        state: 'rate-limited',
        retryAt,
        lastFailure: { kind: 'rate-limited', message: '429', at: NOW },
      }),
    );

    expect(result.message).toBe(
      'Rate limited by Finnhub until 14:32:10 ET — showing the last good data.',
    );
    expect(result.retryAt).toBe(new Date(retryAt).toISOString());
  });

  it('tells a used-up daily quota from a short rate limit', () => {
    const result = health(
      status({
        state: 'rate-limited',
        quotaExhausted: true,
        retryAt: NOW + 3_600_000,
        callsLeftToday: 0,
      }),
    );

    expect(result.message).toMatch(
      /^Finnhub's daily quota of calls is used up: none left until 15:31:00 ET/,
    );
  });

  it("says a credit-based provider's quota in credits and reports the unit", () => {
    const result = providerHealth({
      providerId: 'twelvedata',
      label: 'Twelve Data',
      status: status({
        state: 'rate-limited',
        quotaExhausted: true,
        retryAt: NOW + 3_600_000,
        callsLeftToday: 0,
      }),
      limitations: [],
      unit: 'credits',
      now: NOW,
    });

    expect(result.message).toMatch(
      /^Twelve Data's daily quota of credits is used up: none left until 15:31:00 ET/,
    );
    expect(result.unit).toBe('credits');
    expect(health(status({})).unit).toBe('calls');
  });

  it('reports an unreachable provider as offline and bad answers as degraded', () => {
    const down = status({
      state: 'backing-off',
      lastFailure: { kind: 'provider-down', message: 'timeout', at: NOW },
    });
    const bad = status({
      state: 'backing-off',
      lastFailure: { kind: 'malformed', message: 'HTML page', at: NOW },
    });

    expect(health(down).state).toBe('offline');
    expect(health(bad)).toMatchObject({
      state: 'degraded',
      message: expect.stringContaining('(HTML page)'),
    });
  });

  it('rounds the full refresh up to whole seconds and passes the counts through', () => {
    expect(health(status({}))).toMatchObject({
      state: 'ok',
      fullRefreshSeconds: 504,
      callsToday: 12,
      callsLeftToday: null,
    });
  });
});

describe('conditionOf', () => {
  it('names why tiles are not refreshing, or nothing while they are', () => {
    expect(conditionOf(status({}))).toBeUndefined();
    expect(conditionOf(status({ state: 'rate-limited' }))).toBe('rate limited');
    expect(conditionOf(status({ marketClosed: true }))).toBe('market closed');
    expect(conditionOf(status({ state: 'stopped-bad-key' }))).toBe('the provider refused the key');
  });
});
