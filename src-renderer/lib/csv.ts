import type { Timeframe } from '../chart/heatmap-view';
import { tileValue } from '../chart/tile-value';
import type { Tile } from './tiles';

/**
 * One CSV field per RFC 4180: quoted when it holds a comma, quote, CR or LF (quotes doubled).
 * Text starting with = + - @ (or tab/CR) gets a leading apostrophe so a spreadsheet does not run
 * it as a formula; numbers are written as numbers.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_COLUMNS = [
  'symbol',
  'name',
  'sector',
  'industry',
  'price',
  'change',
  'changePercent',
  'timeframe',
  'timeframeChangePercent',
  'marketCap',
  'volume',
  'status',
  'updatedAt',
] as const;

/** The rows of the map as CSV (CRLF line ends, header first). */
export function rowsToCsv(tiles: readonly Tile[], timeframe: Timeframe): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const t of tiles) {
    lines.push(
      [
        t.symbol,
        t.name,
        t.sector,
        t.industry,
        t.price,
        t.change,
        t.changePercent,
        timeframe,
        tileValue(t, timeframe),
        t.marketCap,
        t.volume,
        t.status,
        t.updatedAt,
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
