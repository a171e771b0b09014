/**
 * The market-closed states in Chromium against the real `npm run serve` entry, on the demo
 * clock (DEMO_CLOCK_START) with a Finnhub stand-in (closed-market.ts): a weekend, Thanksgiving,
 * the afternoon of an early close and pre-market each show their session in the status bar, and
 * the map shows the last session's close, labelled, in full colour.
 *
 * The replay is not used here: it always plays a regular session (labelled as replayed), so it
 * has no closed market to show.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { HealthResponse } from '../../src-main/shared/api-types';
import type { DrawnTile, HeatmapHookHost as Host } from '../../src-renderer/chart/test-hook-types';
import type { MockServer } from '../mocks/providers/mock-server';
import { launchChromium } from './chromium';
import { closeOf, startClosedFinnhub, writeClosedSnapshot } from './closed-market';
import { type RunningServer, startServer } from './server';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const LOAD_TIMEOUT_MS = 45_000;

/** Closes the quotes are stamped with (New York is UTC-5 in late November). */
const FRIDAY_EARLY_CLOSE = Date.parse('2026-11-27T18:00:00Z');
const WEDNESDAY_CLOSE = Date.parse('2026-11-25T21:00:00Z');

let browser: Browser;
const cleanups: Array<() => Promise<void>> = [];

interface Scene {
  page: Page;
  server: RunningServer;
}

/** A server on the demo clock at `clock`, whose snapshot and provider hold the close `closedAt`. */
async function openScene(clock: string, closedAt: number): Promise<Scene> {
  const mock: MockServer = await startClosedFinnhub(closedAt);
  const dataDir = mkdtempSync(join(tmpdir(), 'heatmap-e2e-closed-'));
  writeClosedSnapshot(dataDir, closedAt);
  const server = await startServer({
    dataDir,
    env: {
      STOCK_PROVIDER: 'finnhub',
      STOCK_API_KEY: 'e2e-key',
      STOCK_API_BASE_URL: mock.url,
      DEMO_CLOCK_START: clock,
    },
  });
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    colorScheme: 'dark',
  });
  cleanups.push(async () => {
    await context.close();
    await server.stop();
    await mock.close();
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
  });

  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(
    () => ((globalThis as Host).__heatmap?.tiles().length ?? 0) >= 400,
    null,
    { timeout: LOAD_TIMEOUT_MS },
  );
  return { page, server };
}

const tiles = (page: Page): Promise<DrawnTile[]> =>
  page.evaluate(() => (globalThis as Host).__heatmap?.tiles() ?? []);

async function statusBarText(page: Page): Promise<string> {
  return (await page.getByRole('status', { name: 'Market status' }).textContent()) ?? '';
}

async function noteText(page: Page): Promise<string> {
  return (await page.getByRole('note', { name: 'Market closed' }).textContent()) ?? '';
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

afterAll(async () => {
  await browser?.close();
});

describe('market closed in Chromium (demo clock)', () => {
  it("shows Friday's close on a Saturday: labelled, in full colour, closed in the tooltip", async () => {
    // Saturday 2026-11-28, 12:00 ET.
    const { page } = await openScene('2026-11-28T17:00:00Z', FRIDAY_EARLY_CLOSE);

    await expect.poll(() => statusBarText(page)).toContain('Market closed');
    await expect
      .poll(() => noteText(page))
      .toBe('Market closed · showing the close of Fri, 27 Nov 2026');
    expect(await statusBarText(page)).toMatch(/\d+ at last close · 0 stale/);

    const drawn = await tiles(page);
    expect(drawn.filter((t) => t.status === 'closed').length).toBe(drawn.length);

    // Full colour, as a live tile of the same change: a gain is painted green, a loss red, and
    // the same change gets the same fill whatever the quote's age.
    const big = drawn.filter((t) => t.w > 60 && t.h > 40);
    const gain = big.find((t) => closeOf(t.symbol).price > 102.5);
    const loss = big.find((t) => closeOf(t.symbol).price < 97.5);
    expect(gain && loss).toBeTruthy();
    const rgb = (c: string) => c.match(/\d+/g)!.map(Number);
    const [gr, gg] = rgb(gain!.colour);
    const [lr, lg] = rgb(loss!.colour);
    expect(gg! - gr!).toBeGreaterThan(60);
    expect(lr! - lg!).toBeGreaterThan(60);

    // The user hovers a tile: the tooltip says it is the last session's close.
    const box = (await page.locator('canvas.map-overlay').boundingBox())!;
    await page.mouse.move(box.x + gain!.x + gain!.w / 2, box.y + gain!.y + gain!.h / 2);
    const tooltip = page.getByRole('tooltip').filter({ hasText: gain!.symbol }).first();
    await tooltip.waitFor({ timeout: 5_000 });
    expect(await tooltip.textContent()).toContain(
      "Market closed: last session's close (Fri, 27 Nov 2026)",
    );
    await page.screenshot({ path: `${ARTIFACTS}closed-saturday.png` });
    await page.mouse.move(0, 0);

    // Health counts the S&P 500 map: every tile is the close, none stale or missing.
    const health = await page.evaluate(async () => (await fetch('/api/health')).json());
    expect((health as HealthResponse).counts).toMatchObject({
      universe: 'sp500',
      total: 503,
      closed: 503,
      stale: 0,
      missing: 0,
    });
  });

  it("names Thanksgiving in the status bar and shows Wednesday's close", async () => {
    const { page } = await openScene('2026-11-26T16:00:00Z', WEDNESDAY_CLOSE);

    await expect.poll(() => statusBarText(page)).toContain('Market holiday (Thanksgiving Day)');
    await expect
      .poll(() => noteText(page))
      .toBe('Market holiday (Thanksgiving Day) · showing the close of Wed, 25 Nov 2026');
    await page.screenshot({ path: `${ARTIFACTS}closed-thanksgiving.png` });
  });

  it('says after-hours with the 13:00 early close on the day after Thanksgiving', async () => {
    // Friday 2026-11-27, 14:00 ET: an hour after the early close.
    const { page } = await openScene('2026-11-27T19:00:00Z', FRIDAY_EARLY_CLOSE);

    await expect
      .poll(() => statusBarText(page))
      .toContain('After-hours (Day after Thanksgiving) · early close 13:00');
    await expect
      .poll(() => noteText(page))
      .toBe('After-hours · showing the close of Fri, 27 Nov 2026');
    await page
      .getByRole('status', { name: 'Market status' })
      .screenshot({ path: `${ARTIFACTS}closed-early-close-status.png` });
  });

  it("says pre-market on Monday morning, the map still showing Friday's close", async () => {
    // Monday 2026-11-30, 08:00 ET.
    const { page } = await openScene('2026-11-30T13:00:00Z', FRIDAY_EARLY_CLOSE);

    await expect.poll(() => statusBarText(page)).toContain('Pre-market');
    await expect
      .poll(() => noteText(page))
      .toBe('Pre-market · showing the close of Fri, 27 Nov 2026');
    const drawn = await tiles(page);
    expect(drawn.every((t) => t.status === 'closed')).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}closed-pre-market.png` });
  });
});
