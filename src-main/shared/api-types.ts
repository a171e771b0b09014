/**
 * The JSON shapes of the local HTTP API (`/api/stocks`, `/api/health`, `/api/stream`, and the
 * views routes `/api/summary`, `/api/history`, `/api/filters`, `/api/filter-check`,
 * `/api/watchlists`).
 *
 * Shared by the engine (which produces them) and the renderer (which reads them with
 * `import type`). This module imports nothing, so it is safe on both sides.
 */

/**
 * How fresh a symbol's quote is, as the engine judges it from the NYSE calendar, the quote's own
 * time and the source's delay:
 * - `live`: current (in the session, or a fresh extended-hours trade);
 * - `delayed`: current for a delayed or end-of-day source (`delayedByMinutes` when known);
 * - `stale`: older than its refresh pace allows, or held from a snapshot or another provider;
 * - `missing`: no quote (the row's `reason` says why);
 * - `closed`: outside the regular session, the last session's close (`closedSessionDate`); its
 *   age does not count, so it never turns stale overnight or over a weekend.
 * The replay plays a regular session, so its quotes are only ever live, stale or missing.
 */
export type QuoteStatus = 'live' | 'delayed' | 'stale' | 'missing' | 'closed';

/** The typed freshness fields every row and change carries beside `status`. */
export interface QuoteFreshness {
  status: QuoteStatus;
  /** Why the quote is stale or missing, when it is. */
  reason?: string;
  /** For `delayed`: minutes behind the market, when the source documents it (e.g. 15). */
  delayedByMinutes?: number;
  /** For `closed`: the New York date `YYYY-MM-DD` of the session whose close this is. */
  closedSessionDate?: string;
}

/** Where the data comes from: the embedded replay or a live provider. */
export type DataMode = 'replay' | 'live';

/** Asset type of an instrument. */
export type AssetType = 'stock' | 'etf';

export interface SourceInfo {
  /** Provider id, e.g. `replay`, `finnhub`. */
  provider: string;
  mode: DataMode;
  /** What the user is told, e.g. "Replay of 2026-08-07 closes (intraday path simulated)". */
  label: string;
  /** Which parts are real and which are generated, in plain words. */
  detail?: string;

  /** The market session at the time of the data (replay: the replayed session). */
  session?: MarketSessionInfo;

  /**
   * How late the provider's prices are, when the adapter knows. Absent means unknown (treated as
   * real-time); a replay has none, since it is a replay rather than delayed data.
   */
  delay?: SourceDelay;
}

/** How late a source's prices are relative to the market. */
export type SourceDelayKind = 'realtime' | 'delayed' | 'end-of-day';

/** The delay of a source's prices, as the adapter states it. */
export interface SourceDelay {
  kind: SourceDelayKind;
  /** Minutes behind the market, for `delayed` when the provider documents it (e.g. 15). */
  minutes?: number;
  /** For `end-of-day`: the New York date `YYYY-MM-DD` of the session whose closes these are. */
  sessionDate?: string;
  /** One sentence for the user, e.g. "Closes of the latest finished session (free plan)." */
  note: string;
}

/** One row of `/api/stocks`: an instrument with its latest quote. Missing values are null. */
export interface StockRow extends QuoteFreshness {
  symbol: string;
  name: string;
  sector: string;
  industry: string;
  /** Lower-case category ids: index memberships (`sp500`, `nasdaq100`, `dow30`) and asset type. */
  categories: string[];
  marketCap: number | null;
  price: number | null;
  previousClose: number | null;
  change: number | null;
  changePercent: number | null;
  volume: number | null;
  /** ISO-8601 time of the quote, as the provider stamped it. */
  updatedAt: string | null;

  /** Percent change per time frame; present when the engine has a view layer. */
  performance?: Performance;
  /** Why a time frame is null, e.g. `{ ytd: "the replay's history starts 2026-05-14" }`. */
  performanceReasons?: Partial<Record<TimeFrame, string>>;
}

export interface StocksResponse {
  /** ISO-8601 time the response was made. */
  asOf: string;
  source: SourceInfo;
  stocks: StockRow[];

  /** The universe the rows were chosen from (echo of `?universe=`, default `sp500`). */
  universe?: string;
  /** The custom criteria applied (echo of `?filter=`), when any. */
  filter?: string;
  /** The time frame asked for (echo of `?timeframe=`, default `1d`). */
  timeframe?: TimeFrame;
}

/**
 * Tiles per status over the default map's universe (`universe`, the S&P 500), not every
 * instrument the engine knows (ETFs and Nasdaq-only names would count as missing in the replay).
 */
export interface HealthCounts {
  live: number;
  stale: number;
  missing: number;
  /** Optional only for older engines; the engine always sets it. */
  delayed?: number;
  /** Optional only for older engines; the engine always sets it. */
  closed?: number;
  /** The universe counted (`sp500`); optional only for older engines. */
  universe?: string;
  /** Instruments in `universe` (the sum of the counts). */
  total?: number;
  /** Every instrument the engine holds, across all universes. */
  allInstruments?: number;
}

