import type { ChartData, ChartOptions, ScriptableContext, TooltipItem } from 'chart.js';
import type { TreemapDataPoint } from 'chartjs-chart-treemap';

import { tileColour } from '../lib/colour-scale';
import { formatMarketCap, formatPercent } from '../lib/format';
import type { Tile } from '../lib/tiles';
import { tooltipLines } from '../lib/tooltip-lines';
import { tileOf } from './tile-of';

/** The scriptable context of a treemap point (the package does not export its own alias). */
type TreemapScriptableContext = ScriptableContext<'treemap'> & { raw: TreemapDataPoint };

/** Background of sector (level 0) and industry (level 1) boxes; shows through tile gaps. */
const GROUP_BACKGROUND = ['#0b0d11', '#1c2029'];
const CAPTION_COLOUR = ['#e6e9ef', '#9aa2b1'];
const LABEL_COLOUR = 'rgba(255, 255, 255, 0.96)';
const HOVER_OUTLINE = '#ffffff';

/** Label font size for a tile of `w`×`h` px: grows with the tile, within readable bounds. */
export function labelFontSize(w: number, h: number): number {
  return Math.max(9, Math.min(22, Math.floor(Math.min(w / 4.2, h / 2.8))));
}

/** What a tile says: ticker and % when both lines fit, the ticker alone when only one does. */
export function labelLines(tile: Tile, w: number, h: number): string[] {
  const size = labelFontSize(w, h);
  const pct = formatPercent(tile.changePercent);
  return h >= size * 2.6 ? [tile.symbol, pct] : [tile.symbol];
}

const colourOf = (ctx: TreemapScriptableContext): string => {
  const tile = tileOf(ctx.raw);
  if (tile) return tileColour(tile.changePercent, tile.status);
  return GROUP_BACKGROUND[Math.min(ctx.raw?.l ?? 0, 1)] ?? '#000';
};

const hoverWidthOf = (ctx: TreemapScriptableContext): number => (tileOf(ctx.raw) ? 2 : 0);

/** The one dataset of the map. `tree` holds our tile objects; the controller lays them out. */
export function treemapData(tiles: Tile[]): ChartData<'treemap'> {
  return {
    datasets: [
      {
        label: 'S&P 500',
        tree: tiles as unknown as Record<string, unknown>[],
        key: 'size',
        groups: ['sector', 'industry', 'symbol'],
        data: [],
        spacing: 0.6,
        borderWidth: 0,
        backgroundColor: colourOf,
        // Hover keeps the scale colour and outlines the tile instead, so a live recolour of a
        // hovered tile stays right.
        hoverBackgroundColor: colourOf,
        hoverBorderColor: HOVER_OUTLINE,
        // Typed as a number, but the element resolves it per point like every option here.
        hoverBorderWidth: hoverWidthOf as unknown as number,
        captions: {
          display: true,
          color: (ctx) => CAPTION_COLOUR[Math.min(ctx.raw?.l ?? 0, 1)] ?? '#fff',
          font: { size: 10, weight: 'bold' },
          padding: 2,
          formatter: (ctx) => {
            const name = ctx.raw?.g ?? '';
            return ctx.raw?.l === 0 ? name.toUpperCase() : name;
          },
        },
        labels: {
          display: true,
          overflow: 'hidden',
          color: LABEL_COLOUR,
          align: 'center',
          position: 'middle',
          padding: 2,
          font: (ctx) => {
            const size = labelFontSize(ctx.raw?.w ?? 0, ctx.raw?.h ?? 0);
            return [
              { size, weight: 'bold' },
              { size: Math.max(9, Math.round(size * 0.8)) },
            ];
          },
          formatter: (ctx) => {
            const tile = tileOf(ctx.raw);
            return tile ? labelLines(tile, ctx.raw.w, ctx.raw.h) : '';
          },
        },
      },
    ],
  };
}

type Item = TooltipItem<'treemap'>;
const pointOf = (item: Item) => item.raw as TreemapDataPoint;

/** Chart options: no animation (live updates must not tween), our tooltip text, dark theme. */
export function treemapOptions(): ChartOptions<'treemap'> {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    layout: { padding: 0 },
    plugins: {
      tooltip: {
        backgroundColor: 'rgba(16, 18, 24, 0.96)',
        borderColor: '#3a4050',
        borderWidth: 1,
        titleColor: '#ffffff',
        bodyColor: '#d5d9e2',
        padding: 10,
        displayColors: false,
        // The pointer is over a sector, an industry and a stock at once: show the deepest only.
        filter: (item, _index, items) =>
          (pointOf(item).l ?? 0) === Math.max(...items.map((i) => pointOf(i).l ?? 0)),
        callbacks: {
          title: (items) => {
            const point = items[0] ? pointOf(items[0]) : undefined;
            const tile = tileOf(point);
            return tile ? tooltipLines(tile).title : (point?.g ?? '');
          },
          label: (item) => {
            const tile = tileOf(pointOf(item));
            if (tile) return tooltipLines(tile).lines;
            return `Market cap: ${formatMarketCap(pointOf(item).v)}`;
          },
        },
      },
    },
  };
}
