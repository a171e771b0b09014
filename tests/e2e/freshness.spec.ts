import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DrawnTile, HeatmapHookHost as Host } from '../../src-renderer/chart/test-hook-types';
import { createColourScale, parseRgb, THEME_BACKGROUND } from '../../src-renderer/lib/colour-scale';
import { launchChromium } from './chromium';
import { type RunningServer, startServer } from './server';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const LOAD_TIMEOUT_MS = 45_000;
/** The symbol the restored snapshot holds ahead of the replay, so it stays stale. */
const STALE_SYMBOL = 'AAPL';
/** Always missing in the replay (no recorded history). */
const MISSING_SYMBOL = 'BF.B';
/** The restored quote: +5.26 % over its previous close, a saturated green when live. */
const STALE_PRICE = 200;
const STALE_PREVIOUS_CLOSE = 190;
/** Longer than a flash (FLASH_MS, 700 ms, in chart/overlay.ts, which needs the DOM to import). */
const FLASH_SETTLE_MS = 1_000;

let server: RunningServer;
let browser: Browser;
let page: Page;
let dataDir: string;

/**
 * A data dir holding a snapshot whose AAPL quote is stamped an hour ahead. The engine restores
 * it as stale ("restored from the snapshot of …") until a newer quote arrives; the replay stamps
 * its quotes with the wall clock, so for this test's life none is newer and the tile stays stale
 * while every other tile is live. (SIGSTOP on the server would not do: on SIGCONT the replay's
 * next cycle applies fresh quotes before the sweep, so nothing is ever sent as stale.)
 */
function writeSnapshot(dir: string): void {
  const now = Date.now();
  const ahead = now + 60 * 60_000;
  const snapshot = {
    savedAt: now,
    source: { provider: 'replay', mode: 'replay', label: 'Replay (e2e snapshot)' },
    quotes: [
      {
        symbol: STALE_SYMBOL,
        price: STALE_PRICE,
        previousClose: STALE_PREVIOUS_CLOSE,
        volume: 1_000_000,
        marketCap: 3.2e12,
        timestamp: ahead,
        receivedAt: now,
      },
    ],
  };
  // The conf store's file: `<DATA_DIR>/snapshot.json`, the snapshot under the `snapshot` key.
  writeFileSync(join(dir, 'snapshot.json'), JSON.stringify({ snapshot }));
}

const tiles = (p: Page) => p.evaluate(() => (globalThis as Host).__heatmap?.tiles() ?? []);
const tileOf = async (symbol: string): Promise<DrawnTile> => {
  const t = (await tiles(page)).find((x) => x.symbol === symbol);
  if (!t) throw new Error(`no drawn tile ${symbol}`);
  return t;
};

/** Canvas pixels along the tile's top edge, just inside it (clear of the centred labels). */
function edgePixels(t: DrawnTile): Promise<string[]> {
  return page.evaluate((tile) => {
    const hook = (globalThis as Host).__heatmap!;
    const out: string[] = [];
    const n = Math.min(12, tile.w - 1, tile.h - 1);
    for (let d = 1; d < n; d++) out.push(hook.pixelAt(tile.x + d, tile.y + 1));
    return out;
  }, t);
}

/**
 * The most overlay pixels (every 8th column and row) painted at once over `ms`: flashes and
 * outlines live on the overlay canvas, so with the pointer away it is empty unless a flash runs.
 */
function maxOverlayInk(ms: number): Promise<number> {
  // A string, because the Node-side tsconfig (which checks this file) has no DOM types.
  return page.evaluate<number>(`(async () => {
    const canvas = document.querySelector('canvas.map-overlay');
    const ctx = canvas && canvas.getContext('2d');
    if (!canvas || !ctx) return -1;
    let most = 0;
    const end = performance.now() + ${ms};
    while (performance.now() < end) {
      await new Promise((r) => requestAnimationFrame(r));
      const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let inked = 0;
      for (let y = 0; y < height; y += 8) {
        for (let x = 0; x < width; x += 8) if (data[(y * width + x) * 4 + 3] > 0) inked++;
      }
      most = Math.max(most, inked);
    }
    return most;
  })()`);
}

async function hoverTile(t: DrawnTile): Promise<void> {
  const box = await page.locator('canvas.map-overlay').boundingBox();
  if (!box) throw new Error('no map overlay');
  await page.mouse.move(box.x + t.x + Math.min(t.w / 2, 20), box.y + t.y + Math.min(t.h / 2, 20));
  await page.getByRole('tooltip').filter({ hasText: t.symbol }).first().waitFor({ timeout: 5_000 });
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'heatmap-e2e-freshness-'));
  writeSnapshot(dataDir);
  server = await startServer({ dataDir });
  browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    colorScheme: 'dark',
  });
  page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(
    () => ((globalThis as Host).__heatmap?.tiles().length ?? 0) >= 400,
    null,
    {
      timeout: LOAD_TIMEOUT_MS,
    },
  );
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
});

