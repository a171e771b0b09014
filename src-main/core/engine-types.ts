/**
 * What the outside of the engine (the HTTP layer, the Electron shell, tests) may ask of it.
 * The HTTP layer depends on this interface only, so it can be tested against a small fake.
 */
import type {
  HealthResponse,
  QuoteChange,
  SourceInfo,
  StocksResponse,
} from '../shared/api-types.js';

/** A validated selection of the universe. Empty arrays mean "no filter on this field". */
export interface StockQuery {
  /** Canonical sector names, as the universe spells them. */
  sectors: string[];
  /** Lower-case category ids. */
  categories: string[];
}

export interface ChangeBatch {
  asOf: string;
  source: SourceInfo;
  changes: QuoteChange[];
}

export interface Engine {
  /** Sector names of the universe, canonical spelling, sorted. */
  sectors(): string[];
  /** Category ids of the universe, lower case, sorted. */
  categories(): string[];
  /** The current map for a query (all stocks matching every given field). */
  stocks(query: StockQuery): StocksResponse;
  health(): HealthResponse;
  /** Subscribes to batches of changed quotes; returns the unsubscribe function. */
  onChanges(listener: (batch: ChangeBatch) => void): () => void;
  start(): Promise<void>;
  /** Stops fetching and saves the last snapshot. */
  stop(): Promise<void>;
}
