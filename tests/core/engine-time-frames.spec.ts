/**
 * Time frames on live providers, end to end on virtual time: the engine against the provider
 * mocks, wrapped by the view engine and served over a loopback HTTP server. Alpaca's backfill
 * fills 1w..1y from its bars endpoint; Finnhub's tiles say since when closes are collected.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { createEngine, type RunningEngine } from '../../src-main/core/engine.js';
import type { ProviderSettings } from '../../src-main/core/engine-types.js';
import { DailyCloseCache } from '../../src-main/core/history/daily-close-cache.js';
import { createHttpServer, type HttpServer } from '../../src-main/core/http/server.js';
import { createViewEngine } from '../../src-main/core/views/view-engine.js';
import { createMemoryViewStore } from '../../src-main/core/views/view-store.js';
import type {
  HealthResponse,
  HistoryResponse,
  StocksResponse,
} from '../../src-main/shared/api-types.js';
import { startAlpacaMock } from '../mocks/providers/alpaca-mock.js';
import { startFinnhubMock } from '../mocks/providers/finnhub-mock.js';
import { generatedClose } from '../mocks/providers/history-routes/generated-closes.js';
import type { MockServer } from '../mocks/providers/mock-server.js';
import { RESOURCES_DIR } from './helpers/resources.js';
import { settleWhen, VirtualTime } from './helpers/virtual-time.js';
import { send } from './http/helpers.js';

/** 15:00 ET on Wednesday 2026-11-25, an hour before the close; the fixtures' day. */
const T0 = Date.parse('2026-11-25T20:00:00Z');
const MINUTE = 60_000;
const TUNING = { http: { retryLimit: 0, timeoutMs: 5_000 } };

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serveLive(settings: ProviderSettings, dailyCloses?: DailyCloseCache) {
  const time = new VirtualTime(T0);
  const engine: RunningEngine = await createEngine({
    resourcesDir: RESOURCES_DIR,
    clock: time,
    timers: time,
    providerSettings: settings,
    providerTuning: TUNING,
    random: () => 0,
    ...(dailyCloses ? { dailyCloses } : {}),
  });
  cleanups.push(() => engine.stop());
  const views = createViewEngine(engine, {
    resourcesDir: RESOURCES_DIR,
    store: createMemoryViewStore(),
    clock: time,
  });
  const server: HttpServer = createHttpServer({ engine: views, port: 0 });
  const port = await server.start();
  cleanups.push(() => server.stop());
  const settle = settleWhen(() => engine.driver.status().callsInFlight);
  const get = async <T>(path: string): Promise<T> => (await send(port, path)).json<T>();
  return { engine, get, advance: (ms: number) => time.advance(ms, settle) };
}

async function track<M extends MockServer>(mock: Promise<M>): Promise<M> {
  const started = await mock;
  cleanups.push(() => started.close());
  return started;
}

const percent = (price: number, base: number): number => ((price - base) / base) * 100;

describe('live time frames', () => {
  // A year of bars for 645 symbols is ~165,000 bars through JSON, zod and the cache file: more
  // than the default 5 s on a loaded machine (a time limit, not an assertion about speed).
  const BACKFILL_TEST_TIMEOUT_MS = 30_000;

  it(
    'Alpaca: the backfill ends with 1w..1y on the tiles of /api/stocks?timeframe=1w',
    { timeout: BACKFILL_TEST_TIMEOUT_MS },
    async () => {
      const mock = await track(startAlpacaMock());
      const dir = mkdtempSync(join(tmpdir(), 'time-frames-'));
      const cache = new DailyCloseCache(new VirtualTime(T0), dir);
      const { engine, get, advance } = await serveLive(
        { provider: 'alpaca', apiKey: 'key-id', apiSecret: 'secret', baseUrl: mock.url },
        cache,
      );

      await engine.start();
      await advance(2 * MINUTE);
      const body = await get<StocksResponse>('/api/stocks?timeframe=1w&universe=all');
      const aapl = body.stocks.find((s) => s.symbol === 'AAPL');

      expect(body.timeframe).toBe('1w');
      expect(mock.requestsTo('/v2/stocks/bars').length).toBeGreaterThan(0);
      expect(aapl?.price).toBe(187.42);
      expect(aapl?.performance?.['1w']).toBeCloseTo(
        percent(187.42, generatedClose('AAPL', '2026-11-18')),
        8,
      );
      expect(aapl?.performance?.['1m']).toBeCloseTo(
        percent(187.42, generatedClose('AAPL', '2026-10-23')),
        8,
      );
      expect(aapl?.performance?.['1y']).toBeCloseTo(
        percent(187.42, generatedClose('AAPL', '2025-11-25')),
        8,
      );
      expect(aapl?.performanceReasons).toBeUndefined();

      const history = await get<HistoryResponse>('/api/history?symbol=AAPL');
      expect(history.daily.at(-1)).toEqual({
        date: '2026-11-24',
        close: generatedClose('AAPL', '2026-11-24'),
      });
      const health = await get<HealthResponse>('/api/health');
      expect(health.dailyCloses).toMatchObject({ source: 'backfill', symbols: 645 });
      expect(health.dailyCloses?.completeSymbols).toBeGreaterThan(0);

      // Kept across a restart: a new cache on the same folder has the closes.
      await engine.stop();
      expect(new DailyCloseCache(new VirtualTime(T0), dir).get('AAPL', '2026-11-18')?.source).toBe(
        'alpaca:history',
      );
    },
  );

  it("Finnhub: 1w says since when closes are collected and that there's no history endpoint", async () => {
    const mock = await track(startFinnhubMock());
    const { engine, get, advance } = await serveLive({
      provider: 'finnhub',
      apiKey: 'k',
      baseUrl: mock.url,
    });

    await engine.start();
    await advance(MINUTE);
    const body = await get<StocksResponse>('/api/stocks?timeframe=1w');
    const aapl = body.stocks.find((s) => s.symbol === 'AAPL');

    expect(aapl?.performance?.['1d']).not.toBeNull();
    expect(aapl?.performance?.['1w']).toBeNull();
    expect(aapl?.performanceReasons?.['1w']).toBe(
      "collecting daily closes since 2026-11-24; Finnhub's free plan has no history endpoint",
    );
    expect(mock.requests.every((r) => r.path === '/quote')).toBe(true);
    const health = await get<HealthResponse>('/api/health');
    expect(health.dailyCloses).toMatchObject({ source: 'quotes', since: '2026-11-24' });
    expect(health.dailyCloses?.closes).toBeGreaterThan(0);
  });
});
