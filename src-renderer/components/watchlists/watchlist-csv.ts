/** CSV export of a watchlist: `symbol,name` per line, quoted where needed. Pure. */
import type { Watchlist } from '../../../src-main/shared/api-types';

/** A CSV cell, quoted when it holds a comma, quote or line break. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The watchlist as CSV text with a header line; names come from `nameOf` when known. */
export function watchlistCsv(
  watchlist: Watchlist,
  nameOf: (symbol: string) => string | undefined,
): string {
  const lines = ['symbol,name'];
  for (const symbol of watchlist.symbols) {
    lines.push(`${csvCell(symbol)},${csvCell(nameOf(symbol) ?? '')}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** A file name for the export: the watchlist's id and the date. */
export function csvFileName(watchlist: Watchlist, now = new Date()): string {
  return `watchlist-${watchlist.id}-${now.toISOString().slice(0, 10)}.csv`;
}

/** Offers text as a file download (browser and Electron alike). */
export function downloadText(text: string, fileName: string, type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
