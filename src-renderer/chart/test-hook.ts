import type { Chart, Plugin } from 'chart.js';

import { recolour } from './recolour';
import { tileOf } from './tile-of';

/** One drawn tile, read from the live Chart.js element (not from our input). */
export interface DrawnTile {
  symbol: string;
  sector: string;
  x: number;
  y: number;
  w: number;
  h: number;
  colour: string;
  hidden: boolean;
}

export interface HeatmapTestHook {
  tiles(): DrawnTile[];
  /** How many times the treemap laid itself out (a new `data` array from the controller). */
  layouts(): number;
  /** How many live recolours ran. */
  recolours(): number;
  /** Median ms of `runs` recolours via our path and via `chart.update('none')`. */
  benchmark(runs: number): { recolourMs: number; updateNoneMs: number };
}

declare global {
  interface Window {
    __heatmap?: HeatmapTestHook;
  }
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
        const e = el as unknown as { x: number; y: number; width: number; height: number; hidden?: boolean };
        const colour = String((el.options as { backgroundColor?: unknown }).backgroundColor);
        out.push({ symbol: tile.symbol, sector: tile.sector, x: e.x, y: e.y, w: e.width, h: e.height, colour, hidden: !!e.hidden });
      });
      return out;
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
