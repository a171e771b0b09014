import { describe, expect, it } from 'vitest';

import type { Quote } from '../../../src-main/core/domain/types.js';
import { captureCloses } from '../../../src-main/core/history/capture-closes.js';
import { DailyCloseCache } from '../../../src-main/core/history/daily-close-cache.js';
import { frameReferenceDates, LiveCloses } from '../../../src-main/core/history/live-closes.js';
import { loadNyseCalendar } from '../../../src-main/core/market/nyse-calendar.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { RESOURCES_DIR } from '../helpers/resources.js';

const calendar = loadNyseCalendar(RESOURCES_DIR);
/** 15:00 ET on Wednesday 2026-11-25. */
const T0 = Date.parse('2026-11-25T20:00:00Z');
const FINNHUB = { providerId: 'finnhub', backfills: false };
const ALPACA = { providerId: 'alpaca', backfills: true };

function quote(symbol: string, timestamp: number, previousClose: number | null): Quote {
  return {
    symbol,
    price: 100,
    previousClose,
    volume: null,
    marketCap: null,
    timestamp,
    receivedAt: timestamp,
  };
}

describe('captureCloses', () => {
  it("stores a quote's previous close under the session before the quote's own", () => {
    const cache = new DailyCloseCache(new FakeClock(T0));
    const added = captureCloses(cache, calendar, 'finnhub', [quote('AAPL', T0, 189)]);

    expect(added).toBe(1);
    expect(cache.get('AAPL', '2026-11-24')).toEqual({ close: 189, source: 'finnhub:quote' });
  });

  it('skips the Thanksgiving holiday and dates a weekend quote by its last session', () => {
    const cache = new DailyCloseCache(new FakeClock(T0));
    // Seen on Sunday, stamped Friday 2026-11-27 13:00 ET (the early close): pc is Wednesday's.
    const friday = Date.parse('2026-11-27T18:00:00Z');
    captureCloses(cache, calendar, 'finnhub', [quote('AAPL', friday, 187.42)]);

    expect(cache.get('AAPL', '2026-11-25')?.close).toBe(187.42);
    expect(cache.get('AAPL', '2026-11-26')).toBeUndefined();
  });

  it('dates a pre-market quote by the last session (its previous close is the one before)', () => {
    const cache = new DailyCloseCache(new FakeClock(T0));
    const mondayPre = Date.parse('2026-11-30T13:00:00Z');
    captureCloses(cache, calendar, 'alpaca', [quote('AAPL', mondayPre, 187.42)]);

    expect(cache.get('AAPL', '2026-11-25')?.close).toBe(187.42);
  });

  it('ignores a missing or zero previous close', () => {
    const cache = new DailyCloseCache(new FakeClock(T0));
    const added = captureCloses(cache, calendar, 'finnhub', [
      quote('AAPL', T0, null),
      quote('MSFT', T0, 0),
    ]);
    expect(added).toBe(0);
  });
});

describe('LiveCloses', () => {
  const symbols = ['AAPL', 'MSFT', 'NVDA'];

  it('computes 1w and 1m from cached closes on or before the frame start', () => {
    const cache = new DailyCloseCache(new FakeClock(T0));
    cache.put('AAPL', '2026-11-18', 200, 'alpaca:history', true);
    // 2026-10-25 is a Sunday: 1m uses Friday 2026-10-23.
    cache.put('AAPL', '2026-10-23', 160, 'alpaca:history', true);
    const live = new LiveCloses(cache, calendar, () => symbols);

    const { performance, reasons } = live.performance('AAPL', 180, -1, T0, ALPACA);

    expect(performance['1d']).toBe(-1);
    expect(performance['1w']).toBeCloseTo(-10, 10);
    expect(performance['1m']).toBeCloseTo(12.5, 10);
    expect(performance['3m']).toBeNull();
    expect(reasons['3m']).toBe('loading daily closes: 0 of 3');
  });

  it('says how many symbols have the frame start while a backfill is loading', () => {
    const cache = new DailyCloseCache(new FakeClock(T0));
    cache.put('AAPL', '2026-11-18', 200, 'alpaca:history', true);
    cache.put('MSFT', '2026-11-18', 400, 'alpaca:history', true);
    const live = new LiveCloses(cache, calendar, () => symbols);

    expect(live.performance('NVDA', 180, 1, T0, ALPACA).reasons['1w']).toBe(
      'loading daily closes: 2 of 3',
    );
  });

  it('says since when closes are collected when the provider has no history endpoint', () => {
    const cache = new DailyCloseCache(new FakeClock(T0));
    captureCloses(cache, calendar, 'finnhub', [quote('AAPL', T0, 189)]);
    const live = new LiveCloses(cache, calendar, () => symbols);

    expect(live.performance('AAPL', 180, 1, T0, FINNHUB).reasons['1w']).toBe(
      "collecting daily closes since 2026-11-24; Finnhub's free plan has no history endpoint",
    );
  });

  it('serves the cached closes before today, oldest first, and reports coverage', () => {
    const cache = new DailyCloseCache(new FakeClock(T0));
    for (const date of frameReferenceDates(calendar, '2026-11-25')) {
      cache.put('AAPL', date, 100, 'alpaca:history', true);
    }
    cache.put('AAPL', '2026-11-24', 189, 'alpaca:history', true);
    cache.put('AAPL', '2026-11-25', 187, 'alpaca:history', true);
    const live = new LiveCloses(cache, calendar, () => symbols);

    const daily = live.daily('AAPL', T0);
    expect(daily.at(-1)).toEqual({ date: '2026-11-24', close: 189 });
    expect(daily.map((d) => d.date)).toEqual([...daily.map((d) => d.date)].sort());
    expect(live.coverage(T0)).toMatchObject({ complete: 1, closes: 7 });
  });
});
