/**
 * The daily-close backfill inside the quota scheduler, on virtual time, against an in-memory
 * provider: quotes keep their pace, history runs in the spare capacity, a (symbol, date) is
 * never asked twice, a restart resumes from the cache, and the whole year costs a bounded
 * number of calls.
 */
import { afterEach, describe, expect, it } from 'vitest';

import type { Quote } from '../../../src-main/core/domain/types.js';
import { DailyCloseCache } from '../../../src-main/core/history/daily-close-cache.js';
import { tradingDatesBetween } from '../../../src-main/core/history/trading-dates.js';
import { loadNyseCalendar } from '../../../src-main/core/market/nyse-calendar.js';
import type {
  DailyCloseBatch,
  DailyCloseRequest,
  HistoryShape,
  MarketDataProvider,
  QuoteBatchResult,
  RatePolicy,
} from '../../../src-main/core/providers/provider.js';
import { HistoryBackfill } from '../../../src-main/core/scheduler/history-backfill.js';
import { SESSION_TURN_MS, sessionTurnMs } from '../../../src-main/core/scheduler/history-turns.js';
import { QuotaScheduler } from '../../../src-main/core/scheduler/quota-scheduler.js';
import { loadUniverse } from '../../../src-main/core/universe/universe.js';
import { RESOURCES_DIR } from '../helpers/resources.js';
import { settleWhen, VirtualTime } from '../helpers/virtual-time.js';

const calendar = loadNyseCalendar(RESOURCES_DIR);
const SP500 = loadUniverse(RESOURCES_DIR)
  .instruments.filter((i) => i.categories.includes('sp500'))
  .map((i) => i.symbol);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Wednesday 2026-11-25, 10:00 ET: the regular session. */
const SESSION = Date.parse('2026-11-25T15:00:00Z');
/** Saturday 2026-11-28, 10:00 ET: the market is closed. */
const WEEKEND = Date.parse('2026-11-28T15:00:00Z');

const ALPACA_LIKE = {
  policy: { perMinute: 200 } as RatePolicy,
  batchSize: 100,
  shape: { kind: 'symbols-range', symbolsPerCall: 100, barsPerCall: 10_000 } as HistoryShape,
};
const POLYGON_LIKE = {
  policy: { perMinute: 5 } as RatePolicy,
  batchSize: 1_000,
  shape: { kind: 'whole-market' } as HistoryShape,
};
const TWELVE_LIKE = {
  policy: { perMinute: 8, perDay: 800, creditsPerSymbol: 1, unit: 'credits' } as RatePolicy,
  batchSize: 8,
  shape: { kind: 'symbols-range', symbolsPerCall: 4, barsPerCall: 5_000 } as HistoryShape,
};
type Kind = typeof ALPACA_LIKE;

/** Answers every call at once; records quote and history calls with their virtual time. */
class FakeProvider implements MarketDataProvider {
  readonly id = 'fake';
  readonly capabilities;
  readonly quoteCalls: { at: number; symbols: readonly string[] }[] = [];
  readonly historyCalls: { at: number; request: DailyCloseRequest }[] = [];

  constructor(
    readonly kind: Kind,
    private readonly time: VirtualTime,
  ) {
    this.capabilities = {
      batchSize: kind.batchSize,
      streaming: false,
      profiles: false,
      history: true,
      historyShape: kind.shape,
    };
  }

  get ratePolicy(): RatePolicy {
    return this.kind.policy;
  }

  source() {
    return { provider: 'fake', mode: 'live' as const, label: 'Fake' };
  }

  fetchQuotes(symbols: readonly string[]): Promise<QuoteBatchResult> {
    const now = this.time.now();
    this.quoteCalls.push({ at: now, symbols });
    const quotes: Quote[] = symbols.map((symbol) => ({
      symbol,
      price: 100,
      previousClose: 99,
      volume: null,
      marketCap: null,
      timestamp: now,
      receivedAt: now,
    }));
    return Promise.resolve({ quotes, missing: [] });
  }

  fetchDailyCloses(request: DailyCloseRequest): Promise<DailyCloseBatch> {
    this.historyCalls.push({ at: this.time.now(), request });
    const dates = tradingDatesBetween(calendar, request.from, request.to);
    const all = [...request.symbols]
      .sort()
      .flatMap((symbol) => dates.map((date) => ({ symbol, date })));
    const perPage =
      this.kind.shape.kind === 'symbols-range' ? this.kind.shape.barsPerCall : Infinity;
    const offset = Number(request.pageToken ?? 0);
    const page = all.slice(offset, offset + perPage).map((c) => ({ ...c, close: 50 }));
    const more = offset + perPage < all.length;
    return Promise.resolve({
      closes: page,
      ...(more ? { nextPageToken: String(offset + perPage) } : {}),
    });
  }
}

