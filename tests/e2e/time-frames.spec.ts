/**
 * A live provider's time frames in Chromium: the real `serve` entry on the Alpaca mock
 * (127.0.0.1 only), whose bars endpoint backfills the daily closes; choosing "1w" in the map
 * controls colours the tiles the backfill reached and their tooltips carry the same 1-week
 * change as /api/stocks?timeframe=1w. Screenshot: tests/artifacts/time-frames-alpaca-1w.png.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { HealthResponse, StocksResponse } from '../../src-main/shared/api-types';
import type { HeatmapHookHost as Host } from '../../src-renderer/chart/test-hook-types';
import { startAlpacaMock } from '../mocks/providers/alpaca-mock';
import { mockNow, shiftMockClock } from '../mocks/providers/mock-clock';
import type { MockServer } from '../mocks/providers/mock-server';
import { launchChromium } from './chromium';
import { hoverTooltip } from './hover';
import { type RunningServer, startServer } from './server';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
/** Generous, as in providers.spec.ts: two cores shared with the server, Chromium and others. */
const BACKFILL_TIMEOUT_MS = 90_000;
const TEST_TIMEOUT_MS = 180_000;
const MIN_TILES = 500;
/**
 * Server and mock share a clock from 10:00 ET on Saturday 2026-11-28: outside the session the
 * backfill may use spare capacity, so the year of closes arrives in seconds (in the session it
 * takes one of Alpaca's calls in 7.5 s, about 2 minutes; history-backfill.spec.ts covers that).
 */
const CLOCK_START = Date.parse('2026-11-28T15:00:00Z');

let browser: Browser;
let mock: MockServer;
let server: RunningServer;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  shiftMockClock(CLOCK_START);
  mock = await startAlpacaMock();
  server = await startServer({
    env: {
      STOCK_PROVIDER: 'alpaca',
      STOCK_API_KEY: 'e2e-fake-key-5b1e',
      STOCK_API_SECRET: 'e2e-fake-secret-9c0d',
      STOCK_API_BASE_URL: mock.url,
      DEMO_CLOCK_START: new Date(mockNow()).toISOString(),
    },
  });
  browser = await launchChromium();
}, TEST_TIMEOUT_MS);

afterAll(async () => {
  shiftMockClock(undefined);
  await browser?.close();
  await server?.stop();
  await mock?.close();
});

async function getJson<T>(path: string): Promise<T> {
  return (await fetch(new URL(path, server.url))).json() as Promise<T>;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, ms: number) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('time frames on a live provider (Alpaca mock)', () => {
  it(
    'choosing 1w colours the backfilled tiles with the API’s 1-week change',
    async () => {
      const coverage = await waitFor(
        'the backfill to complete a symbol',
        async () => {
          const health = await getJson<HealthResponse>('/api/health');
          return (health.dailyCloses?.completeSymbols ?? 0) > 0 ? health.dailyCloses : undefined;
        },
        BACKFILL_TIMEOUT_MS,
      );
      expect(coverage.source).toBe('backfill');
      await waitFor(
        '1-week changes on the whole S&P 500 map',
        async () => {
          const map = await getJson<StocksResponse>('/api/stocks?timeframe=1w');
          const known = map.stocks.filter((s) => typeof s.performance?.['1w'] === 'number');
          return known.length >= map.stocks.length - 5 ? known : undefined;
        },
        BACKFILL_TIMEOUT_MS,
      );
      const api = await getJson<StocksResponse>('/api/stocks?timeframe=1w&universe=all');
      const aapl = api.stocks.find((s) => s.symbol === 'AAPL');
      expect(aapl?.performance?.['1w']).toEqual(expect.any(Number));

      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(server.url);
      await page.waitForFunction(
        (min) => ((globalThis as Host).__heatmap?.tiles().length ?? 0) >= min,
        MIN_TILES,
        { timeout: BACKFILL_TIMEOUT_MS },
      );
      await page
        .getByRole('group', { name: 'Map view' })
        .getByRole('combobox', { name: 'Time frame' })
        .selectOption('1w');

      const text = await hoverTooltip(page, 'AAPL');
      const change = aapl!.performance!['1w']!;
      const shown = `${change > 0 ? '+' : '-'}${Math.abs(change).toFixed(2)}%`;
      expect(text).toContain(shown);
      await page.screenshot({ path: `${ARTIFACTS}time-frames-alpaca-1w.png` });
      expect(mock.requestsTo('/v2/stocks/bars').length).toBeGreaterThan(0);
      await page.close();
    },
    TEST_TIMEOUT_MS,
  );
});
