/**
 * The interaction layer in Chromium against the real headless server, driven with the mouse and
 * keyboard: criteria filters, drill-down and back, keyboard focus, search, watchlists from the
 * context menu shown as their own map, and the table view. Screenshots go to tests/artifacts/.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { StocksResponse } from '../../src-main/shared/api-types';
import type { DrawnTile, HeatmapHookHost as Host } from '../../src-renderer/chart/test-hook-types';
import { launchChromium } from './chromium';
import { type RunningServer, startServer } from './server';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const LOAD_TIMEOUT_MS = 45_000;
const MATCH_EXPRESSION = 'changePercent > 0 and marketCap > 100e9';

let server: RunningServer;
let browser: Browser;
let page: Page;

const drawn = (p: Page): Promise<DrawnTile[]> =>
  p.evaluate(() => (globalThis as Host).__heatmap?.tiles() ?? []);

/** Conditions on the drawn tiles a test can wait for (the page's CSP forbids eval). */
type TileCondition =
  | { kind: 'fewer-than'; n: number }
  | { kind: 'at-least'; n: number }
  | { kind: 'all-in-sector'; sector: string }
  | { kind: 'many-sectors' }
  | { kind: 'symbols'; symbols: string[] };

/** Waits until the drawn tiles meet `condition`. */
async function waitForTiles(p: Page, condition: TileCondition, timeout = 30_000) {
  await p.waitForFunction(
    (c) => {
      const tiles = (globalThis as Host).__heatmap?.tiles() ?? [];
      if (tiles.length === 0) return false;
      switch (c.kind) {
        case 'fewer-than':
          return tiles.length < c.n;
        case 'at-least':
          return tiles.length >= c.n;
        case 'all-in-sector':
          return tiles.every((t) => t.sector === c.sector);
        case 'many-sectors':
          return new Set(tiles.map((t) => t.sector)).size > 5;
        case 'symbols':
          return (
            tiles.length === c.symbols.length && tiles.every((t) => c.symbols.includes(t.symbol))
          );
        default:
          return false;
      }
    },
    condition,
    { timeout, polling: 200 },
  );
}

async function apiStocks(p: Page, query: string): Promise<StocksResponse> {
  return p.evaluate(
    async (q) => (await (await fetch(`/api/stocks${q}`)).json()) as StocksResponse,
    query,
  );
}

/** Client point of a drawn tile's centre. */
async function tileCentre(p: Page, symbol: string): Promise<{ x: number; y: number }> {
  const box = await p.locator('canvas.map-overlay').boundingBox();
  const tile = (await drawn(p)).find((t) => t.symbol === symbol);
  if (!box || !tile) throw new Error(`tile ${symbol} is not on the map`);
  return { x: box.x + tile.x + tile.w / 2, y: box.y + tile.y + tile.h / 2 };
}

/** The page's globals this file reads (the Node-side types know no DOM). */
type PageDoc = { document: { activeElement: unknown } };
type Matchable = { matches(selector: string): boolean };

