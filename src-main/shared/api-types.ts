/**
 * The JSON shapes of the local HTTP API (`/api/stocks`, `/api/health`, `/api/stream`).
 *
 * Shared by the engine (which produces them) and the renderer (which reads them with
 * `import type`). This module imports nothing, so it is safe on both sides.
 */

/** How fresh a symbol's quote is, as the engine judges it. */
export type QuoteStatus = 'live' | 'stale' | 'missing';

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
}

/** One row of `/api/stocks`: an instrument with its latest quote. Missing values are null. */
export interface StockRow {
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
  status: QuoteStatus;
  /** Why the quote is stale or missing, when it is. */
  reason?: string;
}

export interface StocksResponse {
  /** ISO-8601 time the response was made. */
  asOf: string;
  source: SourceInfo;
  stocks: StockRow[];
}

export interface HealthCounts {
  live: number;
  stale: number;
  missing: number;
}

/** The provider's condition, as the scheduler sees it. */
export type ProviderStateKind =
  | 'starting'
  | 'ok'
  | 'degraded'
  | 'rate-limited'
  | 'bad-key'
  | 'plan-limit'
  | 'offline';

export interface ProviderHealth {
  state: ProviderStateKind;
  /** What happened and what the user can do, in plain words. */
  message: string;
  /** ISO-8601 time before which no call is made (rate limited, backing off), else null. */
  retryAt: string | null;
  /** Calls made today (provider's day), persisted across restarts. */
  callsToday: number;
  /** Calls left today under the daily quota, or null when the plan has no daily cap. */
  callsLeftToday: number | null;
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
}

/** One changed symbol in a stream batch: only the fields that move. */
export interface QuoteChange {
  symbol: string;
  price: number | null;
  previousClose: number | null;
  change: number | null;
  changePercent: number | null;
  volume: number | null;
  marketCap: number | null;
  updatedAt: string | null;
  status: QuoteStatus;
  reason?: string;
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
}
