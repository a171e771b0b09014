import {
  DEFAULT_VIEW_OPTIONS,
  type DrillPath,
  MAP_VIEW_KINDS,
  PALETTE_IDS,
  SIZE_BYS,
  THEME_CHOICES,
  TIMEFRAMES,
  type ViewOptions,
} from '../chart/heatmap-view';
import { MAX_RANGE, MIN_RANGE } from './colour-scale';
import { createLogger } from './log';

const log = createLogger('view-state');

/**
 * What the user is looking at, independent of the data: universe, filters, how the map looks
 * and the drill-down. The whole of it round-trips through the page URL (`toSearch`/`fromSearch`).
 */
export interface ViewState {
  /** GICS sectors to show; empty means all. */
  sectors: string[];
  /** Category ids to show (`sp500`, `dow30`, …); empty means all. */
  categories: string[];
  /** Which universe the map shows (`sp500`, `nasdaq100`, `dow30`, `etf`, a watchlist id); '' = default. */
  universe?: string;
  /** Criteria expression (`changePercent > 2 and marketCap > 100e9`); '' = none. */
  filter?: string;
  /** How the map looks; absent = DEFAULT_VIEW_OPTIONS. */
  options?: ViewOptions;
  /** Drill-down; absent = the whole map. */
  drill?: DrillPath;
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
 * The API query for a view: `sector=A,B&category=x` with sorted, de-duplicated values, plus
 * `universe=` and `filter=` when set, and no parameter at all for "all". Returns `''` or a
 * string starting with `?`. Look (options) and drill-down are not the server's business.
 */
export function buildQuery(view: ViewState): string {
  const params = new URLSearchParams();
  const sectors = cleanList(view.sectors);
  const categories = cleanList(view.categories);
  if (sectors.length) params.set('sector', sectors.join(','));
  if (categories.length) params.set('category', categories.join(','));
  if (view.universe?.trim()) params.set('universe', view.universe.trim());
  if (view.filter?.trim()) params.set('filter', view.filter.trim());

  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Reads the filter part of a view back from a query string (the inverse of `buildQuery`). */
export function parseQuery(search: string): ViewState {
  const params = new URLSearchParams(search);
  const list = (name: string) => cleanList((params.get(name) ?? '').split(','));
  const view: ViewState = { sectors: list('sector'), categories: list('category') };
  const universe = params.get('universe')?.trim();
  const filter = params.get('filter')?.trim();
  if (universe) view.universe = universe;
  if (filter) view.filter = filter;
  return view;
}

/** URL parameter names of the look and the drill-down (short: the URL is shared). */
const P = {
  view: 'view',
  size: 'size',
  tf: 'tf',
  palette: 'palette',
  range: 'range',
  theme: 'theme',
  drillSector: 'in',
  drillIndustry: 'industry',
} as const;

/**
 * The whole view as a URL query (`?sector=…&view=grid&tf=1w&…`). Defaults are left out, so the
 * default view is `''` and a shared link says only what differs.
 */
export function toSearch(view: ViewState): string {
  const params = new URLSearchParams(buildQuery(view));
  const o = view.options ?? DEFAULT_VIEW_OPTIONS;
  const d = DEFAULT_VIEW_OPTIONS;
  if (o.view !== d.view) params.set(P.view, o.view);
  if (o.sizeBy !== d.sizeBy) params.set(P.size, o.sizeBy);
  if (o.timeframe !== d.timeframe) params.set(P.tf, o.timeframe);
  if (o.palette !== d.palette) params.set(P.palette, o.palette);
  if (o.range !== null) params.set(P.range, String(o.range));
  if (o.theme !== d.theme) params.set(P.theme, o.theme);
  if (view.drill?.sector) params.set(P.drillSector, view.drill.sector);
  if (view.drill?.sector && view.drill.industry) params.set(P.drillIndustry, view.drill.industry);
  const text = params.toString();
  return text ? `?${text}` : '';
}

function pick<T extends string>(
  params: URLSearchParams,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const raw = params.get(name);
  if (raw === null) return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  log.warn(
    `read view from URL: ${name}=${JSON.stringify(raw)} is not one of ${allowed.join(', ')}; using ${fallback}`,
  );
  return fallback;
}

function pickRange(params: URLSearchParams): number | null {
  const raw = params.get(P.range);
  if (raw === null) return null;
  const n = Number(raw);
  if (raw.trim() !== '' && Number.isFinite(n) && n >= MIN_RANGE && n <= MAX_RANGE) return n;
  log.warn(
    `read view from URL: range=${JSON.stringify(raw)} is not a number from ${MIN_RANGE} to ${MAX_RANGE}; using the time frame's default`,
  );
  return null;
}

/**
 * The whole view from a URL query (the inverse of `toSearch`). Never throws: a bad value falls
 * back to its default with a logged warning, so an edited or outdated link still opens.
 */
export function fromSearch(search: string): ViewState {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch (error: unknown) {
    log.warn('read view from URL: unreadable query; using the default view', error);
    return { ...DEFAULT_VIEW, options: { ...DEFAULT_VIEW_OPTIONS }, drill: {} };
  }
  const d = DEFAULT_VIEW_OPTIONS;
  const options: ViewOptions = {
    view: pick(params, P.view, MAP_VIEW_KINDS, d.view),
    sizeBy: pick(params, P.size, SIZE_BYS, d.sizeBy),
    timeframe: pick(params, P.tf, TIMEFRAMES, d.timeframe),
    palette: pick(params, P.palette, PALETTE_IDS, d.palette),
    range: pickRange(params),
    theme: pick(params, P.theme, THEME_CHOICES, d.theme),
  };
  const drill: DrillPath = {};
  const sector = params.get(P.drillSector)?.trim();
  const industry = params.get(P.drillIndustry)?.trim();
  if (sector) drill.sector = sector;
  if (industry && sector) drill.industry = industry;
  else if (industry) log.warn('read view from URL: industry without a sector; ignoring it');

  return { ...parseQuery(search), options, drill };
}

/** Adds `value` to or removes it from `list`, keeping the result sorted. */
export function toggleValue(list: readonly string[], value: string): string[] {
  return list.includes(value) ? list.filter((v) => v !== value) : cleanList([...list, value]);
}

/** Whether a view shows everything. */
export function isUnfiltered(view: ViewState): boolean {
  return (
    view.sectors.length === 0 &&
    view.categories.length === 0 &&
    !view.filter?.trim() &&
    !view.universe?.trim()
  );
}
