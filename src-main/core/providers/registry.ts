/**
 * The live providers the user can choose, by the ids used in settings and the environment
 * (`STOCK_PROVIDER`), with their real base URLs and a factory each.
 */
import type { Clock } from '../domain/types.js';
import type { Timers } from '../scheduler/timers.js';
import type { MarketDataProvider } from './provider.js';

export const PROVIDER_IDS = [
  'finnhub',
  'alpaca',
  'polygon',
  'twelvedata',
  'fmp',
  'alphavantage',
] as const;

export type ProviderId = (typeof PROVIDER_IDS)[number];

/** Narrows a settings or environment value to a provider id. */
export function isProviderId(value: unknown): value is ProviderId {
  return typeof value === 'string' && (PROVIDER_IDS as readonly string[]).includes(value);
}

/** The providers' own REST base URLs (used when no override is configured). */
export const DEFAULT_BASE_URLS: Record<ProviderId, string> = {
  finnhub: 'https://finnhub.io/api/v1',
  alpaca: 'https://data.alpaca.markets',
  polygon: 'https://api.polygon.io',
  twelvedata: 'https://api.twelvedata.com',
  fmp: 'https://financialmodelingprep.com/stable',
  alphavantage: 'https://www.alphavantage.co',
};

/** Tuning for the shared HTTP client; tests shorten these, the app keeps the defaults. */
export interface HttpTuning {
  timeoutMs?: number;
  retryLimit?: number;
  retryBaseMs?: number;
  maxRetryAfterMs?: number;
}

/** Tuning for streams; tests shorten these. */
export interface StreamTuning {
  /** No frame for this long means the socket is stalled: reconnect. */
  stallMs?: number;
  reconnectBaseMs?: number;
  reconnectMaxMs?: number;
}

/** What every adapter factory takes. */
export interface ProviderConfig {
  apiKey: string;
  /** Alpaca's secret key (the key id goes in `apiKey`). */
  apiSecret?: string;
  /** REST base URL override (tests, proxies, mirrors); the provider's real one otherwise. */
  baseUrl?: string;
  /** WebSocket URL override, for providers that stream. */
  streamUrl?: string;
  clock?: Clock;
  /** What streams wait with (watchdog, pings, reconnects); Node's timers by default. */
  timers?: Timers;
  http?: HttpTuning;
  stream?: StreamTuning;
}

export type ProviderFactory = (config: ProviderConfig) => MarketDataProvider;

export interface ProviderEntry {
  id: ProviderId;
  /** Name shown in Settings. */
  label: string;
  /** Alpaca needs a key id and a secret. */
  needsSecret: boolean;
  defaultBaseUrl: string;
  create: ProviderFactory;
}

const entries = new Map<ProviderId, ProviderEntry>();

/**
 * Adds a provider. Each adapter module registers itself through `providers/index.ts`, so this
 * file does not change when an adapter is added.
 */
export function registerProvider(entry: ProviderEntry): void {
  if (entries.has(entry.id))
    throw new Error(`register provider: "${entry.id}" is already registered`);
  entries.set(entry.id, entry);
}

/** The registered providers, in PROVIDER_IDS order. */
export function listProviders(): ProviderEntry[] {
  return PROVIDER_IDS.flatMap((id) => entries.get(id) ?? []);
}

/** The entry for an id, or undefined when that adapter is not registered (not built yet). */
export function getProviderEntry(id: ProviderId): ProviderEntry | undefined {
  return entries.get(id);
}

/** Creates a provider; the error names the id and the config field that is wrong. */
export function createProvider(id: ProviderId, config: ProviderConfig): MarketDataProvider {
  const entry = entries.get(id);
  if (!entry) {
    throw new Error(
      `create provider: "${id}" has no adapter registered (import providers/index.js)`,
    );
  }
  if (config.apiKey.trim() === '') throw new Error(`create provider ${id}: apiKey is empty`);
  if (entry.needsSecret && !config.apiSecret?.trim()) {
    throw new Error(`create provider ${id}: apiSecret is required (key id and secret key)`);
  }
  return entry.create(config);
}
