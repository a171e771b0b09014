/** Ticker and name search over the map's rows. Pure, so ranking is tested directly. */

export interface Searchable {
  symbol: string;
  name: string;
}

/** How well a row matches; lower is better, null is no match. */
function rank(row: Searchable, q: string): number | null {
  const symbol = row.symbol.toLowerCase();
  const name = row.name.toLowerCase();
  if (symbol === q) return 0;
  if (symbol.startsWith(q)) return 1;
  if (name.startsWith(q)) return 2;
  if (name.split(/[\s.,&-]+/).some((word) => word.startsWith(q))) return 3;
  if (name.includes(q)) return 4;
  return null;
}

/**
 * Rows matching `query` by ticker or company name: exact ticker first, then ticker prefix, name
 * prefix, word prefix, anywhere in the name; ties by ticker. At most `limit` rows.
 */
export function searchTiles<T extends Searchable>(
  rows: readonly T[],
  query: string,
  limit = 8,
): T[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  return rows
    .map((row) => ({ row, r: rank(row, q) }))
    .filter((x): x is { row: T; r: number } => x.r !== null)
    .sort((a, b) => a.r - b.r || a.row.symbol.localeCompare(b.row.symbol))
    .slice(0, limit)
    .map((x) => x.row);
}
