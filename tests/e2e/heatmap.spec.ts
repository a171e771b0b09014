import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { StocksResponse } from '../../src-main/shared/api-types';
import type { DrawnTile, HeatmapHookHost as Host } from '../../src-renderer/chart/test-hook-types';
import { colourSign } from '../../src-renderer/lib/colour-scale';
import { launchChromium } from './chromium';
import { type RunningServer, startServer } from './server';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
/** Moves smaller than this may flip sign between the page's frame and our API call. */
const SIGN_THRESHOLD = 0.25;
const MIN_COMPARED = 80;
const SIGN_ATTEMPTS = 10;
/** Generous: the CI machines have two cores shared with the server and Chromium. */
const LOAD_TIMEOUT_MS = 45_000;

let server: RunningServer;
let browser: Browser;
let page: Page;

async function drawnTiles(p: Page): Promise<DrawnTile[]> {
  return p.evaluate(() => (globalThis as Host).__heatmap?.tiles() ?? []);
}

/** Drawn and at least one pixel in each direction. */
async function layoutCount(p: Page): Promise<number> {
  return p.evaluate(() => (globalThis as Host).__heatmap?.layouts() ?? 0);
}

/** Drawn and at least one pixel in each direction. */
const visible = (t: DrawnTile) => !t.hidden && t.w >= 1 && t.h >= 1;

/** Reads the drawn tiles and `/api/stocks` back to back and compares colour sign with it. */
async function compareSigns(p: Page) {
  const { tiles, api } = await p.evaluate(async () => {
    const res = await fetch('/api/stocks');
    const tiles = (globalThis as Host).__heatmap?.tiles() ?? [];
    return { tiles, api: (await res.json()) as StocksResponse };
  });

  const bySymbol = new Map(api.stocks.map((s) => [s.symbol, s]));
  const shown = tiles.filter(visible);
  const mismatches: string[] = [];
  const missingNotGrey: string[] = [];
  const unknown: string[] = [];
  let compared = 0;
  for (const tile of shown) {
    const row = bySymbol.get(tile.symbol);
    if (!row) {
      unknown.push(tile.symbol);
    } else if (row.status === 'missing' || row.changePercent === null) {
      if (colourSign(tile.colour) !== 0) missingNotGrey.push(tile.symbol);
    } else if (Math.abs(row.changePercent) >= SIGN_THRESHOLD) {
      compared++;
      if (colourSign(tile.colour) !== Math.sign(row.changePercent)) {
        const api = `${row.changePercent} ${row.status} ${row.updatedAt}`;
        mismatches.push(`${tile.symbol}: api ${api}, page ${tile.colour}`);
      }
    }
  }
  return { shown: shown.length, compared, mismatches, missingNotGrey, unknown };
}