describe('freshness on the map in Chromium', () => {
  it('paints a stale tile faded towards the background, not in its live colour', async () => {
    const stale = await tileOf(STALE_SYMBOL);
    expect(stale.status).toBe('stale');

    const percent = (100 * (STALE_PRICE - STALE_PREVIOUS_CLOSE)) / STALE_PREVIOUS_CLOSE;
    const scale = createColourScale('red-green', 'dark', 3);
    const live = parseRgb(scale.inkFor(percent, 'live', 0).fill)!;
    const pixels = await edgePixels(stale);
    const painted = parseRgb(pixels[0]!)!;

    // Flat (no hatch), still green, but nearer the page background than the live green.
    expect(new Set(pixels).size).toBe(1);
    expect(painted.g).toBeGreaterThan(painted.r);
    const [br, bg, bb] = THEME_BACKGROUND.dark;
    const dist = (c: { r: number; g: number; b: number }) =>
      Math.hypot(c.r - br, c.g - bg, c.b - bb);
    expect(dist(painted)).toBeLessThan(dist(live) * 0.8);

    // The folded top-right corner, in the page background, marks it stale at any value.
    const corner = await page.evaluate(
      (t) => (globalThis as Host).__heatmap!.pixelAt(t.x + t.w - 3, t.y + 2),
      stale,
    );
    expect(corner).toBe(`rgb(${br}, ${bg}, ${bb})`);

    await hoverTile(stale);
    await expect
      .poll(async () => (await page.getByRole('tooltip').first().textContent()) ?? '')
      .toContain('Stale: restored from the snapshot');
    // Close up (the tile, its neighbours and the tooltip), so the fade and the corner show.
    const box = (await page.locator('canvas.map-overlay').boundingBox())!;
    await page.screenshot({
      path: `${ARTIFACTS}freshness-stale.png`,
      clip: {
        x: Math.max(0, box.x + stale.x - 60),
        y: Math.max(0, box.y + stale.y - 60),
        width: Math.min(700, stale.w + 500),
        height: Math.min(420, stale.h + 200),
      },
    });
    await page.mouse.move(0, 0);
  });

  it('paints a missing tile hatched grey, distinct from the stale one', async () => {
    const stalePixels = await edgePixels(await tileOf(STALE_SYMBOL));

    // BF.B is a few pixels wide on the whole map: drill into its industry (by URL) to see it.
    const industry = await page.evaluate(async (symbol) => {
      const body = (await (await fetch('/api/stocks')).json()) as {
        stocks: Array<{ symbol: string; sector: string; industry: string }>;
      };
      const row = body.stocks.find((s) => s.symbol === symbol);
      return row ? { sector: row.sector, industry: row.industry } : null;
    }, MISSING_SYMBOL);
    expect(industry).not.toBeNull();
    const query = new URLSearchParams({ in: industry!.sector, industry: industry!.industry });
    await page.goto(`${server.url}?${query.toString()}`);
    await page.waitForFunction(
      (s) =>
        ((globalThis as Host).__heatmap?.tiles() ?? []).some((t) => t.symbol === s && t.w > 40),
      MISSING_SYMBOL,
      { timeout: LOAD_TIMEOUT_MS },
    );

    const missing = await tileOf(MISSING_SYMBOL);
    expect(missing.status).toBe('missing');
    const missingPixels = await edgePixels(missing);

    // The hatch varies along a row; no missing pixel is the stale tile's colour.
    expect(new Set(missingPixels).size).toBeGreaterThan(1);
    expect(missingPixels).not.toContain(stalePixels[0]);
    for (const px of missingPixels) {
      const c = parseRgb(px)!;
      expect(Math.max(c.r, c.g, c.b) - Math.min(c.r, c.g, c.b)).toBeLessThan(16);
    }

    await hoverTile(missing);
    await expect
      .poll(async () => (await page.getByRole('tooltip').first().textContent()) ?? '')
      .toContain('No data');
    await page.screenshot({ path: `${ARTIFACTS}freshness-missing.png` });
    await page.mouse.move(0, 0);
  });

  it('says the replayed session in the status bar', async () => {
    const bar = page.getByRole('status', { name: 'Market status' });
    await expect
      .poll(async () => (await bar.textContent()) ?? '')
      .toMatch(/replayed \d{4}-\d{2}-\d{2}/);
  });

  it('flashes changed tiles, and not under prefers-reduced-motion', async () => {
    await page.mouse.move(0, 0);
    expect(await maxOverlayInk(3_000)).toBeGreaterThan(0);

    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.waitForFunction("matchMedia('(prefers-reduced-motion: reduce)').matches");
    // A flash already running when the preference changed may finish; no new one starts.
    await page.waitForTimeout(FLASH_SETTLE_MS);
    expect(await maxOverlayInk(3_000)).toBe(0);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
  });
});
