/**
 * The engine against the provider mocks on 127.0.0.1, on virtual time: quotes served, failures
 * kept as last good data with the reason, no call during a wait, recovery, key changes,
 * switching, and daily usage across a restart.
 */
import { afterEach, describe, expect, it } from 'vitest';

import { createEngine, type RunningEngine } from '../../src-main/core/engine.js';
import type { ProviderSettings } from '../../src-main/core/engine-types.js';
import { MemoryUsageStore } from '../../src-main/core/scheduler/usage-store.js';
import { startAlpacaMock } from '../mocks/providers/alpaca-mock.js';
import { startAlphaVantageMock } from '../mocks/providers/alphavantage-mock.js';
import { FINNHUB_BAD_KEY, startFinnhubMock } from '../mocks/providers/finnhub-mock.js';
import { startFmpMock } from '../mocks/providers/fmp-mock.js';
import type { MockServer } from '../mocks/providers/mock-server.js';
import { startTwelveDataMock } from '../mocks/providers/twelvedata-mock.js';
import { RESOURCES_DIR } from './helpers/resources.js';
import { settleWhen, VirtualTime } from './helpers/virtual-time.js';

/** 15:00 ET on Wednesday 2026-11-25, an hour before the close; the fixtures' day. */
const T0 = Date.parse('2026-11-25T20:00:00Z');
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const ALL = { sectors: [], categories: [] };
/** Every symbol of resources/universe.json (S&P 500, Nasdaq-100, Dow and ETFs). */
const UNIVERSE_SIZE = 645;
/** Short client tuning: no retries inside got (the scheduler owns every retry), 200 ms timeout. */
const TUNING = { http: { retryLimit: 0, timeoutMs: 200 } };

const engines: RunningEngine[] = [];
const mocks: MockServer[] = [];

afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.stop();
  for (const mock of mocks.splice(0)) await mock.close();
});

async function liveEngine(settings: ProviderSettings, usageStore = new MemoryUsageStore()) {
  const time = new VirtualTime(T0);
  const engine = await createEngine({
    resourcesDir: RESOURCES_DIR,
    clock: time,
    timers: time,
    providerSettings: settings,
    providerTuning: TUNING,
    usageStore,
    random: () => 0,
  });
  engines.push(engine);
  const settle = settleWhen(() => engine.driver.status().callsInFlight);
  const advance = (ms: number): Promise<void> => time.advance(ms, settle);
  return { engine, time, advance, settle };
}

function row(engine: RunningEngine, symbol: string) {
  return engine.stocks(ALL).stocks.find((s) => s.symbol === symbol);
}

async function track<M extends MockServer>(mock: Promise<M>): Promise<M> {
  const started = await mock;
  mocks.push(started);
  return started;
}

/** A live engine on the Finnhub mock, started and past its first quotes. */
async function runningFinnhub() {
  const mock = await track(startFinnhubMock());
  const live = await liveEngine({ provider: 'finnhub', apiKey: 'k', baseUrl: mock.url });
  await live.engine.start();
  await live.advance(5 * SECOND);
  return { mock, ...live };
}

