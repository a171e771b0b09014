import type { Tile } from '../lib/tiles';
import type { SizeBy, Timeframe } from './heatmap-view';

/**
 * Per-time-frame changes, as the engine adds them to each row (`performance`, issue 4 point 2).
 * Read defensively: until the field lands, or for a symbol without history, only 1d is known.
 */
type WithPerformance = { performance?: Partial<Record<Timeframe, number | null>> | null };

/** The % change a tile is coloured by for `timeframe`, or null when unknown. */
export function tileValue(tile: Tile, timeframe: Timeframe): number | null {
  if (timeframe === '1d') return tile.changePercent;
  const v = (tile as Tile & WithPerformance).performance?.[timeframe];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * The area weight of a tile under `sizeBy`, fixed at layout time so live updates never move the
 * map. Unknown sizes get `floor` (the smallest share the map draws, see lib/tiles MIN_TILE_SHARE).
 */
export function tileWeight(tile: Tile, sizeBy: SizeBy): number {
  switch (sizeBy) {
    case 'equal':
      return 1;
    case 'marketCap':
      return tile.size;
    case 'dollarVolume': {
      const dv = (tile.price ?? 0) * (tile.volume ?? 0);
      return Number.isFinite(dv) && dv > 0 ? dv : 0;
    }
    default: {
      const never: never = sizeBy;
      return never;
    }
  }
}

/** Weights for all tiles with the smallest raised to `minShare` of the total. */
export function tileWeights(tiles: readonly Tile[], sizeBy: SizeBy, minShare: number): number[] {
  const raw = tiles.map((t) => tileWeight(t, sizeBy));
  const total = raw.reduce((s, w) => s + w, 0);
  const floor = total > 0 ? total * minShare : 1;
  return raw.map((w) => Math.max(w, floor));
}
