import type { TreemapDataPoint } from 'chartjs-chart-treemap';

import type { Tile } from '../lib/tiles';

/**
 * The tile behind a laid-out treemap point, or null for sector and industry boxes. With
 * `groups: ['sector', 'industry', 'symbol']` each leaf is a one-stock group whose only child is
 * our tile object (the same object we mutate on live updates).
 */
export function tileOf(point: TreemapDataPoint | undefined): Tile | null {
  if (!point?.isLeaf) return null;
  const children = (point._data as { children?: unknown[] } | undefined)?.children;
  return (children?.[0] as Tile | undefined) ?? null;
}

/** Level of a point: 0 sector, 1 industry, 2 stock. */
export function levelOf(point: TreemapDataPoint | undefined): number {
  return point?.l ?? 0;
}
