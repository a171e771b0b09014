/** Sorting of the table view's rows. Pure. */

export type SortKey =
  'symbol' | 'name' | 'sector' | 'industry' | 'price' | 'value' | 'marketCap' | 'share';

export type SortDirection = 'ascending' | 'descending';

export interface SortState {
  key: SortKey;
  direction: SortDirection;
}

export interface TableRow {
  symbol: string;
  name: string;
  sector: string;
  industry: string;
  price: number | null;
  value: number | null;
  marketCap: number | null;
  share: number;
}

/** Columns whose first click sorts largest first. */
const NUMERIC: ReadonlySet<SortKey> = new Set(['price', 'value', 'marketCap', 'share']);

/** The sort after clicking `key`: same column flips, a new column starts at its natural order. */
export function nextSort(current: SortState, key: SortKey): SortState {
  if (current.key === key) {
    return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { key, direction: NUMERIC.has(key) ? 'descending' : 'ascending' };
}

/** Rows sorted by `sort`; unknown (null) values always last; ties by symbol. */
export function sortRows<T extends TableRow>(rows: readonly T[], sort: SortState): T[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[sort.key];
    const y = b[sort.key];
    if (x === null && y !== null) return 1;
    if (y === null && x !== null) return -1;
    let c = 0;
    if (typeof x === 'number' && typeof y === 'number') c = x - y;
    else if (typeof x === 'string' && typeof y === 'string') c = x.localeCompare(y);
    return c * sign || a.symbol.localeCompare(b.symbol);
  });
}