const announcement = (p: Page) => p.locator('.map-area p[aria-live="polite"]').textContent();

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(server.url);
  await page.waitForFunction(
    () => ((globalThis as Host).__heatmap?.tiles().length ?? 0) >= 500,
    null,
    { timeout: LOAD_TIMEOUT_MS },
  );
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('interaction in Chromium against the headless server', () => {
  it('filters by a typed expression, leaving only the tiles /api/stocks matches', async () => {
    const box = page.getByRole('textbox', { name: 'Criteria' });
    await box.click();
    await box.fill(MATCH_EXPRESSION);
    await box.press('Enter');

    const api = await apiStocks(page, `?filter=${encodeURIComponent(MATCH_EXPRESSION)}`);
    const big = new Set(api.stocks.map((s) => s.symbol));
    await waitForTiles(page, { kind: 'fewer-than', n: 200 });
    // Caps do not move; changes do, so compare with a fresh answer and allow a few crossings.
    const tiles = await drawn(page);
    const fresh = await apiStocks(page, `?filter=${encodeURIComponent(MATCH_EXPRESSION)}`);
    const expected = new Set(fresh.stocks.map((s) => s.symbol));
    const all = await apiStocks(page, '');
    const capOf = new Map(all.stocks.map((s) => [s.symbol, s.marketCap ?? 0]));
    const shown = new Set(tiles.map((t) => t.symbol));
    const differ =
      [...shown].filter((s) => !expected.has(s)).length +
      [...expected].filter((s) => !shown.has(s)).length;
    const counts = `${shown.size} tiles, API ${expected.size} (first ${big.size})`;
    console.log(`criteria: ${counts}, ${differ} differ`);

    expect(shown.size).toBeGreaterThan(5);
    expect(tiles.every((t) => (capOf.get(t.symbol) ?? 0) > 100e9)).toBe(true);
    expect(differ).toBeLessThanOrEqual(Math.max(3, Math.ceil(expected.size * 0.15)));
    expect(new URL(page.url()).searchParams.get('filter')).toBe(MATCH_EXPRESSION);
  });

  it('explains a bad expression: what, where and which fields exist', async () => {
    const box = page.getByRole('textbox', { name: 'Criteria' });
    await box.fill('changePercent > 2 and pe < 10');
    await box.press('Enter');
    const alert = page.locator('.criteria-error');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toMatch(/unknown field "pe"/i);
    expect(text).toMatch(/character 23/);
    expect(text).toContain('Fields you can use: symbol, name, sector');
    const excerpt = await page.getByLabel('Where the expression is wrong').textContent();
    expect(excerpt).toBe('changePercent > 2 and pe < 10\n                      ^^');
    await expect(box.getAttribute('aria-invalid')).resolves.toBe('true');
    await page.screenshot({ path: `${ARTIFACTS}interaction-bad-expression.png` });

    // The map still shows the last good criteria; Clear brings everything back.
    await page.getByRole('button', { name: 'Clear' }).click();
    await waitForTiles(page, { kind: 'at-least', n: 500 });
  });

  it('drills into a sector from its header, through live updates, and back on Escape', async () => {
    const tiles = await drawn(page);
    const top = tiles.reduce((a, b) => (b.y < a.y || (b.y === a.y && b.x < a.x) ? b : a));
    const sector = top.sector;
    const box = await page.locator('canvas.map-overlay').boundingBox();
    if (!box) throw new Error('no map');
    // The top-left sector's caption band is the first few pixels of the map.
    await page.mouse.click(box.x + top.x + 40, box.y + 5);

    await waitForTiles(page, { kind: 'all-in-sector', sector: sector ?? '' });
    const nav = page.getByRole('navigation', { name: 'Drill-down' });
    await expect(nav.locator('[aria-current]').textContent()).resolves.toBe(sector);

    const before = await page.evaluate(() => (globalThis as Host).__heatmap?.recolours() ?? 0);
    await page.waitForFunction(
      (n) => ((globalThis as Host).__heatmap?.recolours() ?? 0) >= n + 3,
      before,
      { timeout: 20_000 },
    );
    const after = await drawn(page);
    expect(after.every((t) => t.sector === sector)).toBe(true);
    await expect(nav.locator('[aria-current]').textContent()).resolves.toBe(sector);
    await page.mouse.move(5, 5);
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${ARTIFACTS}interaction-drilled-sector.png` });

    await page.keyboard.press('Escape');
    await waitForTiles(page, { kind: 'many-sectors' });
  });

  it('moves a visible focus ring with the arrow keys and drills with Enter', async () => {
    const target = page.locator('.map-focus-target');
    await target.focus();
    await page.keyboard.press('ArrowRight');
    const first = await announcement(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    const second = await announcement(page);
    expect(first).toMatch(/\(([A-Z.]+)\), (up|down|unchanged|no change data).* of the map/);
    expect(second).not.toBe(first);
    await expect(
      target.evaluate(
        (el) =>
          el === (globalThis as unknown as PageDoc).document.activeElement &&
          (el as unknown as Matchable).matches(':focus-visible'),
      ),
    ).resolves.toBe(true);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${ARTIFACTS}interaction-focus-ring.png` });

    const symbol = /\(([A-Z.]+)\)/.exec(second ?? '')?.[1];
    const sector = (await drawn(page)).find((t) => t.symbol === symbol)?.sector;
    await page.keyboard.press('Enter');
    await waitForTiles(page, { kind: 'all-in-sector', sector: sector ?? '' });
    await page.keyboard.press('Escape');
    await waitForTiles(page, { kind: 'many-sectors' });
  });

  it('focuses search on "/" and highlights a found ticker', async () => {
    await page.locator('.map-focus-target').focus();
    await page.keyboard.press('/');
    const search = page.getByRole('combobox', { name: 'Search ticker or name' });
    await expect(
      search.evaluate((el) => el === (globalThis as unknown as PageDoc).document.activeElement),
    ).resolves.toBe(true);
    await page.keyboard.type('micros');
    await page.getByRole('option', { name: /MSFT/ }).waitFor();
    await page.keyboard.press('Enter');
    await expect(page.locator('.search [role="status"]').textContent()).resolves.toBe(
      'MSFT highlighted on the map.',
    );
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${ARTIFACTS}interaction-search.png` });
  });

  it('finds a stock the filters hide, clears them (same universe) and highlights it', async () => {
    await page.goto(`${server.url}?sector=Energy`);
    await waitForTiles(page, { kind: 'all-in-sector', sector: 'Energy' });
    await page.locator('.map-focus-target').focus();
    await page.keyboard.press('/');
    await page.keyboard.type('Apple');
    await page.keyboard.press('Enter');
    const elsewhere = page.locator('.search-elsewhere');
    await expect(elsewhere.textContent()).resolves.toContain(
      'AAPL (Apple Inc.) is not on this map.',
    );
    await page.screenshot({ path: `${ARTIFACTS}interaction-search-elsewhere.png` });

    await elsewhere.getByRole('button', { name: 'Show it' }).click();
    await waitForTiles(page, { kind: 'many-sectors' });
    const url = new URL(page.url());
    // AAPL is in the S&P 500: the map stays on it, only the sector filter goes.
    expect(url.searchParams.get('universe')).toBeNull();
    expect(url.searchParams.get('sector')).toBeNull();
    const aapl = (await drawn(page)).find((t) => t.symbol === 'AAPL');
    expect(aapl?.hidden).toBe(false);
    expect((await drawn(page)).length).toBeLessThan(520);
    await expect(page.locator('.search [role="status"]').textContent()).resolves.toBe(
      'AAPL is highlighted on the map.',
    );
    await expect(page.getByRole('listbox', { name: 'Matches' }).isHidden()).resolves.toBe(true);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${ARTIFACTS}interaction-search-elsewhere-shown.png` });

    // An ETF is not in the S&P 500: the map switches to all instruments.
    await page.keyboard.press('Escape');
    await page.locator('.map-focus-target').focus();
    await page.keyboard.press('/');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Invesco QQQ');
    await page.keyboard.press('Enter');
    await elsewhere.getByRole('button', { name: 'Show it' }).click();
    await page.waitForURL((u) => u.searchParams.get('universe') === 'all');
    await waitForTiles(page, { kind: 'at-least', n: 600 });

    await page.goto(server.url);
    await waitForTiles(page, { kind: 'at-least', n: 500 });
  });

  it('fills a new watchlist from the context menu and shows it as its own map', async () => {
    await page.getByText('Watchlists', { exact: true }).click();
    await page.getByRole('textbox', { name: 'New watchlist' }).fill('Megacaps');
    await page.getByRole('button', { name: 'Create' }).click();
    const panel = page.getByRole('group', { name: 'Watchlists' });
    await panel.getByRole('option', { name: 'Megacaps (0)' }).waitFor({ state: 'attached' });
    await page.keyboard.press('Escape');

    const picks = ['AAPL', 'MSFT', 'NVDA', 'XOM', 'JPM', 'KO'];
    for (const symbol of picks) {
      const at = await tileCentre(page, symbol);
      await page.mouse.click(at.x, at.y, { button: 'right' });
      const menu = page.getByRole('menu', { name: new RegExp(`^Actions for ${symbol},`) });
      await menu.waitFor();
      if (symbol === 'KO') {
        await page.screenshot({ path: `${ARTIFACTS}interaction-context-menu.png` });
      }
      await menu.getByRole('menuitem', { name: 'Add to Megacaps' }).click();
      await page.getByText(`Added ${symbol} to Megacaps.`).waitFor();
    }

    const universePicker = page.locator('.universe-picker select');
    await universePicker.selectOption({ label: `Megacaps (${picks.length})` });
    await waitForTiles(page, { kind: 'symbols', symbols: picks });
    expect(new Set((await drawn(page)).map((t) => t.symbol))).toEqual(new Set(picks));
    await expect(page.locator('h1').textContent()).resolves.toBe('Watchlist “Megacaps” market map');

    const box = page.getByRole('textbox', { name: 'Criteria' });
    await box.fill('marketCap > 1T');
    await box.press('Enter');
    const universe = new URL(page.url()).searchParams.get('universe') ?? '';
    const params = new URLSearchParams({ universe, filter: 'marketCap > 1T' });
    const api = await apiStocks(page, `?${params.toString()}`);
    const expected = api.stocks.map((s) => s.symbol);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(picks.length);
    await waitForTiles(page, { kind: 'symbols', symbols: expected });
    expect(new Set((await drawn(page)).map((t) => t.symbol))).toEqual(new Set(expected));
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${ARTIFACTS}interaction-watchlist-filtered.png` });
  });

  it('lists the same rows in the table view as on the map', async () => {
    const clear = page.getByRole('button', { name: 'Clear' });
    if (await clear.isEnabled()) await clear.click();
    await page.locator('.universe-picker select').selectOption({ label: 'S&P 500' });
    await waitForTiles(page, { kind: 'at-least', n: 500 });
    const sector = (await drawn(page))[0]?.sector ?? '';
    await page.getByRole('button', { name: new RegExp(`^${sector}.*Show only`) }).click();
    await waitForTiles(page, { kind: 'all-in-sector', sector: sector ?? '' });
    const mapSymbols = new Set((await drawn(page)).map((t) => t.symbol));

    await page.getByRole('button', { name: 'Table', exact: true }).click();
    const table = page.getByRole('table');
    await table.waitFor();
    const rows = await table.getByRole('rowheader').allTextContents();
    expect(new Set(rows)).toEqual(mapSymbols);
    await expect(table.locator('caption').textContent()).resolves.toContain(
      `S&P 500 › ${sector}: ${mapSymbols.size} rows`,
    );
    await page.screenshot({ path: `${ARTIFACTS}interaction-table.png` });
    await page.getByRole('button', { name: 'Map', exact: true }).click();
  });
});
