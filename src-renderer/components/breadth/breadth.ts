/**
 * Breadth of the current view: how many tiles are up, down and flat, and the cap-weighted
 * change of each group (sectors, or industries once drilled into a sector). Pure, computed from
 * the tiles the map shows so it always agrees with the map, drill-down included.
 */
import type { Tile } from '../../lib/tiles';

export interface GroupBreadth {
  name: string;
  /** Sum of the caps that carry the weighted change. */
  marketCap: number;
  /** Cap-weighted % change, or null when no tile of the group has both a cap and a value. */
  change: number | null;
  count: number;
}

export interface Breadth {
  advancers: number;
  decliners: number;
  unchanged: number;
  /** Tiles with no value (missing quote or no history for the time frame). */
  noData: number;
  /** Cap-weighted % change of the whole view. */
  change: number | null;
  /** Largest group first. */
  groups: GroupBreadth[];
}

/** A tile's value for the chosen time frame; null when unknown. */
export type ValueOf = (tile: Tile) => number | null;

/** Moves smaller than this (in %) count as unchanged, so rounding noise isn't a "decliner". */
export const UNCHANGED_EPSILON = 0.005;

interface Sum {
  cap: number;
  weighted: number;
  count: number;
}

const mean = (s: Sum) => (s.cap > 0 ? s.weighted / s.cap : null);

/** See the module comment. `groupBy` picks the group key of each tile. */
export function computeBreadth(
  tiles: readonly Tile[],
  valueOf: ValueOf,
  groupBy: 'sector' | 'industry' = 'sector',
): Breadth {
  const out = { advancers: 0, decliners: 0, unchanged: 0, noData: 0 };
  const total: Sum = { cap: 0, weighted: 0, count: 0 };
  const groups = new Map<string, Sum>();

  for (const tile of tiles) {
    const key = tile[groupBy];
    const group = groups.get(key) ?? { cap: 0, weighted: 0, count: 0 };
    groups.set(key, group);
    group.count++;

    const value = tile.status === 'missing' ? null : valueOf(tile);
    if (value === null || !Number.isFinite(value)) {
      out.noData++;
      continue;
    }
    if (value > UNCHANGED_EPSILON) out.advancers++;
    else if (value < -UNCHANGED_EPSILON) out.decliners++;
    else out.unchanged++;

    const cap = tile.marketCap;
    if (cap === null || !(cap > 0)) continue;
    for (const s of [total, group]) {
      s.cap += cap;
      s.weighted += cap * value;
    }
  }

  const list = [...groups.entries()]
    .map(([name, s]) => ({ name, marketCap: s.cap, change: mean(s), count: s.count }))
    .sort((a, b) => b.marketCap - a.marketCap || a.name.localeCompare(b.name));
  return { ...out, change: mean(total), groups: list };
}
