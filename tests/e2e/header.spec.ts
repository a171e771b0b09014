/**
 * The header at a narrow window (1024×700) in Chromium: its controls wrap into three rows (the
 * title stays for screen readers only), so the map gets the room, and nothing is pushed off
 * the page.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { HeatmapHookHost as Host } from '../../src-renderer/chart/test-hook-types';
import { launchChromium } from './chromium';
import { type RunningServer, startServer } from './server';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const LOAD_TIMEOUT_MS = 45_000;
const WIDTH = 1024;
/** Three rows of controls (about 28 px each) and the top bar's padding. */
const MAX_HEADER_PX = 95;

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: WIDTH, height: 700 }, colorScheme: 'dark' });
  await page.goto(server.url);
  await page.waitForFunction(
    () => ((globalThis as Host).__heatmap?.tiles().length ?? 0) >= 400,
    null,
    { timeout: LOAD_TIMEOUT_MS },
  );
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the header at 1024×700', () => {
  it('wraps into three rows, keeps every control on the page and the title for readers', async () => {
    const header = (await page.locator('header.top-bar').boundingBox())!;
    expect(header.height).toBeLessThanOrEqual(MAX_HEADER_PX);

    for (const name of ['Save PNG', 'Save CSV', 'Alerts', 'Apply']) {
      const box = (await page.getByRole('button', { name, exact: true }).first().boundingBox())!;
      expect(box.x + box.width, name).toBeLessThanOrEqual(WIDTH);
    }
    // Out of sight, but still the page's heading.
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'S&P 500 market map',
    );

    await page.screenshot({ path: `${ARTIFACTS}header-1024x700.png` });
  });
});
