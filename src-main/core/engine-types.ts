/**
 * What the outside of the engine (the HTTP layer, the Electron shell, tests) may ask of it.
 * The HTTP layer depends on this interface only, so it can be tested against a small fake.
 */
import type {
  HealthResponse,
  QuoteChange,
  SourceInfo,
  StocksResponse,
  TimeFrame,
} from '../shared/api-types.js';
import type { CompiledFilter } from './filter/compile-filter.js';
import type { ViewsService } from './views/views-service.js';

/** A validated selection of the universe. Empty arrays mean "no filter on this field". */
export interface StockQuery {
  /** Canonical sector names, as the universe spells them. */
  sectors: string[];
  /** Lower-case category ids (and `watchlist:<id>` where a view layer exists). */
  categories: string[];
  /** Universe id (`sp500`, `nasdaq100`, `dow30`, `etf`, `all`, `watchlist:<id>`); the view
   * layer defaults to `sp500`. The bare engine ignores it. */
  universe?: string;
  /** Compiled custom criteria (view layer only). */
  filter?: CompiledFilter;
  /** Time frame the client colours by (view layer only; echoed, used by the summary). */
  timeframe?: TimeFrame;
}

export interface ChangeBatch {
  asOf: string;
  source: SourceInfo;
  changes: QuoteChange[];
}

/** Which source the engine fetches from; the key never leaves the engine. */
export interface ProviderSettings {
  /** `replay` or a live provider id (see providers/registry.ts). */
  provider: string;
  apiKey?: string;
  /** Alpaca's secret key. */
  apiSecret?: string;
  /** Base-URL override (tests, proxies, mirrors). */
  baseUrl?: string;
  /**
   * WebSocket URL override for streaming providers. With a `baseUrl` override but no
   * `streamUrl`, the engine does not stream (it would otherwise reach the real host).
   */
  streamUrl?: string;
  /** Calls per minute; can only lower the provider's own free-tier policy. */
  rateLimitPerMinute?: number;
}

/** The answer of "Test key": one cheap call, said plainly. */
export type KeyTestResult = { ok: true; detail: string } | { ok: false; error: string };

export interface Engine {
  /** Universes, saved filters, watchlists, history, summary; absent on the bare engine. */
  readonly views?: ViewsService;
  /** Sector names of the universe, canonical spelling, sorted. */
  sectors(): string[];
  /** Category ids of the universe, lower case, sorted. */
  categories(): string[];
  /** The current map for a query (all stocks matching every given field). */
  stocks(query: StockQuery): StocksResponse;
  health(): HealthResponse;
  /** Subscribes to batches of changed quotes; returns the unsubscribe function. */
  onChanges(listener: (batch: ChangeBatch) => void): () => void;
  /** Switches provider or key without a restart; the map keeps its last good data. */
  configureProvider(settings: ProviderSettings): Promise<void>;
  /** Makes one cheap call with these settings, without switching to them. */
  testKey(settings: ProviderSettings): Promise<KeyTestResult>;
  /**
   * Tells the scheduler which symbols a viewer is looking at (a stream's filter), so quota is
   * spent there first. Returns the function that withdraws that interest.
   */
  watch(symbols: readonly string[]): () => void;
  start(): Promise<void>;
  /** Stops fetching and saves the last snapshot. */
  stop(): Promise<void>;
}
