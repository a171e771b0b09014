import type {
  QuoteChange,
  QuoteStatus,
  SourceDelay,
  StockRow,
} from '../../src-main/shared/api-types';

/** Why a tile's area is not exactly its market cap. */
export type SizeNote = 'exact' | 'floored' | 'unknown';

/**
 * One stock on the map. The treemap reads `size` for the area and the group keys `sector`,
 * `industry`, `symbol`. The object stays the same for the life of a layout: live changes mutate
 * its quote fields in place, and `size` is fixed at layout time so the map never moves.
 */
export interface Tile extends StockRow {
  size: number;
  sizeNote: SizeNote;
  /** The source's delay (`SourceInfo.delay`), for a delayed tile's words; see `setDelay`. */
  delay?: SourceDelay | undefined;
}

/**
 * Stamps the source's delay on every tile, in place (tiles live for a layout, the source can
 * change mid-layout, e.g. Polygon falling back to end-of-day). Returns whether anything changed.
 */
export function setDelay(tiles: readonly Tile[], delay: SourceDelay | undefined): boolean {
  if (tiles.length === 0 || sameDelay(tiles[0]!.delay, delay)) return false;
  for (const t of tiles) t.delay = delay;
  return true;
}

function sameDelay(a: SourceDelay | undefined, b: SourceDelay | undefined): boolean {
  return a?.kind === b?.kind && a?.minutes === b?.minutes && a?.sessionDate === b?.sessionDate;
}

/**
 * Smallest share of the map a tile gets, so the smallest companies stay visible and hoverable
 * instead of collapsing into 1 px slivers at the edge of their industry. With the S&P 500 this
 * enlarges only the few smallest caps; their tooltips say so.
 */
export const MIN_TILE_SHARE = 1 / 8000;

/** Builds fresh tiles (a new layout) from API rows. */
export function buildTiles(rows: readonly StockRow[]): Tile[] {
  const known = (r: StockRow) => (r.marketCap !== null && r.marketCap > 0 ? r.marketCap : 0);
  const total = rows.reduce((sum, r) => sum + known(r), 0);
  const floor = total > 0 ? total * MIN_TILE_SHARE : 1;

  return rows.map((row) => {
    const cap = known(row);
    if (cap === 0) return { ...row, size: floor, sizeNote: 'unknown' };
    if (cap < floor) return { ...row, size: floor, sizeNote: 'floored' };
    return { ...row, size: cap, sizeNote: 'exact' };
  });
}

/** Whether `rows` are exactly the symbols of `tiles`, so a snapshot can reuse the layout. */
export function sameSymbols(tiles: readonly Tile[], rows: readonly StockRow[]): boolean {
  if (tiles.length !== rows.length) return false;
  const known = new Set(tiles.map((t) => t.symbol));
  return rows.every((r) => known.has(r.symbol));
}

const QUOTE_FIELDS = [
  'price',
  'previousClose',
  'change',
  'changePercent',
  'volume',
  'marketCap',
  'updatedAt',
  'status',
  'reason',
  'delayedByMinutes',
  'closedSessionDate',
  // Live changes carry the time frames recomputed with the new price (1w–1y colours follow).
  'performance',
] as const;

const OPTIONAL_FIELDS: ReadonlySet<string> = new Set([
  'reason',
  'delayedByMinutes',
  'closedSessionDate',
]);

/**
 * Applies quote changes to the tiles in place and returns how many tiles changed. A change never
 * replaces a newer quote (compared by `updatedAt`), and unknown symbols (outside the current
 * filter) are ignored. `size` is left alone so the layout holds.
 */
export function mergeChanges(
  bySymbol: ReadonlyMap<string, Tile>,
  changes: ReadonlyArray<QuoteChange | StockRow>,
): number {
  let changed = 0;
  for (const change of changes) {
    const tile = bySymbol.get(change.symbol);
    if (!tile || isOlder(change.updatedAt, tile.updatedAt)) continue;

    const target = tile as unknown as Record<string, unknown>;
    const source = change as unknown as Record<string, unknown>;
    for (const field of QUOTE_FIELDS) {
      // Optional fields absent from a change are cleared, not kept from the old status.
      if (OPTIONAL_FIELDS.has(field) && !(field in change)) delete target[field];
      else if (field in change) target[field] = source[field];
    }
    changed++;
  }
  return changed;
}

function isOlder(next: string | null, current: string | null): boolean {
  if (!next || !current) return false;
  const a = Date.parse(next);
  const b = Date.parse(current);
  return Number.isFinite(a) && Number.isFinite(b) && a < b;
}

/** Index of tiles by symbol. */
export function indexTiles(tiles: readonly Tile[]): Map<string, Tile> {
  return new Map(tiles.map((t) => [t.symbol, t]));
}

/** Tiles per engine status (`closed`: the last session's close, outside the session). */
export type StatusCounts = Record<QuoteStatus, number>;

/** How many tiles are live, delayed, stale, missing and closed. */
export function countStatuses(tiles: readonly Tile[]): StatusCounts {
  const counts: StatusCounts = { live: 0, delayed: 0, stale: 0, missing: 0, closed: 0 };
  for (const t of tiles) counts[t.status]++;
  return counts;
}

/** Sorted distinct values of a string field (or array field) over rows, for filter options. */
export function distinctValues(
  rows: ReadonlyArray<Pick<StockRow, 'sector' | 'categories'>>,
  field: 'sector' | 'categories',
): string[] {
  const set = new Set<string>();
  for (const r of rows) {
    const v = r[field];
    if (Array.isArray(v)) v.forEach((x) => set.add(x));
    else set.add(v);
  }
  return [...set].sort((a, b) => a.localeCompare(b));
}
