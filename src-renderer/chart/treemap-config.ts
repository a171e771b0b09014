import type { ChartData, ChartOptions } from 'chart.js';

import type { Tile } from '../lib/tiles';
import { MIN_TILE_SHARE } from '../lib/tiles';
import type { SizeBy } from './heatmap-view';
import type { TreeNode } from './tile-of';
import { tileWeights } from './tile-value';

/** Caption band of sector and industry boxes: font 10 px × 1.2 line height + 2 × 2 px padding. */
export const CAPTION_FONT_PX = 10;
export const CAPTION_PADDING_PX = 2;
export const CAPTION_PX = CAPTION_FONT_PX * 1.2 + 2 * CAPTION_PADDING_PX;

/** Tree nodes for a layout: area weights are fixed here, so live updates never move a tile. */
export function treeNodes(tiles: readonly Tile[], sizeBy: SizeBy): TreeNode[] {
  const weights = tileWeights(tiles, sizeBy, MIN_TILE_SHARE);
  return tiles.map((tile, i) => ({
    sector: tile.sector,
    industry: tile.industry,
    symbol: tile.symbol,
    weight: weights[i]!,
    tile,
  }));
}

/**
 * The one dataset of the treemap. Chart.js lays it out (squarified, sector > industry > stock);
 * map-plugin paints it, so colours and labels here are off and only the geometry matters. The
 * captions stay "displayed" so the layout reserves their band; the plugin draws the text.
 */
export function treemapData(nodes: TreeNode[]): ChartData<'treemap'> {
  return {
    datasets: [
      {
        label: 'Market map',
        tree: nodes as unknown as Record<string, unknown>[],
        key: 'weight',
        groups: ['sector', 'industry', 'symbol'],
        data: [],
        spacing: 0.6,
        borderWidth: 0,
        backgroundColor: 'transparent',
        captions: {
          display: true,
          font: { size: CAPTION_FONT_PX, weight: 'bold' },
          padding: CAPTION_PADDING_PX,
        },
        labels: { display: false },
      },
    ],
  };
}

/**
 * No animation (live updates must not tween), no Chart.js events: hover, tooltip and clicks are
 * handled on the overlay canvas so the pointer never forces a repaint of the map.
 */
export function treemapOptions(): ChartOptions<'treemap'> {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    events: [],
    layout: { padding: 0 },
    plugins: { tooltip: { enabled: false } },
  };
}
