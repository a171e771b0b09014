import { describe, expect, it } from 'vitest';

import { newYorkToEpoch } from '../../../src-main/core/market/new-york-time.js';
import { loadNyseCalendar } from '../../../src-main/core/market/nyse-calendar.js';
import { DailyQuota } from '../../../src-main/core/scheduler/daily-quota.js';
import {
  CLOSE_SETTLE_MS,
  CLOSED_RECHECK_MS,
  dueTime,
  FAST_SYMBOL_INTERVAL_MS,
  hoursContext,
  MIN_SYMBOL_INTERVAL_MS,
  pacedStart,
  symbolIntervalMs,
} from '../../../src-main/core/scheduler/pacing.js';
import { MemoryUsageStore } from '../../../src-main/core/scheduler/usage-store.js';
import { RESOURCES_DIR } from '../helpers/resources.js';

const calendar = loadNyseCalendar(RESOURCES_DIR);
const at = (date: string, hour: number, minute = 0): number =>
  newYorkToEpoch(date, hour * 60 + minute);

describe('dueTime', () => {
  it('refetches after the minimum interval in the session', () => {
    const now = at('2026-11-25', 11);
    expect(dueTime(now - 1_000, hoursContext(calendar, now))).toBe(
      now - 1_000 + MIN_SYMBOL_INTERVAL_MS,
    );
  });

  it('uses the 1 s floor only where unused calls are lost each minute', () => {
    expect(symbolIntervalMs({ perMinute: 200 })).toBe(FAST_SYMBOL_INTERVAL_MS);
    expect(symbolIntervalMs({ perSecond: 30, perMinute: 60 })).toBe(FAST_SYMBOL_INTERVAL_MS);
    expect(symbolIntervalMs({})).toBe(MIN_SYMBOL_INTERVAL_MS);
    expect(symbolIntervalMs({ perMinute: 8, perDay: 800 })).toBe(MIN_SYMBOL_INTERVAL_MS);
    const now = at('2026-11-25', 11);
    expect(dueTime(now, hoursContext(calendar, now), FAST_SYMBOL_INTERVAL_MS)).toBe(now + 1_000);
  });

  it('after the close: once for the closing prints, then only rarely (early close included)', () => {
    const evening = at('2026-11-27', 18); // Black Friday: closes at 13:00
    const context = hoursContext(calendar, evening);
    const close = at('2026-11-27', 13);

    expect(dueTime(close - 60_000, context)).toBe(close + CLOSE_SETTLE_MS);
    expect(dueTime(close + CLOSE_SETTLE_MS, context)).toBe(
      close + CLOSE_SETTLE_MS + CLOSED_RECHECK_MS,
    );
  });

  it('on a weekend the last close is Friday’s', () => {
    const sunday = at('2026-11-29', 12);
    expect(hoursContext(calendar, sunday)).toEqual({
      open: false,
      lastClose: at('2026-11-27', 13),
    });
  });
});

describe('pacedStart', () => {
  const quotaAt = (now: number, used: number) => {
    const quota = new DailyQuota('alphavantage', 25, new MemoryUsageStore(), now);
    if (used > 0) quota.spend(now, used);
    return quota;
  };

  it('spreads the day’s quota over what is left of the session', () => {
    const now = at('2026-11-25', 15); // one hour before the close, 20 calls left
    const start = pacedStart({
      now,
      cost: 1,
      lastStart: now,
      quota: quotaAt(now, 5),
      calendar,
      fillsEmpty: false,
    });

    expect(start).toBe(now + 3_600_000 / 20);
  });

  it('keeps the quota for the session before the open, except to fill an empty map', () => {
    const early = at('2026-11-25', 7);
    const quota = quotaAt(early, 0);

    expect(
      pacedStart({ now: early, cost: 1, lastStart: undefined, quota, calendar, fillsEmpty: false }),
    ).toBe(at('2026-11-25', 9, 30));
    expect(
      pacedStart({ now: early, cost: 1, lastStart: undefined, quota, calendar, fillsEmpty: true }),
    ).toBe(early);
  });

  it('spends leftover calls after the close: the day ends before the next session', () => {
    const evening = at('2026-11-25', 17);
    expect(
      pacedStart({
        now: evening,
        cost: 1,
        lastStart: evening,
        quota: quotaAt(evening, 5),
        calendar,
        fillsEmpty: false,
      }),
    ).toBe(evening);
  });
});
