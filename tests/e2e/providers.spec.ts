/**
 * Each live provider end to end: its mock (tests/mocks/providers) runs in this process on
 * 127.0.0.1, and the real `serve` entry runs as a child with STOCK_PROVIDER, a fake key and
 * STOCK_API_BASE_URL pointed at the mock. The map must fill from the mock (API and page);
 * then, with the mock answering a failure (refused key, HTML error page, rate limit), the
 * server is restarted on the same data folder and must still show the last good map, marked
 * stale, with a banner saying what is wrong. The fake key must appear in no response and
 * nothing the server prints. Nothing here talks to any host but 127.0.0.1.
 *
 * TODO: the mocks' fixtures know two or three symbols, so "fills the map" is proven for those
 * tiles (and FMP/Alpha Vantage's first paced call); the other tiles stay grey. A templated
 * every-symbol case in each mock (as FMP's and Alpha Vantage's have) would let the fast
 * providers (Alpaca, Polygon, Twelve Data) show a full map here.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { HealthResponse, StocksResponse } from '../../src-main/shared/api-types';
import type { HeatmapHookHost as Host } from '../../src-renderer/chart/test-hook-types';
import { startAlpacaMock } from '../mocks/providers/alpaca-mock';
import { startAlphaVantageMock } from '../mocks/providers/alphavantage-mock';
import { startFinnhubMock } from '../mocks/providers/finnhub-mock';
import { startFmpMock } from '../mocks/providers/fmp-mock';
import type { MockServer } from '../mocks/providers/mock-server';
import { startPolygonMock } from '../mocks/providers/polygon-mock';
import { startTwelveDataMock } from '../mocks/providers/twelvedata-mock';
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
  /** Symbols the mock's fixtures answer; one must arrive within the fill timeout. */
  known?: string[];
  /**
   * The mock case that fills the map. Daily-capped providers spread their quota over the
   * session (one call every minute or more), so only the first call can come within a test;
   * their mocks answer it for whichever symbol the scheduler asks first.
   */
  fillCase?: string;
}

const PROVIDERS: ProviderUnderTest[] = [
  { id: 'finnhub', label: 'Finnhub', start: startFinnhubMock, known: ['AAPL', 'BRK.B'] },
  { id: 'alpaca', label: 'Alpaca', start: startAlpacaMock, known: ['AAPL', 'BRK.B'] },
  { id: 'polygon', label: 'Polygon', start: startPolygonMock, known: ['AAPL', 'BRK.B'] },
  {
    id: 'twelvedata',
    label: 'Twelve Data',
    start: startTwelveDataMock,
    known: ['AAPL', 'MSFT', 'BRK.B'],
  },
  { id: 'fmp', label: 'Financial Modeling Prep', start: startFmpMock, fillCase: 'every-symbol' },
  {
    id: 'alphavantage',
    label: 'Alpha Vantage',
    start: startAlphaVantageMock,
    fillCase: 'every-symbol',
  },
];

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

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

afterAll(async () => {
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

/** Hovers a symbol's tile and returns the tooltip's text. */
async function hoverTile(page: Page, symbol: string): Promise<string> {
  const tile = await page.evaluate(
    (s) => (globalThis as Host).__heatmap?.tiles().find((t) => t.symbol === s),
    symbol,
  );
  const canvas = await page.locator('canvas').first().boundingBox();
  if (!tile || !canvas) throw new Error(`hover: ${symbol} is not drawn`);
  await page.mouse.move(canvas.x + tile.x + tile.w / 2, canvas.y + tile.y + tile.h / 2);
  const tooltip = page.getByRole('tooltip');
  await tooltip.waitFor({ timeout: 5_000 });
  return (await tooltip.textContent()) ?? '';
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

describe.each(PROVIDERS)('$id through its mock', (provider) => {
  let mock: MockServer;
  let dataDir: string;
  /** A symbol's last good quote, as served before any failure. */
  let good: { symbol: string; price: number };
  const fillCase = provider.fillCase ?? 'success';

  beforeAll(async () => {
    mock = await provider.start();
    mock.useCase(fillCase as never);
    dataDir = mkdtempSync(join(tmpdir(), `heatmap-e2e-${provider.id}-`));
  });

  afterAll(async () => {
    await mock?.close();
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
  });

  it(
    'fills the map from the mock, in the API and on the page',
    async () => {
      const server = await startServer({ env: envFor(provider, mock), dataDir });
      try {
        const row = await waitFor(
          `a quote from the ${provider.id} mock`,
          async () => {
            const { body } = await getJson<StocksResponse>(server, '/api/stocks');
            return body.stocks.find(
              (s) => s.price !== null && (provider.known?.includes(s.symbol) ?? true),
            );
          },
          FILL_TIMEOUT_MS,
        );
        const symbol = row.symbol;
        good = { symbol, price: row.price! };

        const { body: health } = await getJson<HealthResponse>(server, '/api/health');
        expect(health).toMatchObject({ provider: provider.id, mode: 'live' });
        expect(mock.requests.length).toBeGreaterThan(0);
        expect(JSON.stringify(mock.requests)).toContain(FAKE_KEY);

        const page = await openMap(server);
        const drawn = await page.evaluate(
          (s) => (globalThis as Host).__heatmap?.tiles().find((t) => t.symbol === s),
          symbol,
        );
        expect(drawn, `${symbol} is drawn`).toBeDefined();
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
        const tooltip = await hoverTile(page, good.symbol);
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
