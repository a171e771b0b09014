import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DrawnTile, HeatmapHookHost as Host } from '../../src-renderer/chart/test-hook-types';
import { parseRgb } from '../../src-renderer/lib/colour-scale';
import { launchChromium } from './chromium';
import { type RunningServer, startServer } from './server';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const LOAD_TIMEOUT_MS = 45_000;

let server: RunningServer;
let browser: Browser;
let page: Page;

const tiles = (p: Page) => p.evaluate(() => (globalThis as Host).__heatmap?.tiles() ?? []);
const layouts = (p: Page) => p.evaluate(() => (globalThis as Host).__heatmap?.layouts() ?? 0);
const rectKey = (t: DrawnTile) => `${t.symbol}:${t.x},${t.y},${t.w},${t.h}`;

async function waitForTiles(p: Page, min = 400) {
  await p.waitForFunction((n) => ((globalThis as Host).__heatmap?.tiles().length ?? 0) >= n, min, {
    timeout: LOAD_TIMEOUT_MS,
  });
}

async function choose(p: Page, label: string, value: string) {
  await p
    .getByRole('group', { name: 'Map view' })
    .getByRole('combobox', { name: label })
    .selectOption(value);
  await p.waitForTimeout(300);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    colorScheme: 'dark',
    acceptDownloads: true,
  });
  page = await context.newPage();
  await page.goto(server.url);
  await waitForTiles(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('map views, colours and export in Chromium', () => {
  it('keeps every tile in place while live updates repaint it', async () => {
    const before = await tiles(page);
    const n = await layouts(page);
    await page.waitForFunction(
      (prev) => ((globalThis as Host).__heatmap?.recolours() ?? 0) > prev + 3,
      await page.evaluate(() => (globalThis as Host).__heatmap?.recolours() ?? 0),
      { timeout: 20_000 },
    );
    const after = await tiles(page);
    expect(after.map(rectKey)).toEqual(before.map(rectKey));
    expect(await layouts(page)).toBe(n);
    await page.mouse.move(700, 400);
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${ARTIFACTS}render-treemap-dark.png` });
  });

  it('follows the OS theme and switches to light on request', async () => {
    const bg = () => page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
    expect(await bg()).toBe('rgb(11, 13, 17)');
    await choose(page, 'Theme', 'light');
    expect(await bg()).toBe('rgb(244, 245, 247)');
    await page.screenshot({ path: `${ARTIFACTS}render-treemap-light.png` });
    await choose(page, 'Theme', 'system');
  });

  it('draws a missing tile hatched, unlike any live tile', async () => {
    const all = await tiles(page);
    const missing = all.find((t) => t.symbol === 'BF.B');
    expect(missing?.status).toBe('missing');
    const big = [...all]
      .filter((t) => t.status === 'missing')
      .sort((a, b) => b.w * b.h - a.w * a.h)[0]!;
    const pixels = await page.evaluate((t) => {
      const hook = (globalThis as Host).__heatmap!;
      const out: string[] = [];
      for (let d = 1; d < Math.min(12, t.w - 1, t.h - 1); d++)
        out.push(hook.pixelAt(t.x + d, t.y + 1));
      return out;
    }, big);
    // The hatch makes a row of pixels vary; a flat fill (like "unchanged") would not.
    expect(new Set(pixels).size).toBeGreaterThan(1);
    if (big) {
      await page.screenshot({
        path: `${ARTIFACTS}render-missing.png`,
        clip: {
          x: Math.max(0, big.x - 40),
          y: Math.max(0, big.y + 40),
          width: big.w + 80,
          height: big.h + 80,
        },
      });
    }
  });

  it('switches to the colour-blind-safe blue–orange palette', async () => {
    await choose(page, 'Palette', 'blue-orange');
    const up = (await tiles(page)).filter((t) => t.status === 'live' && t.w > 30);
    const colours = up.map((t) => parseRgb(t.colour)!).filter(Boolean);
    // Blue–orange: no tile is greener than it is both red and blue.
    expect(colours.some((c) => c.b > c.r + 20)).toBe(true);
    expect(colours.every((c) => !(c.g > c.r + 30 && c.g > c.b + 30))).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}render-blue-orange.png` });
    await choose(page, 'Palette', 'red-green');
  });

  it('recolours by the chosen time frame without a new layout', async () => {
    const n = await layouts(page);
    const before = new Map((await tiles(page)).map((t) => [t.symbol, t.colour]));
    await choose(page, 'Time frame', '1y');
    const after = await tiles(page);
    const changed = after.filter((t) => before.get(t.symbol) !== t.colour).length;
    expect(changed).toBeGreaterThan(after.length / 2);
    expect(await layouts(page)).toBe(n);
    await expect(page.getByRole('group', { name: 'Colour legend' }).textContent()).resolves.toMatch(
      /30%/,
    );
    await choose(page, 'Time frame', '1d');
  });

  it('re-lays out by size mode: equal tiles all get the same area', async () => {
    await choose(page, 'Size', 'equal');
    const areas = (await tiles(page)).map((t) => t.w * t.h).sort((a, b) => a - b);
    expect(areas[areas.length - 1]! / areas[Math.floor(areas.length / 2)]!).toBeLessThan(3);
    await choose(page, 'Size', 'marketCap');
  });

  it('shows the grid view on chartjs-chart-matrix with the same tiles', async () => {
    const count = (await tiles(page)).length;
    await choose(page, 'View', 'grid');
    await waitForTiles(page, count);
    const grid = await tiles(page);
    expect(grid.length).toBe(count);
    // Equal cells, up to the pixel snapping of their edges.
    const areas = grid.map((t) => t.w * t.h);
    expect(Math.max(...areas) / Math.min(...areas)).toBeLessThan(1.35);
    await page.screenshot({ path: `${ARTIFACTS}render-grid.png` });
  });

  it('restores the view from the URL on reload', async () => {
    await choose(page, 'Palette', 'blue-orange');
    expect(page.url()).toMatch(/view=grid/);
    expect(page.url()).toMatch(/palette=blue-orange/);
    await page.reload();
    await waitForTiles(page);
    await expect(
      page.getByRole('combobox', { name: 'View', exact: true }).inputValue(),
    ).resolves.toBe('grid');
    await expect(
      page.getByRole('combobox', { name: 'Palette', exact: true }).inputValue(),
    ).resolves.toBe('blue-orange');
    await choose(page, 'View', 'treemap');
    await choose(page, 'Palette', 'red-green');
  });

  it('downloads a PNG of the map with a stamp band under it', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save PNG' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^market-map-.*\.png$/);
    const path = `${ARTIFACTS}render-export.png`;
    await download.saveAs(path);
    const png = readFileSync(path);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const height = png.readUInt32BE(20);
    const canvasHeight = Math.round(
      (await page.locator('.map canvas').first().boundingBox())!.height,
    );
    expect(height).toBe(canvasHeight + 24);
  });
});
