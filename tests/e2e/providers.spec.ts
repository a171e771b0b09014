/**
 * Each live provider end to end: its mock (tests/mocks/providers) runs in this process on
 * 127.0.0.1, and the real `serve` entry runs as a child with STOCK_PROVIDER, a fake key and
 * STOCK_API_BASE_URL pointed at the mock. The mocks know every universe symbol
 * (universe-quotes.ts), so the map fills from the mock: every tile the server shows has the
 * mock's value, and the count of live tiles is the count of symbols the mock has answered.
 * Then, with the mock answering a failure (refused key, HTML error page, rate limit), the
 * server is restarted on the same data folder and must still show the last good map, marked
 * stale, with a banner saying what is wrong. The fake key must appear in no response and
 * nothing the server prints. Nothing here talks to any host but 127.0.0.1.
 *
 * Pace: the server runs at each provider's free-tier rate policy, and the mock's recorded
 * request times are checked against that tier. Neither a mock switch nor API_RATE_LIMIT can
 * make the server faster (API_RATE_LIMIT only lowers the policy, as issue 3 asks), so the whole
 * map fills within the test only where the free tier allows it: Alpaca (100 symbols a call, 200
 * calls a minute) and Polygon (the whole market in one snapshot call; the snapshot needs a paid
 * key, the free key's end-of-day bars are proven through the adapter in universe-mocks.spec.ts
 * and would show here as stale end-of-day tiles, not live ones). Finnhub (60 calls a
 * minute: about 11 minutes for the universe), Twelve Data (8 credits a minute), FMP (250 calls
 * a day) and Alpha Vantage (25 a day) fill at their pace; for them the test checks every tile
 * filled so far against the mock, not a full map.
 * TODO: a full-map test for the paced providers needs the server to accept a paid plan's
 * limits (a plan setting the adapters already half-support: Twelve Data's creditsPerMinute,
 * FMP's batchSize and callsPerDay) or a virtual clock for `serve`; both are engine changes.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { HealthResponse, StocksResponse } from '../../src-main/shared/api-types';
import type { HeatmapHookHost as Host } from '../../src-renderer/chart/test-hook-types';
import { ALPACA_FIXTURE_SYMBOLS, startAlpacaMock } from '../mocks/providers/alpaca-mock';
import {
  ALPHAVANTAGE_FIXTURE_SYMBOLS,
  startAlphaVantageMock,
} from '../mocks/providers/alphavantage-mock';
import { FINNHUB_KNOWN, startFinnhubMock } from '../mocks/providers/finnhub-mock';
import { FMP_FIXTURE_SYMBOLS, startFmpMock } from '../mocks/providers/fmp-mock';
import { mockNow, shiftMockClock } from '../mocks/providers/mock-clock';
import type { MockServer, RecordedRequest } from '../mocks/providers/mock-server';
import { POLYGON_FIXTURE_SYMBOLS, startPolygonMock } from '../mocks/providers/polygon-mock';
import {
  startTwelveDataMock,
  TWELVEDATA_FIXTURE_SYMBOLS,
} from '../mocks/providers/twelvedata-mock';
import { universeQuote, universeQuotes } from '../mocks/providers/universe-quotes';
import { launchChromium } from './chromium';
import { hoverTooltip } from './hover';
import { type RunningServer, startServer } from './server';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
/** Fake credentials: none of the mocks' special values (`bad-key`, `demo`). */
const FAKE_KEY = 'e2e-fake-key-7f3a9c51';
const FAKE_SECRET = 'e2e-fake-secret-41d2b8';
/** Generous, as in heatmap.spec.ts: two cores shared with the server, Chromium and others. */
const FILL_TIMEOUT_MS = 45_000;
/** A server start, a page load and a banner, each with its own timeout, on a busy machine. */
const TEST_TIMEOUT_MS = 150_000;
const BANNER_TIMEOUT_MS = 30_000;
/** Backoff after a rate limit without Retry-After grows from a few seconds; two rounds fit. */
const RECOVERY_TIMEOUT_MS = 120_000;
const LIVE_TEST_TIMEOUT_MS = 240_000;
const MIN_TILES = 500;

