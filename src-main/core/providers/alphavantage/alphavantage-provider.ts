/**
 * Alpha Vantage adapter: `GLOBAL_QUOTE`, one symbol per call, 25 calls a day on the free key.
 * That budget cannot keep a 500-tile map fresh, and the adapter says so in `limitations` and in
 * `source().detail` so the UI and `/api/health` can tell the user before they rely on it.
 * `REALTIME_BULK_QUOTES` (premium) is used only when the config says the plan has it.
 */
import type { Clock } from '../../domain/types.js';
import { SYSTEM_CLOCK } from '../../domain/types.js';
import { createLogger, formatError, redact } from '../../log.js';
import { isProviderError, ProviderError } from '../errors.js';
import { createHttpClient } from '../http-client.js';
import type {
  MarketDataProvider,
  ProviderCapabilities,
  QuoteBatchResult,
  RatePolicy,
} from '../provider.js';
import { DEFAULT_BASE_URLS, type ProviderConfig, type ProviderEntry } from '../registry.js';
import { SymbolMapper } from '../symbols.js';
import { interpretBulkQuotes, interpretGlobalQuote } from './alphavantage-transform.js';

const log = createLogger('alphavantage');

/** Free key: 25 requests a day (since 2024); 5 a minute is the older burst limit [M]. */
export const ALPHA_VANTAGE_FREE_POLICY: RatePolicy = {
  perMinute: 5,
  perDay: 25,
  creditsPerSymbol: 1,
};

/** REALTIME_BULK_QUOTES takes up to 100 symbols [M]. */
export const ALPHA_VANTAGE_BULK_SIZE = 100;

/** The S&P 500 map's tile count, used when the caller does not say. */
const DEFAULT_UNIVERSE_SIZE = 503;

export interface AlphaVantageConfig extends ProviderConfig {
  /** The plan includes REALTIME_BULK_QUOTES (premium). Off by default. */
  bulkQuotes?: boolean;
  /** Calls per day of the user's plan. */
  callsPerDay?: number;
  /** Tiles on the map, for the coverage sentence. */
  universeSize?: number;
}

/** The Alpha Vantage provider, with what its plan cannot do spelled out. */
export interface AlphaVantageProvider extends MarketDataProvider {
  /** Plain sentences for the UI banner and health: what this key cannot cover. */
  readonly limitations: string[];
}

/** The coverage sentence: "…allows 25 calls a day: about 25 of 503 tiles per day". */
export function alphaVantageCoverage(
  callsPerDay: number,
  batchSize: number,
  universeSize: number,
): string {
  const tiles = Math.min(universeSize, callsPerDay * batchSize);
  const plan = batchSize > 1 ? 'Your Alpha Vantage plan' : "Alpha Vantage's free tier";
  return `${plan} allows ${callsPerDay} calls a day: about ${tiles} of ${universeSize} tiles per day`;
}

/** Creates the Alpha Vantage provider. */
export function createAlphaVantageProvider(config: AlphaVantageConfig): AlphaVantageProvider {
  const clock: Clock = config.clock ?? SYSTEM_CLOCK;
  const secrets = [config.apiKey];
  redact(config.apiKey);

  const ratePolicy: RatePolicy = {
    ...ALPHA_VANTAGE_FREE_POLICY,
    perDay: config.callsPerDay ?? ALPHA_VANTAGE_FREE_POLICY.perDay,
  };
  const capabilities: ProviderCapabilities = {
    batchSize: config.bulkQuotes ? ALPHA_VANTAGE_BULK_SIZE : 1,
    streaming: false,
    profiles: false,
    history: false,
  };
  const universeSize = config.universeSize ?? DEFAULT_UNIVERSE_SIZE;
  const limitations = (): string[] => {
    const coverage = alphaVantageCoverage(
      ratePolicy.perDay ?? 25,
      capabilities.batchSize,
      universeSize,
    );
    return capabilities.batchSize * (ratePolicy.perDay ?? 25) < universeSize
      ? [`${coverage}. Most tiles will show the replay or stay stale.`]
      : [];
  };

  const http = createHttpClient({
    providerId: 'alphavantage',
    baseUrl: config.baseUrl ?? DEFAULT_BASE_URLS.alphavantage,
    secrets,
    clock,
    ...config.http,
  });

  async function fetchQuotes(
    symbols: readonly string[],
    signal?: AbortSignal,
  ): Promise<QuoteBatchResult> {
    if (symbols.length === 0) return { quotes: [], missing: [] };
    if (symbols.length > capabilities.batchSize) {
      throw new RangeError(
        `alphavantage fetch: at most ${capabilities.batchSize} symbols, received ${symbols.length}`,
      );
    }
    if (config.apiKey.trim() === '')
      throw new ProviderError('bad-key', 'alphavantage: no API key is set');

    const mapper = new SymbolMapper(symbols, 'dot');
    const joined = mapper.providerSymbols().join(',');
    if (symbols.length === 1 && !config.bulkQuotes) {
      const response = await http.get('query', {
        searchParams: { function: 'GLOBAL_QUOTE', symbol: joined, apikey: config.apiKey },
        signal,
      });
      return interpretGlobalQuote(response, symbols[0]!, secrets);
    }

    const response = await http.get('query', {
      searchParams: { function: 'REALTIME_BULK_QUOTES', symbol: joined, apikey: config.apiKey },
      signal,
    });
    try {
      return interpretBulkQuotes(response, mapper, secrets);
    } catch (error) {
      if (isProviderError(error) && error.kind === 'plan-limit') {
        // No silent fallback to 100 single calls: that is four days of a free key's quota.
        capabilities.batchSize = 1;
        log.warn(
          'fetch quotes: bulk quotes refused by the plan; batch size is now 1',
          formatError(error),
        );
      }
      throw error;
    }
  }

  return {
    id: 'alphavantage',
    capabilities,
    ratePolicy,
    get limitations() {
      return limitations();
    },
    source: () => ({
      provider: 'alphavantage',
      mode: 'live',
      label: 'Alpha Vantage, live with your key',
      detail: [
        'Quotes from Alpha Vantage GLOBAL_QUOTE (end of the latest trading day or delayed intraday).',
        ...limitations(),
      ].join(' '),
      // GLOBAL_QUOTE's lag depends on the key's entitlement (latest close or 15 minutes late),
      // which the answer does not state; "delayed" without minutes is the honest claim.
      delay: {
        kind: 'delayed',
        note: 'End of the latest trading day or delayed intraday, by plan.',
      },
    }),
    fetchQuotes,
    async testKey(signal) {
      try {
        // Not a demo symbol: the public `demo` key fails here, as it would on the map.
        const { quotes } = await fetchQuotes(['AAPL'], signal);
        const note = quotes.length === 1 ? '' : ', but no quote came back';
        return {
          ok: true,
          detail: `Alpha Vantage accepted the key (1 of ${ratePolicy.perDay} daily calls used${note}).`,
        };
      } catch (error) {
        if (isProviderError(error)) return { ok: false, error };
        const down = new ProviderError('provider-down', 'alphavantage: test failed', undefined, {
          cause: error,
        });
        return { ok: false, error: down };
      }
    },
  };
}

/** Registry entry (added to providers/index.ts). */
export const ALPHAVANTAGE_ENTRY: ProviderEntry = {
  id: 'alphavantage',
  label: 'Alpha Vantage',
  needsSecret: false,
  defaultBaseUrl: DEFAULT_BASE_URLS.alphavantage,
  create: (config) => createAlphaVantageProvider(config),
};
