/**
 * Domain types of the engine. Provider wire formats never leak past the adapters: each adapter
 * turns its provider's answers into these.
 */
import type { AssetType } from '../../shared/api-types.js';

export type {
  AssetType,
  DataMode,
  QuoteStatus,
  SourceDelay,
  SourceInfo,
} from '../../shared/api-types.js';

/** A tradable symbol of the universe, with what the map groups and sizes it by. */
export interface Instrument {
  /** Exchange dot form: `BRK.B`. Adapters map it to their provider's form. */
  symbol: string;
  name: string;
  sector: string;
  /** Second grouping level (GICS sub-industry: the data has no 6-digit industry level). */
  industry: string;
  /** Lower-case category ids: `sp500`, `nasdaq100`, `dow30`, plus the asset type. */
  categories: string[];
  assetType: AssetType;
  /** Market cap in USD as of the universe's reference date, or null where no source gives one. */
  marketCap: number | null;
  /** Symbols of the same company's other share classes (GOOGL ↔ GOOG). */
  shareClassGroup?: string;
}

/** One price observation for a symbol, in domain units (USD, epoch milliseconds). */
export interface Quote {
  symbol: string;
  price: number;
  /** The previous session's close, on the same split basis as `price`. */
  previousClose: number | null;
  volume: number | null;
  /** Market cap at this price, when the provider gives or implies one. */
  marketCap: number | null;
  /** The provider's own timestamp of the quote (epoch ms). */
  timestamp: number;
  /** When we received it (epoch ms). */
  receivedAt: number;
}

/** A clock the engine reads, injectable so tests and the replay can run on virtual time. */
export interface Clock {
  now(): number;
}

export const SYSTEM_CLOCK: Clock = { now: () => Date.now() };
