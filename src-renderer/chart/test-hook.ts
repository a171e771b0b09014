import type { Chart } from 'chart.js';

import { applyLiveUpdate } from '../components/HeatmapChart';
import type { HeatmapHandle } from './heatmap-view';
import type { DrawnTile, HeatmapTestHook } from './test-hook-types';
import type { TilePainter } from './tile-painter';

declare global {
  interface Window {
    __heatmap?: HeatmapTestHook;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * Exposes a read-only summary of the drawn map on `window.__heatmap` for the browser tests.
 * Returns an uninstaller.
 */
export function installTestHook(
  getChart: () => Chart | null,
  painter: TilePainter,
  counter: { layouts: number },
  _handle: HeatmapHandle,
): () => void {
  let recolours = 0;
  const pixel = (chart: Chart, x: number, y: number) => {
    const ratio = chart.currentDevicePixelRatio;
    const px = chart.ctx.getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data;
    return `rgb(${px[0]}, ${px[1]}, ${px[2]})`;
  };
  const hook: HeatmapTestHook = {
    tiles() {
      return painter.tiles.map((t): DrawnTile => ({
        symbol: t.tile.symbol,
        sector: t.tile.sector,
        x: t.rect.x,
        y: t.rect.y,
        w: t.rect.w,
        h: t.rect.h,
        colour: t.fill,
        hidden: t.rect.w <= 0 || t.rect.h <= 0,
        labelHidden: t.plan.lines === 0,
        status: t.tile.status,
      }));
    },
    samplePixels(max) {
      const chart = getChart();
      if (!chart) return [];
      return hook
        .tiles()
        .filter((t) => t.w > 40 && t.h > 40 && t.status !== 'missing')
        .slice(0, max)
        .map((t) => ({
          symbol: t.symbol,
          colour: t.colour,
          pixel: pixel(chart, t.x + 2, t.y + 2),
        }));
    },
    pixelAt(x, y) {
      const chart = getChart();
      return chart ? pixel(chart, x, y) : '';
    },
    layouts: () => counter.layouts,
    recolours: () => recolours,
    benchmark(runs) {
      const chart = getChart();
      if (!chart) return { recolourMs: NaN, updateNoneMs: NaN };
      const a: number[] = [];
      const b: number[] = [];
      const saved = painter.tiles.map((t) => t.tile.changePercent);
      for (let i = 0; i < runs; i++) {
        const k = i % 2 ? 1 : -1;
        for (const t of painter.tiles) {
          if (t.tile.changePercent !== null)
            t.tile.changePercent = k * (t.tile.changePercent + 0.01);
        }
        let start = performance.now();
        applyLiveUpdate(chart, painter, null);
        a.push(performance.now() - start);
        start = performance.now();
        chart.update('none');
        b.push(performance.now() - start);
      }
      painter.tiles.forEach((t, i) => (t.tile.changePercent = saved[i] ?? null));
      applyLiveUpdate(chart, painter, null);
      return { recolourMs: median(a), updateNoneMs: median(b) };
    },
  };
  window.__heatmap = hook;
  const original = painter.paintChanged.bind(painter);
  painter.paintChanged = (ctx, changed) => {
    recolours++;
    return original(ctx, changed);
  };
  return () => {
    painter.paintChanged = original;
    if (window.__heatmap === hook) delete window.__heatmap;
  };
}
