import type { TreemapDataPoint } from 'chartjs-chart-treemap';

import type { Tile } from '../lib/tiles';

/** A leaf of the treemap's tree: group keys, the layout-time area weight and our tile. */
export interface TreeNode {
  sector: string;
  industry: string;
  symbol: string;
  weight: number;
  tile: Tile;
}

/**
 * The tile behind a laid-out treemap point, or null for sector and industry boxes. With
 * `groups: ['sector', 'industry', 'symbol']` each leaf is a one-stock group whose only child is
 * our tree node, which holds the tile object we mutate on live updates.
 */
export function tileOf(point: TreemapDataPoint | undefined): Tile | null {
  if (!point?.isLeaf) return null;
  const children = (point._data as { children?: unknown[] } | undefined)?.children;
  return (children?.[0] as TreeNode | undefined)?.tile ?? null;
}

/** Level of a point: 0 sector, 1 industry, 2 stock. */
export function levelOf(point: TreemapDataPoint | undefined): number {
  return point?.l ?? 0;
}
