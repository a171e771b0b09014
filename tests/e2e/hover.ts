/** Hovering a drawn tile in Chromium, shared by the e2e specs that read its tooltip. */
import type { Page } from 'playwright-core';

import type { HeatmapHookHost as Host } from '../../src-renderer/chart/test-hook-types';

/** Moves the mouse to the centre of `symbol`'s tile and returns the tooltip's text. */
export async function hoverTooltip(
  page: Page,
  symbol: string,
  timeoutMs = 10_000,
): Promise<string> {
  const tile = await page.evaluate(
    (s) => (globalThis as Host).__heatmap?.tiles().find((t) => t.symbol === s),
    symbol,
  );
  const canvas = await page.locator('canvas').first().boundingBox();
  if (!tile || !canvas) throw new Error(`hover: ${symbol} is not drawn`);
  await page.mouse.move(canvas.x + tile.x + tile.w / 2, canvas.y + tile.y + tile.h / 2);
  const tooltip = page.getByRole('tooltip');
  await tooltip.waitFor({ timeout: timeoutMs });
  return (await tooltip.textContent()) ?? '';
}
