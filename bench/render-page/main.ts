/**
 * The render bench's page: builds a generated universe, then times in this browser
 * (1) plain chartjs-chart-treemap applying new colours through `update()` (the baseline) and
 * (2) our path (Chart.js layout + TilePainter, live updates through `applyLiveUpdate`),
 * for first paint and for a live update of every tile. Each timing ends with a 1-px
 * `getImageData`, which forces the canvas to rasterise, so deferred drawing is counted.
 */
import { Chart, type ChartConfiguration, LinearScale } from 'chart.js';
import { TreemapController, TreemapElement } from 'chartjs-chart-treemap';

import type { StockRow } from '../../src-main/shared/api-types';
import { boxOf, createMapPlugin, type MapGeometry } from '../../src-renderer/chart/map-plugin';
import { MapOverlay } from '../../src-renderer/chart/overlay';
import { tileOf } from '../../src-renderer/chart/tile-of';
import { TilePainter } from '../../src-renderer/chart/tile-painter';
import { treemapData, treemapOptions, treeNodes } from '../../src-renderer/chart/treemap-config';
import { applyLiveUpdate } from '../../src-renderer/components/HeatmapChart';
import { createColourScale, tileColour } from '../../src-renderer/lib/colour-scale';
import { buildTiles, type Tile } from '../../src-renderer/lib/tiles';

Chart.register(TreemapController, TreemapElement, LinearScale);

/** Deterministic pseudo-random numbers, so every run draws the same universe. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function universe(n: number): StockRow[] {
  const rand = rng(n);
  const rows: StockRow[] = [];
  for (let i = 0; i < n; i++) {
    const sector = `Sector ${i % 11}`;
    const symbol = `S${i.toString(36).toUpperCase().padStart(3, '0')}`;
    rows.push({
      symbol,
      name: `Company ${symbol}`,
      sector,
      industry: `${sector} / Industry ${Math.floor(rand() * 6)}`,
      categories: ['sp500'],
      marketCap: Math.exp(21 + rand() * 7),
      price: 10 + rand() * 400,
      previousClose: 100,
      change: 0,
      changePercent: (rand() - 0.5) * 6,
      volume: 1e6,
      updatedAt: new Date().toISOString(),
      status: 'live',
    });
  }
  return rows;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const box = document.getElementById('box') as HTMLDivElement;

function freshCanvas(): HTMLCanvasElement {
  box.replaceChildren();
  const c = document.createElement('canvas');
  box.append(c);
  return c;
}

/** Moves every tile's change a little, as a stream batch touching all tiles would. */
function moveAll(tiles: Tile[], run: number) {
  for (const t of tiles) t.changePercent = (t.changePercent ?? 0) * 0.97 + (run % 2 ? 0.3 : -0.3);
}

const flush = (c: HTMLCanvasElement) => c.getContext('2d')?.getImageData(0, 0, 1, 1);

function baseline(n: number, runs: number) {
  const tiles = buildTiles(universe(n));
  const canvas = freshCanvas();
  const config: ChartConfiguration<'treemap'> = {
    type: 'treemap',
    data: {
      datasets: [
        {
          label: 'baseline',
          tree: tiles as unknown as Record<string, unknown>[],
          key: 'size',
          groups: ['sector', 'industry', 'symbol'],
          data: [],
          spacing: 0.6,
          borderWidth: 0,
          backgroundColor: (ctx) => {
            const tile = (ctx.raw as { _data?: { children?: Tile[] } })?._data?.children?.[0];
            return tile && (ctx.raw as { isLeaf?: boolean }).isLeaf
              ? tileColour(tile.changePercent, tile.status)
              : '#1c2029';
          },
          captions: { display: true, font: { size: 10, weight: 'bold' }, padding: 2 },
          labels: {
            display: true,
            overflow: 'hidden',
            color: '#fff',
            formatter: (ctx) => {
              const tile = (ctx.raw as { _data?: { children?: Tile[] } })?._data?.children?.[0];
              return tile ? [tile.symbol, `${(tile.changePercent ?? 0).toFixed(2)}%`] : '';
            },
          },
        },
      ],
    },
    options: { responsive: false, animation: false, events: [], plugins: {} },
  };
  canvas.width = 1400;
  canvas.height = 860;
  let t = performance.now();
  const chart = new Chart(canvas, config);
  flush(canvas);
  const firstPaint = performance.now() - t;

  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    moveAll(tiles, r);
    t = performance.now();
    chart.update();
    flush(canvas);
    times.push(performance.now() - t);
  }
  chart.destroy();
  return { firstPaint, update: median(times) };
}

function ours(n: number, runs: number) {
  const tiles = buildTiles(universe(n));
  const canvas = freshCanvas();
  const overlayCanvas = document.createElement('canvas');
  box.append(overlayCanvas);
  canvas.width = 1400;
  canvas.height = 860;

  let t = performance.now();
  const painter = new TilePainter(createColourScale('red-green', 'dark', 3));
  const plugin = createMapPlugin({
    painter,
    extract: (chart): MapGeometry => {
      const meta = chart.getDatasetMeta(0);
      const points = chart.data.datasets[0]?.data ?? [];
      const out: MapGeometry = { tiles: [], groups: [] };
      meta.data.forEach((el, i) => {
        const point = points[i] as Parameters<typeof tileOf>[0];
        const tile = tileOf(point);
        const rect = boxOf(el);
        if (tile) out.tiles.push({ tile, rect });
        else if (point)
          out.groups.push({
            level: point.l === 0 ? 0 : 1,
            sector: point.g ?? '',
            rect,
            captionPx: 16,
          });
      });
      return out;
    },
    onLayout: () => {},
  });
  const chart = new Chart(canvas, {
    type: 'treemap',
    data: treemapData(treeNodes(tiles, 'marketCap')),
    options: { ...treemapOptions(), responsive: false },
    plugins: [plugin],
  });
  flush(canvas);
  const firstPaint = performance.now() - t;

  const overlay = new MapOverlay(overlayCanvas);
  overlay.resize(1400, 860, 1);
  const times: number[] = [];
  let repainted = 0;
  for (let r = 0; r < runs; r++) {
    moveAll(tiles, r);
    t = performance.now();
    repainted = applyLiveUpdate(chart, painter, overlay);
    overlay.draw(); // the flash's first frame, normally drawn on the next animation frame
    flush(canvas);
    flush(overlayCanvas);
    times.push(performance.now() - t);
  }
  chart.destroy();
  overlay.dispose();
  return { firstPaint, update: median(times), repainted };
}

export interface RenderBenchResult {
  tiles: number;
  baseline: { firstPaint: number; update: number };
  ours: { firstPaint: number; update: number; repainted: number };
}

declare global {
  interface Window {
    runRenderBench(sizes: number[], runs: number): RenderBenchResult[];
  }
}

window.runRenderBench = (sizes, runs) =>
  sizes.map((n) => {
    // Warm-up of both paths (JIT, font caches), then the measured runs.
    baseline(Math.min(n, 200), 3);
    ours(Math.min(n, 200), 3);
    return { tiles: n, baseline: baseline(n, runs), ours: ours(n, runs) };
  });