const running: QuotaScheduler[] = [];
afterEach(async () => {
  for (const scheduler of running.splice(0)) await scheduler.stop();
});

function setup(kind: Kind, start: number, options: { history: boolean; cache?: DailyCloseCache }) {
  const time = new VirtualTime(start);
  const provider = new FakeProvider(kind, time);
  const cache = options.cache ?? new DailyCloseCache(time);
  const history = options.history
    ? new HistoryBackfill({
        provider,
        policy: kind.policy,
        cache,
        calendar,
        clock: time,
        ranked: () => SP500,
      })
    : undefined;
  const scheduler = new QuotaScheduler({
    provider,
    policy: kind.policy,
    symbols: SP500,
    weights: new Map(),
    isWatched: () => false,
    lastStreamed: () => undefined,
    calendar,
    clock: time,
    timers: time,
    random: () => 0,
    onResult: () => undefined,
    ...(history ? { history } : {}),
  });
  running.push(scheduler);
  const settle = settleWhen(() => scheduler.pending);
  return { time, provider, cache, scheduler, run: (ms: number) => time.advance(ms, settle) };
}

/** Every (symbol, date) a provider was asked for, across its history calls. */
function askedPairs(provider: FakeProvider): string[] {
  return provider.historyCalls
    .filter((call) => call.request.pageToken === undefined)
    .flatMap(({ request }) =>
      tradingDatesBetween(calendar, request.from, request.to).flatMap((date) =>
        provider.kind.shape.kind === 'whole-market'
          ? [date]
          : request.symbols.map((symbol) => `${symbol}|${date}`),
      ),
    );
}

