import {
  formatChange,
  formatMarketCap,
  formatPercent,
  formatPrice,
  formatTimestamp,
} from './format';
import { delayedTileText, sessionDateText } from './freshness';
import type { Tile } from './tiles';

/** Title and body lines of a tile's hover tooltip. Pure, so it is tested without a canvas. */
export function tooltipLines(tile: Tile): { title: string; lines: string[] } {
  const cap =
    tile.sizeNote === 'unknown'
      ? 'Market cap: unknown (drawn at the minimum tile size)'
      : `Market cap: ${formatMarketCap(tile.marketCap)}` +
        (tile.sizeNote === 'floored' ? ' (tile enlarged to the minimum size)' : '');

  const lines = [
    `Price: ${formatPrice(tile.price)}`,
    `Change: ${formatChange(tile.change)} (${formatPercent(tile.changePercent)})`,
    cap,
    `Sector: ${tile.sector}`,
    `Industry: ${tile.industry}`,
    `Updated: ${formatTimestamp(tile.updatedAt)}`,
  ];

  const status = statusLine(tile);
  if (status) lines.push(status);

  return { title: `${tile.name} (${tile.symbol})`, lines };
}

/** The tooltip's words for the engine's status, or null for a live tile. */
function statusLine(tile: Tile): string | null {
  switch (tile.status) {
    case 'live':
      return null;
    case 'closed': {
      const date = tile.closedSessionDate;
      return `Market closed: last session's close${date ? ` (${sessionDateText(date)})` : ''}`;
    }
    case 'delayed':
      return delayedTileText(tile, tile.delay);
    case 'missing':
      return `No data${tile.reason ? `: ${tile.reason}` : ''}`;
    case 'stale':
      return `Stale${tile.reason ? `: ${tile.reason}` : ''}`;
    default: {
      const never: never = tile.status;
      return String(never);
    }
  }
}