async function openMap(width: number, height: number): Promise<Page> {
  const p = await browser.newPage({ viewport: { width, height } });
  await p.goto(server.url);
  await p.waitForFunction(
    () => ((globalThis as Host).__heatmap?.tiles().length ?? 0) >= 500,
    null,
    { timeout: LOAD_TIMEOUT_MS },
  );
  return p;
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  page = await openMap(1400, 900);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('heatmap in Chromium against the headless server', () => {
  it('draws at least 500 tiles whose colour sign matches the API changePercent', async () => {
    // Early in a replayed session most moves are tiny; wait until enough stocks have moved.
    let result = await compareSigns(page);
    for (let i = 0; i < SIGN_ATTEMPTS && result.compared < MIN_COMPARED; i++) {
      await page.waitForTimeout(2_000);
      result = await compareSigns(page);
    }
    const { shown, compared, mismatches, missingNotGrey, unknown } = result;
    const summary = `${shown} tiles drawn, ${compared} compared, ${mismatches.length} mismatches`;
    console.log(`sign check: ${summary}`, mismatches.slice(0, 5));

    expect(shown).toBeGreaterThanOrEqual(500);
    expect(unknown).toEqual([]);
    expect(missingNotGrey).toEqual([]);
    expect(compared).toBeGreaterThanOrEqual(MIN_COMPARED);
    // The replay moves every second; a tile crossing the threshold between frame and fetch is
    // tolerated, a systematic error is not.
    expect(mismatches.length).toBeLessThanOrEqual(Math.ceil(compared * 0.02));
  });

  it('paints the canvas in the colours the elements report', async () => {
    const checks = await page.evaluate(() => (globalThis as Host).__heatmap?.samplePixels(40));
    if (!checks) throw new Error('the page has no test hook');
    expect(checks.length).toBeGreaterThan(10);
    for (const { colour, pixel } of checks) {
      if (colourSign(colour) !== 0) expect(colourSign(pixel)).toBe(colourSign(colour));
    }
  });

  it('recolours tiles from the live stream within seconds, without re-laying out', async () => {
    const before = await drawnTiles(page);
    const layouts = await layoutCount(page);
    const colours = new Map(before.map((t) => [t.symbol, t.colour]));

    await page.waitForFunction(
      (prev) => {
        const now = (globalThis as Host).__heatmap?.tiles() ?? [];
        return now.filter((t) => prev[t.symbol] !== t.colour).length >= 20;
      },
      Object.fromEntries(colours),
      { timeout: 20_000, polling: 250 },
    );

    const after = await drawnTiles(page);
    const changed = after.filter((t) => colours.get(t.symbol) !== t.colour).length;
    console.log(`live update: ${changed} of ${after.length} tiles changed colour`);
    expect(await layoutCount(page)).toBe(layouts);
    const rect = (t: DrawnTile) => `${t.symbol}:${t.x},${t.y},${t.w},${t.h}`;
    expect(after.map(rect)).toEqual(before.map(rect));
  });

  it('measures a recolour against chart.update("none")', async () => {
    const result = await page.evaluate(() => (globalThis as Host).__heatmap?.benchmark(25));
    const ours = result?.recolourMs.toFixed(1);
    const update = result?.updateNoneMs.toFixed(1);
    console.log(`recolour, median of 25: ours ${ours} ms, update('none') ${update} ms`);
    expect(result?.recolourMs).toBeLessThan(result?.updateNoneMs ?? 0);
  });

  it('saves screenshots of the whole map at 1400×900 and 1024×700', async () => {
    await page.mouse.move(200, 200);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${ARTIFACTS}heatmap-1400x900.png` });
    const statusBar = page.getByRole('status', { name: 'Market status' });
    await expect(statusBar.textContent()).resolves.toMatch(/Replay of .*Updated/);

    const small = await openMap(1024, 700);
    const box = await small.getByRole('img', { name: /^Market map/ }).boundingBox();
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(700);
    await small.screenshot({ path: `${ARTIFACTS}heatmap-1024x700.png` });
    await small.close();
  });

  it('leaves only the chosen sector’s tiles when a sector is picked', async () => {
    await page.getByLabel('Sector: All').click();
    const first = page.getByRole('group', { name: 'Sector' }).getByRole('checkbox').first();
    const sector = ((await first.locator('xpath=..').textContent()) ?? '').trim();
    await first.check();
    await page.keyboard.press('Escape');

    const expected = await page.evaluate(async (s) => {
      const res = await fetch(`/api/stocks?sector=${encodeURIComponent(s)}`);
      return ((await res.json()) as StocksResponse).stocks.length;
    }, sector);
    await page.waitForFunction(
      ([s, n]) => {
        const tiles = (globalThis as Host).__heatmap?.tiles() ?? [];
        return tiles.length === n && tiles.every((t) => t.sector === s);
      },
      [sector, expected] as const,
      { timeout: 30_000 },
    );
    const tiles = await drawnTiles(page);
    expect(tiles.length).toBeGreaterThan(0);
    expect(new Set(tiles.map((t) => t.sector))).toEqual(new Set([sector]));
    await page.screenshot({ path: `${ARTIFACTS}heatmap-sector.png` });
  });

  it('says the server is unreachable and when it retries', async () => {
    await server.stop();
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 15_000 });
    await expect(alert.textContent()).resolves.toMatch(/Server unreachable\. Retrying in \d+ s/);
    await page.screenshot({ path: `${ARTIFACTS}heatmap-unreachable.png` });
  });
});