describe('history backfill in the quota scheduler', () => {
  it('keeps the quote pace of the session on an Alpaca-like plan while history fills', async () => {
    const plain = setup(ALPACA_LIKE, SESSION, { history: false });
    plain.scheduler.start();
    await plain.run(5 * MINUTE);
    const withHistory = setup(ALPACA_LIKE, SESSION, { history: true });
    withHistory.scheduler.start();
    await withHistory.run(5 * MINUTE);

    // Quotes use the whole minute cap in the session (1 s floor): history takes only its
    // session turns (one in 7.5 s at 200 a minute, 4 %), and every other call stays a quote.
    const { historyCalls, quoteCalls } = withHistory.provider;
    expect(sessionTurnMs(ALPACA_LIKE.policy)).toBe(7_500);
    expect(historyCalls.length).toBeGreaterThan(0);
    expect(historyCalls.length).toBeLessThanOrEqual(
      (5 * MINUTE) / sessionTurnMs(ALPACA_LIKE.policy),
    );
    expect(quoteCalls.length + historyCalls.length).toBe(plain.provider.quoteCalls.length);
  });

  it('takes one session turn in 5 minutes on a Polygon-like plan whose quotes are always due', async () => {
    const plain = setup(POLYGON_LIKE, SESSION, { history: false });
    plain.scheduler.start();
    await plain.run(HOUR);
    const { provider, scheduler, run } = setup(POLYGON_LIKE, SESSION, { history: true });
    scheduler.start();
    await run(HOUR);

    expect(sessionTurnMs(POLYGON_LIKE.policy)).toBe(SESSION_TURN_MS);
    expect(provider.historyCalls.length).toBeLessThanOrEqual(HOUR / SESSION_TURN_MS);
    expect(provider.historyCalls.length).toBeGreaterThanOrEqual(HOUR / SESSION_TURN_MS - 1);
    // The same 5 calls a minute; quotes keep all but the history turns.
    expect(provider.quoteCalls.length + provider.historyCalls.length).toBe(
      plain.provider.quoteCalls.length,
    );
  });

  it('fills a year for 503 symbols in 16 Alpaca-like calls, asking no (symbol, date) twice', async () => {
    const { provider, scheduler, run } = setup(ALPACA_LIKE, WEEKEND, { history: true });
    scheduler.start();
    await run(HOUR);

    // 5 chunks of 100 symbols × ~258 sessions = 3 pages each, plus one page for the last 3.
    expect(provider.historyCalls).toHaveLength(16);
    const pairs = askedPairs(provider);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(new Set(pairs.map((p) => p.split('|')[0])).size).toBe(503);
  });

  it('fills a year of sessions in one Polygon-like call per date, each date once', async () => {
    const { provider, scheduler, run } = setup(POLYGON_LIKE, WEEKEND, { history: true });
    scheduler.start();
    await run(4 * HOUR);

    const dates = askedPairs(provider);
    expect(new Set(dates).size).toBe(dates.length);
    // The window: the sessions from a year and a week before Friday up to Wednesday.
    const window = tradingDatesBetween(calendar, '2025-11-20', '2026-11-25');
    expect(dates.sort()).toEqual(window);
    // The five frame start dates come first (1w, 1m, 3m, YTD, 1y).
    expect(provider.historyCalls.slice(0, 5).map((c) => c.request.from)).toEqual([
      '2026-11-20',
      '2026-10-27',
      '2026-08-27',
      '2025-12-31',
      '2025-11-26',
    ]);
  });

  it('resumes from the cache after a restart and asks nothing already answered', async () => {
    const first = setup(POLYGON_LIKE, WEEKEND, { history: true });
    first.scheduler.start();
    await first.run(30 * MINUTE);
    await first.scheduler.stop();
    const before = askedPairs(first.provider);

    const second = setup(POLYGON_LIKE, first.time.now(), { history: true, cache: first.cache });
    second.scheduler.start();
    await second.run(4 * HOUR);
    const after = askedPairs(second.provider);

    expect(before.length).toBeGreaterThan(10);
    expect(after.filter((date) => before.includes(date))).toEqual([]);
    expect(before.length + after.length).toBe(
      tradingDatesBetween(calendar, '2025-11-20', '2026-11-25').length,
    );
  });

  it('asks only the sessions added since, one call per 100 symbols, after a restart', async () => {
    const first = setup(ALPACA_LIKE, WEEKEND, { history: true });
    first.scheduler.start();
    await first.run(HOUR);
    await first.scheduler.stop();

    // Tuesday 2026-12-01, 07:00 ET: Friday's (early close) session is new to the window.
    const tuesday = Date.parse('2026-12-01T12:00:00Z');
    const second = setup(ALPACA_LIKE, tuesday, { history: true, cache: first.cache });
    second.scheduler.start();
    await second.run(HOUR);

    expect(second.provider.historyCalls).toHaveLength(6);
    for (const call of second.provider.historyCalls) {
      expect(call.request).toMatchObject({ from: '2026-11-26', to: '2026-11-27' });
    }
  });

  it('spends at most a tenth of a credit-based day on history, 4 symbols a call', async () => {
    const { provider, scheduler, run } = setup(TWELVE_LIKE, WEEKEND, { history: true });
    scheduler.start();
    await run(12 * HOUR);

    const credits = provider.historyCalls.reduce((sum, c) => sum + c.request.symbols.length, 0);
    expect(credits).toBeGreaterThan(0);
    expect(credits).toBeLessThanOrEqual(80);
    expect(provider.historyCalls.every((c) => c.request.symbols.length <= 4)).toBe(true);
  });

  it('leaves the days captured from quotes to the quotes where symbols cost credits', async () => {
    const time = new VirtualTime(WEEKEND);
    const cache = new DailyCloseCache(time);
    for (const symbol of SP500) {
      for (const date of tradingDatesBetween(calendar, '2026-11-20', '2026-11-25')) {
        cache.put(symbol, date, 100, 'fake:quote', false);
      }
    }
    const { provider, scheduler, run } = setup(TWELVE_LIKE, WEEKEND, { history: true, cache });
    scheduler.start();
    await run(6 * HOUR);

    expect(provider.historyCalls.length).toBeGreaterThan(0);
    for (const call of provider.historyCalls) expect(call.request.to).toBe('2026-11-19');
  });

  it('takes no session turn where symbols cost credits: quotes keep every credit', async () => {
    const plain = setup(TWELVE_LIKE, SESSION, { history: false });
    plain.scheduler.start();
    await plain.run(30 * MINUTE);
    const { provider, scheduler, run } = setup(TWELVE_LIKE, SESSION, { history: true });
    scheduler.start();
    await run(30 * MINUTE);

    expect(provider.historyCalls).toEqual([]);
    expect(provider.quoteCalls.length).toBe(plain.provider.quoteCalls.length);
  });
});
