/**
 * What the user is looking at, independent of the data: for now the filters. Issue 4 adds size,
 * colour metric, time frame and drill-down here, and round-trips the whole state through the URL.
 */
export interface ViewState {
  /** GICS sectors to show; empty means all. */
  sectors: string[];
  /** Category ids to show (`sp500`, `dow30`, …); empty means all. */
  categories: string[];
}

export const DEFAULT_VIEW: ViewState = { sectors: [], categories: [] };

function cleanList(values: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const v of values) {
    const t = v.trim();
    if (t) seen.add(t);
  }
  return [...seen].sort((a, b) => a.localeCompare(b));
}

/**
 * The API query for a view: `sector=A,B&category=x` with sorted, de-duplicated values, and no
 * parameter at all for "all". Returns `''` or a string starting with `?`.
 */
export function buildQuery(view: ViewState): string {
  const params = new URLSearchParams();
  const sectors = cleanList(view.sectors);
  const categories = cleanList(view.categories);
  if (sectors.length) params.set('sector', sectors.join(','));
  if (categories.length) params.set('category', categories.join(','));

  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Reads a view back from a query string (the inverse of `buildQuery`). */
export function parseQuery(search: string): ViewState {
  const params = new URLSearchParams(search);
  const list = (name: string) => cleanList((params.get(name) ?? '').split(','));
  return { sectors: list('sector'), categories: list('category') };
}

/** Adds `value` to or removes it from `list`, keeping the result sorted. */
export function toggleValue(list: readonly string[], value: string): string[] {
  return list.includes(value) ? list.filter((v) => v !== value) : cleanList([...list, value]);
}

/** Whether a view shows everything. */
export function isUnfiltered(view: ViewState): boolean {
  return view.sectors.length === 0 && view.categories.length === 0;
}