/** The provider's condition, as the scheduler sees it. */
export type ProviderStateKind =
  'starting' | 'ok' | 'degraded' | 'rate-limited' | 'bad-key' | 'plan-limit' | 'offline';

/** What a provider's quota counts. */
export type QuotaUnit = 'calls' | 'credits';

export interface ProviderHealth {
  state: ProviderStateKind;
  /** What happened and what the user can do, in plain words. */
  message: string;
  /** ISO-8601 time before which no call is made (rate limited, backing off), else null. */
  retryAt: string | null;
  /** Quota units (see `unit`) spent today (provider's day), persisted across restarts. */
  callsToday: number;
  /** Units left today under the daily quota, or null when the plan has no daily cap. */
  callsLeftToday: number | null;
  /**
   * What `callsToday` and `callsLeftToday` count: `calls`, or `credits` where the provider
   * charges per symbol (Twelve Data). Optional only for older engines; the engine always sets it.
   */
  unit?: QuotaUnit;
  /** Expected seconds to refresh every symbol of the map once with this key, or null. */
  fullRefreshSeconds: number | null;
  /** Free-tier limits the user should know before relying on this provider. */
  limitations: string[];
}

export interface HealthResponse {
  status: 'ok' | 'degraded' | 'starting';
  provider: string;
  mode: DataMode;
  source: SourceInfo;
  /** ISO-8601 time of the newest quote the engine holds, or null before the first. */
  lastUpdate: string | null;
  counts: HealthCounts;
  providerState: ProviderHealth;
  uptimeSeconds: number;
  version: string;

  /** The market session now (replay: the replayed session). */
  session?: MarketSessionInfo;

  /** Live providers: daily closes held for time frames beyond 1 day (absent on the replay). */
  dailyCloses?: DailyCloseCoverage;
}

/** How far a live provider's daily closes reach (`/api/health`). */
export interface DailyCloseCoverage {
  /** `backfill`: fetched from a history endpoint too; `quotes`: only captured from quotes. */
  source: 'backfill' | 'quotes';
  /** Closes held over the year the time frames need. */
  closes: number;
  /** Symbols whose five frame start dates (1w, 1m, 3m, YTD, 1y) all have a close. */
  completeSymbols: number;
  symbols: number;
  /** The earliest date held, or null before the first. */
  since: string | null;
}

/** One changed symbol in a stream batch: only the fields that move. */
export interface QuoteChange extends QuoteFreshness {
  symbol: string;
  price: number | null;
  previousClose: number | null;
  change: number | null;
  changePercent: number | null;
  volume: number | null;
  marketCap: number | null;
  updatedAt: string | null;

  /** Recomputed with the new price (same meaning as on StockRow). */
  performance?: Performance;
}

/** Server-Sent Events of `/api/stream`: `event: snapshot` then `event: changes`. */
export type StreamEvent =
  | { type: 'snapshot'; data: StocksResponse }
  | { type: 'changes'; data: { asOf: string; source: SourceInfo; changes: QuoteChange[] } };

/** Body of every 4xx/5xx answer of the API. */
export interface ApiError {
  error: string;
  /** What the request may use instead, when that helps. */
  accepted?: string[];

  /** A bad `filter` expression: where it is wrong. */
  filterError?: FilterErrorDetail;
  /** Symbols the request named that the universe does not know. */
  unknownSymbols?: string[];
  /** CSV import: every bad line (nothing was imported). */
  rows?: CsvRowProblem[];
}

// ---------------------------------------------------------------------------------------------
// Views: universes, time frames, custom filters, watchlists, history, summary, market session.
// Everything below is additive: every new field on an existing shape is optional, so a client
// written against the shapes above keeps working.
// ---------------------------------------------------------------------------------------------

/**
 * Time frames a change can be coloured by. `1d` is the change since the previous close (the
 * same value as `changePercent`); the others compare the current price with the close of the
 * last trading day on or before the same calendar day 1 week / 1 month / 3 months / 1 year
 * earlier, and `ytd` with the last close of the previous year. All split-adjusted, in percent.
 */
export type TimeFrame = '1d' | '1w' | '1m' | '3m' | 'ytd' | '1y';

/** Percent change per time frame; null when the history does not reach back (see reasons). */
export type Performance = Record<TimeFrame, number | null>;

/**
 * Universe ids of `?universe=`: index memberships, the ETF list, every instrument, or one
 * watchlist as `watchlist:<id>`. The default is `sp500`.
 */
export type UniverseId = 'sp500' | 'nasdaq100' | 'dow30' | 'etf' | 'all' | `watchlist:${string}`;

/** The part of the NYSE trading day. `early-close` days say so in `earlyClose`. */
export type MarketSessionState = 'pre' | 'regular' | 'post' | 'closed' | 'holiday';