interface ProviderUnderTest {
  id: string;
  /** `source.label` prefix the banner names. */
  label: string;
  start(): Promise<MockServer>;
  /** Symbols (engine form) the mock answers from recorded fixtures, with their old times. */
  fixtures: readonly string[];
  /** The engine-form symbols a request asked quotes for (none for other endpoints). */
  symbolsOf(request: RecordedRequest): string[];
  /** The free tier the mock's request log must stay within (PROVIDERS.md). */
  freeTier: { perMinute?: number; perDay?: number; unit: 'calls' | 'credits' };
  /** Whether the free tier lets the whole map fill within the test (see the file comment). */
  fillsWholeMap: boolean;
  /** Paced providers: live tiles to wait for (the first call's, or ~25 s of Finnhub's pace). */
  liveTarget?: number;
  /**
   * The status a fresh quote of this source has in the session: `delayed` where the adapter
   * states a delay (Alpha Vantage's GLOBAL_QUOTE), `live` elsewhere.
   */
  fresh?: 'live' | 'delayed';
}

const list = (value: string | undefined): string[] => (value ?? '').split(',').filter(Boolean);

const PROVIDERS: ProviderUnderTest[] = [
  {
    id: 'finnhub',
    label: 'Finnhub',
    start: startFinnhubMock,
    fixtures: [...FINNHUB_KNOWN],
    symbolsOf: (r) => (r.path === '/quote' ? list(r.query.symbol) : []),
    freeTier: { perMinute: 60, unit: 'calls' },
    fillsWholeMap: false,
    // One call a second, the largest tiles first: the map's biggest tiles in about 25 s.
    liveTarget: 25,
  },
  {
    id: 'alpaca',
    label: 'Alpaca',
    start: startAlpacaMock,
    fixtures: ALPACA_FIXTURE_SYMBOLS,
    symbolsOf: (r) => (r.path === '/v2/stocks/snapshots' ? list(r.query.symbols) : []),
    freeTier: { perMinute: 200, unit: 'calls' },
    fillsWholeMap: true,
  },
  {
    id: 'polygon',
    label: 'Polygon',
    start: startPolygonMock,
    fixtures: POLYGON_FIXTURE_SYMBOLS,
    symbolsOf: (r) => (r.path.startsWith('/v2/snapshot/') ? list(r.query.tickers) : []),
    freeTier: { perMinute: 5, unit: 'calls' },
    fillsWholeMap: true,
  },
  {
    id: 'twelvedata',
    label: 'Twelve Data',
    start: () => startTwelveDataMock(),
    fixtures: TWELVEDATA_FIXTURE_SYMBOLS,
    symbolsOf: (r) => (r.path === '/quote' ? list(r.query.symbol) : []),
    freeTier: { perMinute: 8, perDay: 800, unit: 'credits' },
    fillsWholeMap: false,
  },
  {
    id: 'fmp',
    label: 'Financial Modeling Prep',
    start: startFmpMock,
    fixtures: FMP_FIXTURE_SYMBOLS.map((s) => s.replace('-', '.')),
    symbolsOf: (r) =>
      (r.path === '/quote' ? list(r.query.symbol) : list(r.query.symbols)).map((s) =>
        s.replace('-', '.'),
      ),
    freeTier: { perDay: 250, unit: 'calls' },
    fillsWholeMap: false,
  },
  {
    id: 'alphavantage',
    label: 'Alpha Vantage',
    start: startAlphaVantageMock,
    fixtures: ALPHAVANTAGE_FIXTURE_SYMBOLS,
    symbolsOf: (r) => (r.query.function === 'GLOBAL_QUOTE' ? list(r.query.symbol) : []),
    freeTier: { perDay: 25, unit: 'calls' },
    fillsWholeMap: false,
    fresh: 'delayed',
  },
];

