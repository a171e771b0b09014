import { describe, expect, it } from 'vitest';

import {
  DailyQuota,
  nextDayStart,
  quotaDay,
} from '../../../src-main/core/scheduler/daily-quota.js';
import { MemoryUsageStore } from '../../../src-main/core/scheduler/usage-store.js';

/** 19:30 ET on 2026-11-25 = 00:30 UTC on the 26th: the UTC and New York days differ. */
const EVENING = Date.parse('2026-11-26T00:30:00Z');

describe('DailyQuota', () => {
  it('counts days in the provider zone: UTC for Twelve Data, New York otherwise', () => {
    expect(quotaDay(EVENING, 'UTC')).toBe('2026-11-26');
    expect(quotaDay(EVENING, 'America/New_York')).toBe('2026-11-25');
    expect(nextDayStart(EVENING, 'America/New_York')).toBe(Date.parse('2026-11-26T05:00:00Z'));
  });

  it('keeps the day count across a restart and resets it the next day', () => {
    const store = new MemoryUsageStore();
    new DailyQuota('alphavantage', 25, store, EVENING).spend(EVENING, 20);

    const restarted = new DailyQuota('alphavantage', 25, store, EVENING + 1_000);
    const nextDay = EVENING + 6 * 3_600_000;

    expect(restarted.left(EVENING + 1_000)).toBe(5);
    expect(restarted.fits(EVENING + 1_000, 6)).toBe(false);
    expect(restarted.left(nextDay)).toBe(25);
  });

  it('has no limit without a daily cap', () => {
    const quota = new DailyQuota('finnhub', undefined, new MemoryUsageStore(), EVENING);
    quota.spend(EVENING, 1_000);

    expect(quota.left(EVENING)).toBeNull();
    expect(quota.fits(EVENING, 1)).toBe(true);
    expect(quota.usedToday(EVENING)).toBe(1_000);
  });
});