describe('engine with Finnhub (one symbol a call, 60 a minute)', () => {
  it('serves quotes from the mock and reports calls and the full-refresh time', async () => {
    const mock = await track(startFinnhubMock());
    const { engine, advance } = await liveEngine({
      provider: 'finnhub',
      apiKey: 'k',
      baseUrl: mock.url,
    });

    await engine.start();
    await advance(MINUTE - 500);

    expect(row(engine, 'AAPL')).toMatchObject({
      price: 187.42,
      previousClose: 189,
      status: 'live',
    });
    expect(mock.requestsTo('/quote')).toHaveLength(60);
    expect(engine.health().providerState).toMatchObject({
      state: 'ok',
      callsToday: 60,
      callsLeftToday: null,
      fullRefreshSeconds: UNIVERSE_SIZE,
    });
  });

  it('asks for the biggest tiles first and never for one symbol twice at once', async () => {
    const mock = await track(startFinnhubMock());
    const { engine, advance } = await liveEngine({
      provider: 'finnhub',
      apiKey: 'k',
      baseUrl: mock.url,
    });

    await engine.start();
    await advance(10 * SECOND);
    const asked = mock.requestsTo('/quote').map((r) => r.query.symbol);

    expect(asked.slice(0, 3)).toEqual(expect.arrayContaining(['NVDA', 'AAPL', 'MSFT']));
    expect(new Set(asked).size).toBe(asked.length);
  });

  it('waits out a Retry-After with no call, keeps the last good quote, and recovers', async () => {
    const { mock, engine, advance } = await runningFinnhub();

    mock.useCase('rate-limit-retry-after');
    const before = mock.requests.length;
    await advance(SECOND);
    await advance(28 * SECOND);
    const during = mock.requests.length - before;
    const health = engine.health().providerState;
    mock.useCase('success');
    await advance(10 * SECOND);

    expect(during).toBe(1);
    expect(health.state).toBe('rate-limited');
    expect(health.message).toMatch(
      /^Rate limited by Finnhub until \d\d:\d\d:\d\d ET — showing the last good data/,
    );
    expect(row(engine, 'AAPL')?.price).toBe(187.42);
    expect(engine.health().providerState.state).toBe('ok');
  });

  it("keeps the session's close through rate limits after the close, as closed, not stale", async () => {
    const { mock, engine, advance } = await runningFinnhub();

    mock.useCase('rate-limit');
    const before = mock.requests.length;
    // The fixture's quote is stamped 16:00 ET; by 16:30 ET it is the day's close, whatever
    // its age (the in-session stale reason is covered in market-state-live.spec.ts).
    await advance(90 * MINUTE);

    // Finnhub's 429 has no Retry-After: the adapter waits a minute each time.
    expect(mock.requests.length - before).toBeLessThanOrEqual(91);
    expect(engine.health().providerState.retryAt).not.toBeNull();
    expect(row(engine, 'AAPL')).toMatchObject({
      price: 187.42,
      status: 'closed',
      closedSessionDate: '2026-11-25',
    });
    expect(row(engine, 'AAPL')?.reason).toBeUndefined();
  });

  it('tells listeners at the bell that tiles show the close, with no fetch (paused)', async () => {
    const { engine, advance } = await runningFinnhub();
    await engine.pause();
    const pushed: Array<{ symbol: string; status: string }> = [];
    engine.onChanges((batch) => pushed.push(...batch.changes));
    expect(row(engine, 'AAPL')?.status).toBe('live');

    // 15:00 ET → 16:00:30 ET: no call runs while paused; the status sweep still runs.
    await advance(60 * MINUTE + 25 * SECOND);

    expect(pushed.filter((c) => c.symbol === 'AAPL').map((c) => c.status)).toContain('closed');
    expect(row(engine, 'AAPL')).toMatchObject({
      status: 'closed',
      closedSessionDate: '2026-11-25',
    });
  });

  it('stops every call on a bad key until the key changes', async () => {
    const mock = await track(startFinnhubMock());
    const settings = { provider: 'finnhub', apiKey: FINNHUB_BAD_KEY, baseUrl: mock.url };
    const { engine, advance } = await liveEngine(settings);

    await engine.start();
    await advance(10 * MINUTE);
    const health = engine.health().providerState;
    const calls = mock.requests.length;
    await engine.configureProvider({ ...settings, apiKey: 'good' });
    await advance(5 * SECOND);

    expect(calls).toBe(1);
    expect(health.state).toBe('bad-key');
    expect(health.message).toMatch(/^Finnhub says the key is invalid: check it in Settings/);
    expect(mock.requests.length).toBeGreaterThan(1);
    expect(engine.health().providerState.state).toBe('ok');
  });

  it('backs off after a timeout, an HTML page or truncated JSON, and recovers', async () => {
    const { mock, engine, advance } = await runningFinnhub();

    for (const failure of ['slow', 'html-page', 'truncated-json'] as const) {
      mock.useCase(failure);
      const before = mock.requests.length;
      await advance(1_900);
      // One failed call, then backoff (1 s, then 2 s with jitter 0 → 0.5 s, 1 s): no burst.
      expect(mock.requests.length - before).toBeLessThanOrEqual(3);
      expect(['offline', 'degraded']).toContain(engine.health().providerState.state);
      expect(row(engine, 'AAPL')?.price).toBe(187.42);
      mock.useCase('success');
      await advance(10 * SECOND);
      expect(engine.health().providerState.state).toBe('ok');
    }
  });
});