export interface MarketSessionInfo {
  state: MarketSessionState;
  /** New York date the state refers to (for the replay: the replayed date). */
  date: string;
  /** True on a 13:00 early-close day (the day after Thanksgiving, Christmas Eve, …). */
  earlyClose: boolean;
  /** ISO-8601 regular close of `date`, or null when the market does not open that day. */
  closesAt: string | null;
  /** Holiday or early-close name, when the date has one. */
  note?: string;
  /** True when this is the replay's simulated session, not the wall clock's. */
  replayed: boolean;
}

/** Where a custom filter expression is wrong, for the caret under the input. */
export interface FilterErrorDetail {
  /** 0-based character offset of the first wrong character. */
  position: number;
  /** 0-based offset just after the wrong part (`position + 1` at least). */
  end: number;
  /** Two lines: the expression, then spaces and `^` under the wrong part. */
  excerpt: string;
}

/** One CSV line that could not be imported. */
export interface CsvRowProblem {
  /** 1-based line number in the uploaded text. */
  line: number;
  /** The cell as read (trimmed). */
  value: string;
  problem: string;
}

/** A field custom criteria may name, with its type, for help text and a query builder. */
export interface FilterFieldInfo {
  name: string;
  type: 'number' | 'string';
  description: string;
}

/** `GET /api/filters`: saved filters plus the expression language's vocabulary. */
export interface FiltersResponse {
  filters: SavedFilter[];
  fields: FilterFieldInfo[];
  /** Operators and keywords, e.g. `and`, `or`, `not`, `=`, `!=`, `<`, `in`, `contains`. */
  operators: string[];
}

/** A named, saved custom filter (`PUT /api/filters/<name>` with `{ expression }`). */
export interface SavedFilter {
  name: string;
  expression: string;
  /** ISO-8601. */
  updatedAt: string;
}

/** Body of `PUT /api/filters/<name>`. */
export interface SaveFilterRequest {
  expression: string;
}

/** `GET /api/filter-check?filter=…`: a valid expression and the fields it reads (else 400). */
export interface FilterCheckResponse {
  ok: true;
  expression: string;
  fields: string[];
}

export interface Watchlist {
  /** Stable id, `[a-z0-9-]`, used in URLs and as `watchlist:<id>`. */
  id: string;
  name: string;
  /** Upper-case symbols, in the user's order, no duplicates. */
  symbols: string[];
  /** ISO-8601. */
  createdAt: string;
  updatedAt: string;
}

export interface WatchlistsResponse {
  watchlists: Watchlist[];
}

/** Body of `POST /api/watchlists`. */
export interface CreateWatchlistRequest {
  name: string;
  symbols?: string[];
}

/**
 * Body of `PUT /api/watchlists/<id>`: any of rename, replace the symbols, add, remove
 * (applied in that order). Unknown symbols refuse the whole request (400 `unknownSymbols`).
 */
export interface UpdateWatchlistRequest {
  name?: string;
  symbols?: string[];
  add?: string[];
  remove?: string[];
}

/** Answer of `POST /api/watchlists/<id>/import?mode=merge|replace` (text/csv body). */
export interface WatchlistImportResponse {
  watchlist: Watchlist;
  /** Symbols read from the file, after removing duplicates. */
  imported: number;
  /** Symbols the file listed more than once (kept once). */
  duplicates: string[];
}

/** One price the engine saw this session. */
export interface HistoryPoint {
  /** ISO-8601 time of the quote. */
  time: string;
  price: number;
}

/** One daily close, split-adjusted to today's basis; null where the data has none. */
export interface DailyClose {
  date: string;
  close: number | null;
}

/** `GET /api/history?symbol=AAPL`. */
export interface HistoryResponse {
  symbol: string;
  /** Prices seen this session, oldest first (bounded ring buffer). */
  intraday: HistoryPoint[];
  /** Daily closes before the current (replayed) day, oldest first. */
  daily: DailyClose[];
  /** Why `daily` is empty or short, when it is. */
  dailyNote?: string;
}

export interface SectorBreadth {
  sector: string;
  /** Cap-weighted % change over the time frame of rows with a cap and a value; else null. */
  changePercent: number | null;
  /** Sum of caps that entered the average. */
  marketCap: number;
  advancers: number;
  decliners: number;
  unchanged: number;
  /** Rows without a value for the time frame (missing quote or history). */
  missing: number;
}

/** `GET /api/summary?…` (same parameters as `/api/stocks`). */
export interface SummaryResponse {
  asOf: string;
  source: SourceInfo;
  universe: string;
  filter?: string;
  timeframe: TimeFrame;
  advancers: number;
  decliners: number;
  unchanged: number;
  missing: number;
  /** Cap-weighted % change of the whole selection, or null when nothing has a value. */
  changePercent: number | null;
  /** Largest sector (by summed cap) first. */
  sectors: SectorBreadth[];
}
