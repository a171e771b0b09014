import {
  formatChange,
  formatMarketCap,
  formatPercent,
  formatPrice,
  formatTimestamp,
} from './format';
import { delayText, freshnessOf } from './freshness';
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

  const freshness = freshnessOf(tile);
  if (freshness === 'closed') lines.push("Market closed: last session's close");
  else if (freshness === 'delayed' && tile.delay) lines.push(delayText(tile.delay));
  else if (tile.status === 'missing') lines.push(`No data${tile.reason ? `: ${tile.reason}` : ''}`);
  else if (tile.status === 'stale') lines.push(`Stale${tile.reason ? `: ${tile.reason}` : ''}`);

  return { title: `${tile.name} (${tile.symbol})`, lines };
}
