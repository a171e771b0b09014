/**
 * Words for screen readers and titles: tile and group labels (name, change, share of the map),
 * universe names, and the drill-down filter. Pure.
 */
import type { Watchlist } from '../../../src-main/shared/api-types';
import type { DrillPath, MapTileRef, Timeframe } from '../../chart/heatmap-view';
import { formatPercent } from '../../lib/format';
import type { Tile } from '../../lib/tiles';

export const TIMEFRAME_WORDS: Readonly<Record<Timeframe, string>> = {
  '1d': '1 day',
  '1w': '1 week',
  '1m': '1 month',
  '3m': '3 months',
  ytd: 'year to date',
  '1y': '1 year',
};

const UNIVERSE_NAMES: Readonly<Record<string, string>> = {
  sp500: 'S&P 500',
  nasdaq100: 'Nasdaq-100',
  dow30: 'Dow 30',
  etf: 'ETFs',
  all: 'All instruments',
};

/** The built-in universes offered as maps, in menu order. */
export const BUILT_IN_UNIVERSES = ['sp500', 'nasdaq100', 'dow30', 'etf', 'all'] as const;

export const WATCHLIST_PREFIX = 'watchlist:';

/** "S&P 500", "Nasdaq-100", or a watchlist's name for `watchlist:<id>`. */
export function universeName(universe: string | undefined, watchlists: readonly Watchlist[]) {
  const id = universe?.trim() || 'sp500';
  if (id.startsWith(WATCHLIST_PREFIX)) {
    const w = watchlists.find((x) => x.id === id.slice(WATCHLIST_PREFIX.length));
    return w ? `Watchlist “${w.name}”` : 'Watchlist';
  }
  return UNIVERSE_NAMES[id] ?? id;
}

/** Share (0–1) as "2.1% of the map"; small shares keep two decimals ("0.04%"). */
export const shareWords = (share: number) =>
  `${unsigned(share * 100, share < 0.01 ? 2 : 1)} of the map`;

/** "0.27%" without a sign: the words say the direction. */
const unsigned = (v: number, digits = 2) => formatPercent(Math.abs(v), digits).replace(/^[+-]/, '');

/** "up 1.25%", "down 0.27%", "unchanged 0.00%", or "no change data". */
function moveWords(v: number | null, flat = 'unchanged'): string {
  if (v === null) return 'no change data';
  return `${v > 0 ? 'up' : v < 0 ? 'down' : flat} ${unsigned(v)}`;
}

/** "Apple Inc. (AAPL), up 1.25% over 1 day, 6.1% of the map, Information Technology › …". */
export function tileLabel(tile: MapTileRef, timeframe: Timeframe): string {
  const move = moveWords(tile.value);
  const status = tile.status === 'live' ? '' : `, ${tile.status}`;
  return (
    `${tile.name} (${tile.symbol}), ${move} over ${TIMEFRAME_WORDS[timeframe]}, ` +
    `${shareWords(tile.share)}, ${tile.sector} › ${tile.industry}${status}`
  );
}

/** "Energy, 3.4% of the map, down 0.52%, 22 stocks". */
export function groupLabel(group: {
  name: string;
  share: number;
  change: number | null;
  count: number;
}): string {
  const move = moveWords(group.change, 'flat');
  const stocks = `${group.count} ${group.count === 1 ? 'stock' : 'stocks'}`;
  return `${group.name}, ${shareWords(group.share)}, ${move}, ${stocks}`;
}

/** The tiles inside a drill-down. */
export function tilesInDrill(tiles: readonly Tile[], drill: DrillPath): Tile[] {
  if (!drill.sector) return [...tiles];
  return tiles.filter(
    (t) => t.sector === drill.sector && (!drill.industry || t.industry === drill.industry),
  );
}

/** Whether a drill path still names something in `tiles` (a filter may have emptied it). */
export function drillExists(tiles: readonly Tile[], drill: DrillPath): boolean {
  return !drill.sector || tilesInDrill(tiles, drill).length > 0;
}
