import type { ChartData, ChartOptions } from 'chart.js';

import type { Tile } from '../lib/tiles';
import { type GridLayout, layoutGrid } from './grid-layout';
import type { Timeframe } from './heatmap-view';
import { tileValue } from './tile-value';

/** A matrix point in the unit square (0,0 top-left); `i` is the tile's index. */
export interface GridPoint {
  x: number;
  y: number;
  w: number;
  h: number;
  i: number;
}

/** Lays the grid out for a `width`×`height` px area, sorted by the time frame's change. */
export function gridLayout(
  tiles: readonly Tile[],
  timeframe: Timeframe,
  width: number,
  height: number,
): GridLayout {
  const items = tiles.map((t) => ({
    sector: t.sector,
    symbol: t.symbol,
    value: tileValue(t, timeframe),
  }));
  return layoutGrid(items, width, height);
}

/**
 * The matrix dataset: chartjs-chart-matrix positions one cell per point on two hidden unit
 * scales, so the cells stretch with the canvas without a new layout.
 */
export function gridData(layout: GridLayout, width: number, height: number): ChartData<'matrix'> {
  const points: GridPoint[] = layout.cells.map((c) => ({
    x: c.x / width,
    y: c.y / height,
    w: c.w / width,
    h: c.h / height,
    i: c.index,
  }));
  const raw = (ctx: { raw?: unknown }) => ctx.raw as GridPoint | undefined;
  return {
    datasets: [
      {
        label: 'Market grid',
        data: points,
        anchorX: 'left',
        anchorY: 'top',
        width: (ctx) => (raw(ctx)?.w ?? 0) * (ctx.chart.chartArea?.width ?? 0),
        height: (ctx) => (raw(ctx)?.h ?? 0) * (ctx.chart.chartArea?.height ?? 0),
        backgroundColor: 'transparent',
        borderWidth: 0,
      },
    ],
  };
}

export function gridOptions(): ChartOptions<'matrix'> {
  const unit = { type: 'linear' as const, min: 0, max: 1, display: false, offset: false };
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    events: [],
    layout: { padding: 0 },
    plugins: { tooltip: { enabled: false } },
    scales: { x: unit, y: { ...unit, reverse: true } },
  };
}
