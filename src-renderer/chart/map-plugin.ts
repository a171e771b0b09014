import type { Chart, Plugin } from 'chart.js';

import type { Tile } from '../lib/tiles';
import type { TileRect } from './heatmap-view';
import type { PaintGroup, TilePainter } from './tile-painter';

/** Geometry read from a laid-out chart: tiles with rects, and group boxes. */
export interface MapGeometry {
  tiles: Array<{ tile: Tile; rect: TileRect }>;
  groups: PaintGroup[];
}

export interface MapHost {
  painter: TilePainter;
  /** Reads the rects of the chart's elements after a layout (treemap or matrix). */
  extract(chart: Chart): MapGeometry | null;
  /** Called after each layout (including resizes) with the chart. */
  onLayout(chart: Chart): void;
}

/** Geometry Chart.js elements carry (not in their public type). */
export interface ElementBox {
  x: number;
  y: number;
  width: number;
  height: number;
  hidden?: boolean;
}

export const boxOf = (el: unknown): TileRect => {
  const e = el as ElementBox;
  return { x: e.x, y: e.y, w: e.width, h: e.height };
};

/**
 * Makes the chart a layout engine: after each layout the plugin hands the element rects to the
 * painter, and it replaces the controllers' drawing with the painter's (returning false from
 * `beforeDatasetsDraw` skips the controllers' draw). Live updates bypass Chart.js entirely.
 */
export function createMapPlugin(host: MapHost): Plugin & { layouts: number } {
  let lastData: unknown = null;
  return {
    id: 'marketMap',
    layouts: 0,
    afterUpdate(chart) {
      const data = chart.data.datasets[0]?.data;
      if (data && data !== lastData) {
        lastData = data;
        this.layouts++;
      }
      const geometry = host.extract(chart);
      if (geometry) {
        host.painter.setLayout(
          chart.ctx,
          geometry.tiles,
          geometry.groups,
          chart.currentDevicePixelRatio,
        );
      }
      host.onLayout(chart);
    },
    beforeDatasetsDraw(chart) {
      host.painter.paintAll(chart.ctx, chart.width, chart.height);
      return false;
    },
  };
}
