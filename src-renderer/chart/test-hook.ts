import type { Chart, Plugin } from 'chart.js';

import { recolour } from './recolour';
import type { DrawnTile, HeatmapTestHook } from './test-hook-types';
import { tileOf } from './tile-of';

declare global {
  interface Window {
    __heatmap?: HeatmapTestHook;
  }
}

/** The geometry Chart.js elements carry (not in their public type). */
interface ElementGeometry {
  x: number;
  y: number;
  width: number;
  height: number;
  hidden?: boolean;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * Counts layouts: the treemap controller replaces `dataset.data` only when it lays out again.
 * Registered per chart through the `plugins` prop.
 */
export function createLayoutCounter(): Plugin<'treemap'> & { count(): number; recolours: number } {
  let last: unknown = null;
  let count = 0;
  return {
    id: 'layoutCounter',
    recolours: 0,
    count: () => count,
    afterUpdate(chart) {
      const data = chart.data.datasets[0]?.data;
      if (data && data !== last) {
        last = data;
        count++;
      }
    },
  };
}

/**
 * Exposes a read-only summary of the drawn map on `window.__heatmap` for the browser tests.
 * It reads geometry and colour from the real elements. Returns an uninstaller.
 */
export function installTestHook(
  getChart: () => Chart<'treemap'> | null,
  counter: ReturnType<typeof createLayoutCounter>,
): () => void {
  const hook: HeatmapTestHook = {
    tiles() {
      const chart = getChart();
      if (!chart) return [];
      const meta = chart.getDatasetMeta(0);
      const points = chart.data.datasets[0]?.data ?? [];
      const out: DrawnTile[] = [];
      meta.data.forEach((el, i) => {
        const tile = tileOf(points[i]);
        if (!tile) return;
        const e = el as unknown as ElementGeometry;
        const colour = String((el.options as { backgroundColor?: unknown }).backgroundColor);
        out.push({
          symbol: tile.symbol,
          sector: tile.sector,
          x: e.x,
          y: e.y,
          w: e.width,
          h: e.height,
          colour,
          hidden: !!e.hidden,
        });
      });
      return out;
    },
    samplePixels(max) {
      const chart = getChart();
      const ctx = chart?.ctx;
      if (!chart || !ctx) return [];
      const ratio = chart.currentDevicePixelRatio;
      return hook
        .tiles()
        .filter((t) => t.w > 40 && t.h > 40)
        .slice(0, max)
        .map((t) => {
          const x = Math.round((t.x + 4) * ratio);
          const y = Math.round((t.y + 4) * ratio);
          const px = ctx.getImageData(x, y, 1, 1).data;
          return { symbol: t.symbol, colour: t.colour, pixel: `rgb(${px[0]}, ${px[1]}, ${px[2]})` };
        });
    },
    layouts: () => counter.count(),
    recolours: () => counter.recolours,
    benchmark(runs) {
      const chart = getChart();
      if (!chart) return { recolourMs: NaN, updateNoneMs: NaN };
      const a: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < runs; i++) {
        let t = performance.now();
        recolour(chart);
        a.push(performance.now() - t);
        t = performance.now();
        chart.update('none');
        b.push(performance.now() - t);
      }
      return { recolourMs: median(a), updateNoneMs: median(b) };
    },
  };
  window.__heatmap = hook;
  return () => {
    if (window.__heatmap === hook) delete window.__heatmap;
  };
}