describe('engine with batching providers', () => {
  it('Alpaca: one full refresh is ⌈645 ÷ 100⌉ = 7 snapshot calls', async () => {
    const mock = await track(startAlpacaMock());
    const { engine, advance } = await liveEngine({
      provider: 'alpaca',
      apiKey: 'id',
      apiSecret: 's',
      baseUrl: mock.url,
    });

    await engine.start();
    await advance(3 * SECOND);

    // Every symbol has a quote after exactly 7 calls (the last one topped up with repeats, as
    // a call costs the same however full); later calls refresh (1 s floor).
    const covered = new Set<string>();
    let calls = 0;
    for (const request of mock.requestsTo('/v2/stocks/snapshots')) {
      if (covered.size === UNIVERSE_SIZE) break;
      for (const symbol of (request.query.symbols ?? '').split(',')) covered.add(symbol);
      calls += 1;
    }
    expect(covered.size).toBe(UNIVERSE_SIZE);
    expect(calls).toBe(7);
    expect(row(engine, 'AAPL')?.price).toBeGreaterThan(0);
  });

  it('Twelve Data: one batch of 8 symbols a minute (8 credits)', async () => {
    const mock = await track(startTwelveDataMock());
    const { engine, advance } = await liveEngine({
      provider: 'twelvedata',
      apiKey: 'k',
      baseUrl: mock.url,
    });

    await engine.start();
    await advance(2 * MINUTE + SECOND);
    const calls = mock.requestsTo('/quote');

    expect(calls).toHaveLength(3);
    expect(calls.every((c) => c.query.symbol?.split(',').length === 8)).toBe(true);
    expect(engine.health().providerState).toMatchObject({
      callsToday: 24,
      callsLeftToday: 776,
      unit: 'credits',
    });
    expect(engine.health().providerState.limitations.join(' ')).toMatch(
      /Twelve Data allows 8 credits a minute/,
    );
  });

  it('FMP: once it says the daily limit is reached, health says 0 left until the reset', async () => {
    const mock = await track(startFmpMock());
    const { engine, advance } = await liveEngine({
      provider: 'fmp',
      apiKey: 'k',
      baseUrl: mock.url,
    });
    mock.useCase('rate-limit');

    await engine.start();
    await advance(SECOND);
    const health = engine.health().providerState;
    const calls = mock.requests.length;
    await advance(10 * MINUTE);

    expect(health).toMatchObject({ state: 'rate-limited', callsLeftToday: 0, unit: 'calls' });
    expect(health.callsToday).toBeGreaterThanOrEqual(1);
    expect(health.message).toMatch(
      /^Financial Modeling Prep's daily quota of calls is used up: none left until 00:00:00 ET/,
    );
    expect(mock.requests).toHaveLength(calls);
  });

  it('Alpha Vantage: paces 25 calls a day, says so, and keeps the count across a restart', async () => {
    const mock = await track(startAlphaVantageMock());
    const store = new MemoryUsageStore();
    const settings = { provider: 'alphavantage', apiKey: 'k', baseUrl: mock.url };
    const first = await liveEngine(settings, store);
    await first.engine.start();
    await first.advance(10 * MINUTE);
    const used = first.engine.health().providerState.callsToday;
    await first.engine.stop();

    const second = await liveEngine(settings, store);
    const health = second.engine.health().providerState;

    expect(used).toBeGreaterThanOrEqual(2);
    expect(used).toBeLessThanOrEqual(6);
    expect(health.callsToday).toBe(used);
    expect(health.callsLeftToday).toBe(25 - used);
    expect(health.limitations.join(' ')).toMatch(
      /Alpha Vantage allows 25 calls a day: that covers 25 of 645 tiles/,
    );
  });
});

describe('switching providers', () => {
  it('keeps the last good data, marked stale, and never lets an older quote win', async () => {
    const finnhub = await track(startFinnhubMock());
    const alpaca = await track(startAlpacaMock());
    const { engine, advance } = await liveEngine({
      provider: 'finnhub',
      apiKey: 'k',
      baseUrl: finnhub.url,
    });
    await engine.start();
    await advance(5 * SECOND);
    const held = row(engine, 'AAPL');

    alpaca.useCase('bad-key');
    await engine.configureProvider({
      provider: 'alpaca',
      apiKey: 'id',
      apiSecret: 's',
      baseUrl: alpaca.url,
    });
    await advance(SECOND);

    expect(row(engine, 'AAPL')).toMatchObject({
      price: held?.price,
      status: 'stale',
      reason: 'last good data from Finnhub, waiting for Alpaca — the provider refused the key',
    });
    expect(engine.health()).toMatchObject({
      provider: 'alpaca',
      providerState: { state: 'bad-key' },
    });
  });

  it('tests a key with one call without switching', async () => {
    const mock = await track(startFinnhubMock());
    const { engine } = await liveEngine({ provider: 'replay' });

    const good = await engine.testKey({ provider: 'finnhub', apiKey: 'k', baseUrl: mock.url });
    const bad = await engine.testKey({
      provider: 'finnhub',
      apiKey: FINNHUB_BAD_KEY,
      baseUrl: mock.url,
    });

    expect(good).toMatchObject({ ok: true });
    expect(bad).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Finnhub says the key is invalid/),
    });
    expect(mock.requests).toHaveLength(2);
    expect(engine.health().provider).toBe('replay');
  });
});
