/**
 * The one interface every market-data source implements: the embedded replay and each live
 * provider adapter alike. The scheduler drives it; nothing else calls a provider.
 */
import type { Quote, SourceInfo } from '../domain/types.js';
import type { ProviderError } from './errors.js';

/** How much a provider may be asked, from its (free-tier) plan. */
export interface RatePolicy {
  perSecond?: number;
  perMinute?: number;
  perDay?: number;
  /** Credits one symbol costs in a batch call (Twelve Data), 1 elsewhere. */
  creditsPerSymbol?: number;
  /**
   * What the caps count: `calls` (default: one call is one unit, however many symbols it
   * carries) or `credits` (each symbol costs `creditsPerSymbol`, as at Twelve Data).
   */
  unit?: 'calls' | 'credits';
}

export interface ProviderCapabilities {
  /** How many symbols one quote call may carry (1 = no batching). */
  batchSize: number;
  streaming: boolean;
  /** Can it tell a company's profile (name, sector, cap)? */
  profiles: boolean;
  /** Can it give daily closes for past sessions? */
  history: boolean;
  /** How its daily-close calls are shaped, where it implements `fetchDailyCloses`. */
  historyShape?: HistoryShape;
  /** Most symbols one stream connection may carry (where `streaming`). */
  streamSymbolLimit?: number;
}

export interface QuoteBatchResult {
  quotes: Quote[];
  /** Symbols the provider answered for with nothing usable, and why. */
  missing: { symbol: string; reason: string }[];
}

export interface MarketDataProvider {
  /** Stable id used in settings and the environment: `replay`, `finnhub`, … */
  readonly id: string;
  readonly capabilities: ProviderCapabilities;
  readonly ratePolicy: RatePolicy;

  /** What the user is told about this source right now (the replay's label changes by day). */
  source(): SourceInfo;

  /**
   * Fetches the latest quotes for up to `capabilities.batchSize` symbols. Throws a
   * ProviderError for failures of the whole call; per-symbol gaps go into `missing`.
   */
  fetchQuotes(symbols: readonly string[], signal?: AbortSignal): Promise<QuoteBatchResult>;

  /** Releases sockets and timers. */
  close?(): Promise<void>;

  /**
   * Opens a live stream for up to `capabilities.streamSymbolLimit` symbols (only where
   * `capabilities.streaming`). Reconnects by itself; the handle changes the set or stops it.
   */
  stream?(symbols: readonly string[], handlers: StreamHandlers): StreamHandle;

  /** Company facts for one symbol (where `capabilities.profiles`); null when the provider has none. */
  fetchProfile?(symbol: string, signal?: AbortSignal): Promise<ProfileFacts | null>;

  /**
   * Split-adjusted daily closes (where `capabilities.historyShape`): `whole-market` answers one
   * session date for every symbol (`from` = `to`, `symbols` only filters), `symbols-range` a
   * range of dates for up to `symbolsPerCall` symbols, paginated by `pageToken`.
   */
  fetchDailyCloses?(request: DailyCloseRequest, signal?: AbortSignal): Promise<DailyCloseBatch>;

  /** One cheap call that proves the key works (Settings "Test key"). Never throws. */
  testKey?(signal?: AbortSignal): Promise<KeyTestResult>;
}

/** What a provider tells about a company, in domain units (USD, shares). */
export interface ProfileFacts {
  symbol: string;
  name: string | null;
  /** The provider's own industry label (not GICS). */
  industry: string | null;
  marketCap: number | null;
  sharesOutstanding: number | null;
}

/**
 * One trade from a stream. Not a full Quote: a trade knows no previous close or market cap, so
 * the market state merges it into the symbol's last quote (when newer) instead of replacing it.
 */
export interface StreamTick {
  /** Exchange dot form. */
  symbol: string;
  price: number;
  /** Shares in this trade (not the day's volume), when given. */
  size: number | null;
  /** The provider's trade time (epoch ms). */
  timestamp: number;
  receivedAt: number;
}

/** Where a stream stands; `stalled` means no frame (not even a ping) for too long. */
export type StreamState = 'connecting' | 'live' | 'stalled' | 'reconnecting' | 'closed';

export interface StreamHandlers {
  onTicks(ticks: StreamTick[]): void;
  onState?(state: StreamState, detail?: string): void;
  /**
   * A typed failure: 'bad-key' (auth failed: the stream stops), 'plan-limit' (symbol or
   * connection limit), 'unknown-symbol' (one symbol refused; the rest keep streaming),
   * 'rate-limited', 'provider-down' or 'malformed' (the stream reconnects by itself).
   */
  onError?(error: ProviderError, symbol?: string): void;
}

export interface StreamHandle {
  /** Replaces the streamed set (extra symbols beyond the limit are dropped and reported). */
  setSymbols(symbols: readonly string[]): void;
  close(): Promise<void>;
}

export type KeyTestResult = { ok: true; detail: string } | { ok: false; error: ProviderError };

/** The shape of a provider's daily-close calls (see `fetchDailyCloses`). */
export type HistoryShape =
  { kind: 'whole-market' } | { kind: 'symbols-range'; symbolsPerCall: number; barsPerCall: number };

export interface DailyCloseRequest {
  symbols: readonly string[];
  /** First and last session date (YYYY-MM-DD), both included. */
  from: string;
  to: string;
  pageToken?: string;
}

export interface DailyCloseBatch {
  /** Split-adjusted closes, engine symbols, New York session dates. */
  closes: { symbol: string; date: string; close: number }[];
  /** Set when the answer continues on another page. */
  nextPageToken?: string;
}