/** S&P 500 symbols the mocks know: every one of the universe's (the map's default view). */
const SP500_KNOWN = [...universeQuotes().values()].filter((q) => q.categories.includes('sp500'));
const SP500 = new Set(SP500_KNOWN.map((q) => q.symbol));
const freshOf = (provider: ProviderUnderTest): 'live' | 'delayed' => provider.fresh ?? 'live';

/** Mock case → the banner's title and the states health may report for it. */
const FAILURES = [
  { mockCase: 'bad-key', title: 'API key refused', states: ['bad-key'] },
  {
    mockCase: 'html-page',
    title: /Provider unreachable|Unusable answers/,
    states: ['offline', 'degraded'],
  },
  { mockCase: 'rate-limit', title: 'Rate limited', states: ['rate-limited'] },
] as const;

let browser: Browser;

/**
 * The servers and the mocks run on one clock from 11:00 ET on Wednesday 2026-11-25, a regular
 * session: what the tiles say (live, stale, closed) does not depend on when the suite runs.
 */
const SESSION_CLOCK_START = Date.parse('2026-11-25T16:00:00Z');

beforeAll(async () => {
  shiftMockClock(SESSION_CLOCK_START);
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  shiftMockClock(undefined);
  await browser?.close();
});

async function getJson<T>(server: RunningServer, path: string): Promise<{ body: T; text: string }> {
  const res = await fetch(new URL(path, server.url));
  const text = await res.text();
  return { body: JSON.parse(text) as T, text };
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, ms: number) {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (last !== undefined) return last;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function envFor(provider: ProviderUnderTest, mock: MockServer): Record<string, string> {
  return {
    STOCK_PROVIDER: provider.id,
    STOCK_API_KEY: FAKE_KEY,
    STOCK_API_SECRET: FAKE_SECRET,
    STOCK_API_BASE_URL: mock.url,
    LOG_LEVEL: 'debug',
    // The mocks' clock, which keeps ticking from SESSION_CLOCK_START across restarts.
    DEMO_CLOCK_START: new Date(mockNow()).toISOString(),
  };
}

/** The page on the map, once it drew (nearly) every tile; says what it saw if it did not. */
async function openMap(server: RunningServer): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.goto(server.url);
  try {
    await page.waitForFunction(
      (min) => ((globalThis as Host).__heatmap?.tiles().length ?? 0) >= min,
      MIN_TILES,
      { timeout: FILL_TIMEOUT_MS },
    );
  } catch (error: unknown) {
    const drawn = await page.evaluate(() => (globalThis as Host).__heatmap?.tiles().length);
    await page.screenshot({ path: `${ARTIFACTS}providers-open-map-failed.png` });
    throw new Error(
      `open map: ${String(drawn)} tiles drawn after ${FILL_TIMEOUT_MS} ms; ` +
        `${problems.join('; ') || 'no page errors'} (${String(error)})`,
    );
  }
  return page;
}

