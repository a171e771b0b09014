/**
 * The one interface every market-data source implements: the embedded replay and each live
 * provider adapter alike. The scheduler drives it; nothing else calls a provider.
 */
import type { Quote, SourceInfo } from '../domain/types.js';

/** How much a provider may be asked, from its (free-tier) plan. */
export interface RatePolicy {
  perSecond?: number;
  perMinute?: number;
  perDay?: number;
  /** Credits one symbol costs in a batch call (Twelve Data), 1 elsewhere. */
  creditsPerSymbol?: number;
}

export interface ProviderCapabilities {
  /** How many symbols one quote call may carry (1 = no batching). */
  batchSize: number;
  streaming: boolean;
  /** Can it tell a company's profile (name, sector, cap)? */
  profiles: boolean;
  /** Can it give daily closes for past sessions? */
  history: boolean;
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
}