/** "Open Settings" in a browser: what runs, read-only, and the variables to set. */
async function checkBrowserSettings(page: Page, provider: ProviderUnderTest): Promise<void> {
  await page.mouse.move(1, 1);
  await page.getByRole('button', { name: 'Open Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.waitFor();
  const text = (await dialog.textContent()) ?? '';
  expect(text).toContain(`This server runs: ${provider.label}`);
  expect(text).toContain('STOCK_API_KEY');
  expect(text).not.toContain(FAKE_KEY);
  await expect(dialog.getByRole('note', { name: 'Alpha Vantage warning' }).count()).resolves.toBe(
    1,
  );
  await page.screenshot({ path: `${ARTIFACTS}providers-${provider.id}-settings.png` });
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
}

/** Every body the API and page answer, checked for the fake credentials. */
async function expectNoSecretServed(server: RunningServer): Promise<void> {
  const bodies = await Promise.all(
    ['/', '/api/health', '/api/stocks'].map(async (path) => {
      const res = await fetch(new URL(path, server.url));
      return res.text();
    }),
  );
  const controller = new AbortController();
  const stream = await fetch(new URL('/api/stream', server.url), { signal: controller.signal });
  const reader = stream.body!.getReader();
  const first = await reader.read();
  controller.abort();
  bodies.push(new TextDecoder().decode(first.value));

  for (const body of bodies) {
    expect(body).not.toContain(FAKE_KEY);
    expect(body).not.toContain(FAKE_SECRET);
  }
  expect(server.output()).not.toContain(FAKE_KEY);
  expect(server.output()).not.toContain(FAKE_SECRET);
}

/** Universe symbols the mock has answered with generated (live) quotes so far. */
/** S&P 500 symbols (what `/api/health` counts) the mock has answered from its universe. */
function answeredLive(provider: ProviderUnderTest, mock: MockServer): Set<string> {
  const symbols = mock.requests.flatMap((r) => provider.symbolsOf(r));
  return new Set(symbols.filter((s) => SP500.has(s) && !provider.fixtures.includes(s)));
}

/** The most units (calls, or credits = symbols) the mock saw in any window of `ms`. */
function busiestWindow(provider: ProviderUnderTest, mock: MockServer, ms: number): number {
  const units = (r: RecordedRequest): number =>
    provider.freeTier.unit === 'credits' ? Math.max(1, provider.symbolsOf(r).length) : 1;
  let most = 0;
  for (const start of mock.requests) {
    const inWindow = mock.requests.filter((r) => r.at >= start.at && r.at < start.at + ms);
    most = Math.max(
      most,
      inWindow.reduce((sum, r) => sum + units(r), 0),
    );
  }
  return most;
}

const PRICE = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** Checks the served map against the mock: values, live counts, pace. Returns a live row. */
async function expectFilledFromMock(
  provider: ProviderUnderTest,
  mock: MockServer,
  server: RunningServer,
): Promise<StocksResponse['stocks'][number]> {
  const before = answeredLive(provider, mock);
  const { body: health } = await getJson<HealthResponse>(server, '/api/health');
  const { body } = await getJson<StocksResponse>(server, '/api/stocks');
  const after = answeredLive(provider, mock);

  expect(health).toMatchObject({ provider: provider.id, mode: 'live' });
  // Every tile with a price got it from the mock, and has the mock's value.
  const priced = body.stocks.filter((row) => row.price !== null);
  for (const row of priced) {
    const expected = universeQuote(row.symbol);
    expect(expected, `${row.symbol} is a symbol the mock knows`).toBeDefined();
    if (provider.fixtures.includes(row.symbol)) continue;
    expect(after.has(row.symbol), `${row.symbol} was asked of the mock`).toBe(true);
    expect(row, row.symbol).toMatchObject({
      price: expected!.price,
      previousClose: expected!.previousClose,
      status: freshOf(provider),
    });
  }
  // Fresh tiles in health (which counts the S&P 500) = its symbols the mock has answered, plus
  // the recorded fixtures (fresh or not, by their recorded times against the session clock).
  const fresh = health.counts[freshOf(provider)] ?? 0;
  const fixtures = provider.fixtures.filter((s) => SP500.has(s)).length;
  expect(health.counts.universe).toBe('sp500');
  expect(fresh).toBeGreaterThanOrEqual(before.size);
  expect(fresh).toBeLessThanOrEqual(after.size + fixtures);
  if (provider.fillsWholeMap) {
    expect(priced).toHaveLength(SP500_KNOWN.length);
    expect(body.stocks).toHaveLength(SP500_KNOWN.length);
    expect(fresh).toBeGreaterThanOrEqual(SP500_KNOWN.length - fixtures);
  }

  // Within the free tier, as the mock's request log shows it.
  const { perMinute, perDay } = provider.freeTier;
  if (perMinute !== undefined)
    expect(busiestWindow(provider, mock, 60_000)).toBeLessThanOrEqual(perMinute);
  if (perDay !== undefined)
    expect(busiestWindow(provider, mock, 86_400_000)).toBeLessThanOrEqual(perDay);

  const live = priced.find((row) => row.status === freshOf(provider));
  expect(live, `a ${freshOf(provider)} tile`).toBeDefined();
  return live!;
}

/** Live tiles on the page are the API's; the largest few show the mock's price on hover. */
async function expectPageShowsMock(page: Page, server: RunningServer, provider: ProviderUnderTest) {
  const { body } = await getJson<StocksResponse>(server, '/api/stocks');
  const fresh = freshOf(provider);
  const liveInApi = new Set(body.stocks.filter((r) => r.status === fresh).map((r) => r.symbol));
  await page.waitForFunction(
    ([count, status]) =>
      ((globalThis as Host).__heatmap?.tiles().filter((t) => t.status === status).length ?? 0) >=
      count,
    [liveInApi.size, fresh] as const,
    { timeout: FILL_TIMEOUT_MS },
  );
  const tiles = (await page.evaluate(() => (globalThis as Host).__heatmap?.tiles())) ?? [];
  const live = tiles.filter((t) => t.status === fresh);
  for (const tile of live) expect(universeQuote(tile.symbol), tile.symbol).toBeDefined();
  // The page shows exactly the API's fresh tiles.
  expect(new Set(live.map((t) => t.symbol))).toEqual(liveInApi);

  const largest = live
    .filter((t) => !provider.fixtures.includes(t.symbol))
    .sort((a, b) => b.w * b.h - a.w * a.h)
    .slice(0, 3);
  for (const tile of largest) {
    const tooltip = await hoverTooltip(page, tile.symbol);
    expect(tooltip, tile.symbol).toContain(
      `Price: ${PRICE.format(universeQuote(tile.symbol)!.price)}`,
    );
  }
  await page.mouse.move(1, 1);
}

describe.each(PROVIDERS)('$id through its mock', (provider) => {
  let mock: MockServer;
  let dataDir: string;
  /** A symbol's last good quote, as served before any failure. */
  let good: { symbol: string; price: number };
  const fillCase = 'success';

  beforeAll(async () => {
    mock = await provider.start();
    dataDir = mkdtempSync(join(tmpdir(), `heatmap-e2e-${provider.id}-`));
  });

  afterAll(async () => {
    await mock?.close();
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
  });

  it(
    provider.fillsWholeMap
      ? 'fills every S&P 500 tile from the mock, in the API and on the page'
      : 'fills tiles from the mock at its free-tier pace, in the API and on the page',
    async () => {
      const server = await startServer({ env: envFor(provider, mock), dataDir });
      try {
        await waitFor(
          provider.fillsWholeMap
            ? 'every S&P 500 tile'
            : `${provider.liveTarget ?? 1} live tile(s)`,
          async () => {
            const { body } = await getJson<StocksResponse>(server, '/api/stocks');
            const priced = body.stocks.filter((s) => s.price !== null);
            const live = priced.filter((s) => s.status === freshOf(provider));
            const done = provider.fillsWholeMap
              ? priced.length === SP500_KNOWN.length
              : live.length >= (provider.liveTarget ?? 1);
            return done ? body : undefined;
          },
          FILL_TIMEOUT_MS,
        );
        const row = await expectFilledFromMock(provider, mock, server);
        good = { symbol: row.symbol, price: row.price! };
        expect(JSON.stringify(mock.requests)).toContain(FAKE_KEY);

        const page = await openMap(server);
        await expectPageShowsMock(page, server, provider);
        await page.screenshot({ path: `${ARTIFACTS}providers-${provider.id}-filled.png` });
        await page.close();

        await expectNoSecretServed(server);
      } finally {
        await server.stop();
      }
    },
    TEST_TIMEOUT_MS,
  );

  // Finnhub calls once a second for minutes (one symbol per call), so a failure in the middle
  // of a session shows on an open page; the daily-capped providers may not call for minutes,
  // so the test exists for Finnhub only (declared, not skipped, for the others).
  if (provider.id === 'finnhub') {
    it(
      'shows a rate limit on the open page as it happens, and clears it on recovery',
      async () => {
        const server = await startServer({ env: envFor(provider, mock), dataDir });
        try {
          const page = await openMap(server);
          await waitFor(
            'AAPL from the mock',
            async () => {
              const { body } = await getJson<StocksResponse>(server, '/api/stocks');
              return body.stocks.find((s) => s.symbol === 'AAPL' && s.price !== null);
            },
            FILL_TIMEOUT_MS,
          );
          mock.useCase('rate-limit' as never);
          const banner = page.getByRole('alert', { name: 'Rate limited' });
          await banner.waitFor({ timeout: BANNER_TIMEOUT_MS });
          expect(await page.evaluate(() => (globalThis as Host).__heatmap?.tiles().length)).toBe(
            (await getJson<StocksResponse>(server, '/api/stocks')).body.stocks.length,
          );
          await page.screenshot({ path: `${ARTIFACTS}providers-finnhub-live-rate-limit.png` });

          mock.useCase(fillCase as never);
          await banner.waitFor({ state: 'detached', timeout: RECOVERY_TIMEOUT_MS });
          await page.close();
        } finally {
          await server.stop();
          mock.useCase(fillCase as never);
        }
      },
      LIVE_TEST_TIMEOUT_MS,
    );
  }

  it.each(FAILURES)(
    'keeps the last good map and says what is wrong when the mock answers $mockCase',
    async ({ mockCase, title, states }) => {
      expect(good, 'the fill test ran first').toBeDefined();
      mock.useCase(mockCase as never);
      const server = await startServer({ env: envFor(provider, mock), dataDir });
      try {
        let seen = '';
        const health = await waitFor(
          `health state ${states.join('|')}`,
          async () => {
            const { body } = await getJson<HealthResponse>(server, '/api/health');
            seen = `${body.providerState.state}: ${body.providerState.message}`;
            return (states as readonly string[]).includes(body.providerState.state)
              ? body
              : undefined;
          },
          BANNER_TIMEOUT_MS,
        ).catch((error: unknown) => {
          const calls = mock.requests.length;
          throw new Error(`${String(error)}; last health: ${seen}; mock saw ${calls} calls`);
        });
        expect(health.providerState.message).not.toBe('');

        const { body } = await getJson<StocksResponse>(server, '/api/stocks');
        const row = body.stocks.find((s) => s.symbol === good.symbol);
        expect(row).toMatchObject({ price: good.price, status: 'stale' });
        expect(row?.reason).toBeTruthy();

        const page = await openMap(server);
        const banner = page.getByRole('alert', { name: title });
        await banner.waitFor({ timeout: BANNER_TIMEOUT_MS });
        if (mockCase === 'bad-key') {
          const settingsButton = banner.getByRole('button', { name: 'Open Settings' });
          await expect(settingsButton.count()).resolves.toBe(1);
        }
        const tooltip = await hoverTooltip(page, good.symbol);
        expect(tooltip).toContain('Stale');
        expect(tooltip).toContain(row!.reason!.slice(0, 20));
        await page.screenshot({ path: `${ARTIFACTS}providers-${provider.id}-${mockCase}.png` });
        if (mockCase === 'bad-key') await checkBrowserSettings(page, provider);
        await page.close();

        await expectNoSecretServed(server);
      } finally {
        await server.stop();
        mock.useCase(fillCase as never);
      }
    },
    TEST_TIMEOUT_MS,
  );
});
