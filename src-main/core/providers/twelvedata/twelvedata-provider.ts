/**
 * Twelve Data adapter: batch `GET /quote?symbol=A,B,C`, one credit per symbol, and daily
 * closes from batch `/time_series` (twelvedata-history.ts). The key goes in the
 * `Authorization: apikey …` header so it never appears in a URL.
 */
import type { Clock } from '../../domain/types.js';
import { SYSTEM_CLOCK } from '../../domain/types.js';
import { createLogger, formatError, redact } from '../../log.js';
import { isProviderError, ProviderError } from '../errors.js';
import { createHttpClient } from '../http-client.js';
import type { MarketDataProvider, ProviderCapabilities, RatePolicy } from '../provider.js';
import { DEFAULT_BASE_URLS, type ProviderConfig, type ProviderEntry } from '../registry.js';
import { SymbolMapper } from '../symbols.js';
import {
  fetchTwelveDataDailyCloses,
  TWELVE_DATA_HISTORY_SYMBOLS,
  TWELVE_DATA_MAX_POINTS,
} from './twelvedata-history.js';
import { interpretTwelveDataAnswer } from './twelvedata-transform.js';

const log = createLogger('twelvedata');

/** Free ("Basic") plan: 8 credits a minute, 800 a day (PROVIDERS.md §4.4). */
export const TWELVE_DATA_FREE_POLICY: RatePolicy = {
  perMinute: 8,
  perDay: 800,
  creditsPerSymbol: 1,
  unit: 'credits',
};

/** The endpoint accepts up to 120 symbols; more is refused whatever the plan. */
export const TWELVE_DATA_MAX_SYMBOLS = 120;

/** The symbols the engine uses for "Test key": one credit. */
const TEST_SYMBOL = 'AAPL';

export interface TwelveDataConfig extends ProviderConfig {
  /** Credits per minute of the user's plan; sets the batch size (one batch per minute). */
  creditsPerMinute?: number;
  /** Credits per day of the user's plan. */
  creditsPerDay?: number;
}

/** Creates the Twelve Data provider. `ratePolicy.perMinute`/`perDay` count credits. */
export function createTwelveDataProvider(config: TwelveDataConfig): MarketDataProvider {
  const clock: Clock = config.clock ?? SYSTEM_CLOCK;
  const secrets = [config.apiKey];
  redact(config.apiKey);

  const ratePolicy: RatePolicy = {
    ...TWELVE_DATA_FREE_POLICY,
    perMinute: config.creditsPerMinute ?? TWELVE_DATA_FREE_POLICY.perMinute,
    perDay: config.creditsPerDay ?? TWELVE_DATA_FREE_POLICY.perDay,
  };
  // One batch should spend at most one minute's credits, or the free plan refuses it outright.
  const batchSize = Math.max(1, Math.min(TWELVE_DATA_MAX_SYMBOLS, ratePolicy.perMinute ?? 8));
  const capabilities: ProviderCapabilities = {
    batchSize,
    streaming: false,
    profiles: false,
    history: true,
    historyShape: {
      kind: 'symbols-range',
      symbolsPerCall: Math.max(1, Math.min(TWELVE_DATA_HISTORY_SYMBOLS, Math.floor(batchSize / 2))),
      barsPerCall: TWELVE_DATA_MAX_POINTS,
    },
  };

  const http = createHttpClient({
    providerId: 'twelvedata',
    baseUrl: config.baseUrl ?? DEFAULT_BASE_URLS.twelvedata,
    headers: { authorization: `apikey ${config.apiKey}` },
    secrets,
    clock,
    ...config.http,
  });

  async function fetchQuotes(symbols: readonly string[], signal?: AbortSignal) {
    if (symbols.length === 0) return { quotes: [], missing: [] };
    if (symbols.length > TWELVE_DATA_MAX_SYMBOLS) {
      throw new RangeError(
        `twelvedata fetch: at most ${TWELVE_DATA_MAX_SYMBOLS} symbols, received ${symbols.length}`,
      );
    }
    if (config.apiKey.trim() === '') {
      throw new ProviderError('bad-key', 'twelvedata: no API key is set');
    }

    const mapper = new SymbolMapper(symbols, 'dot');
    const response = await http.get('quote', {
      searchParams: { symbol: mapper.providerSymbols().join(',') },
      signal,
    });
    const result = interpretTwelveDataAnswer(response, mapper, secrets);
    if (result.missing.length > 0) {
      log.debug(`fetch quotes: ${result.missing.length} of ${symbols.length} missing`);
    }
    return result;
  }

  return {
    id: 'twelvedata',
    capabilities,
    ratePolicy,
    source: () => ({
      provider: 'twelvedata',
      mode: 'live',
      label: 'Twelve Data, live with your key',
      detail:
        `Quotes from Twelve Data's /quote endpoint, ${batchSize} symbols per call at one credit each. ` +
        `Your plan allows ${ratePolicy.perMinute} credits a minute and ${ratePolicy.perDay} a day, ` +
        `so a 503-symbol map takes about ${Math.ceil(503 / (ratePolicy.perMinute ?? 8))} minutes to refresh.`,
    }),
    fetchQuotes,
    fetchDailyCloses: (request, signal) =>
      fetchTwelveDataDailyCloses(http, secrets, request, signal),
    async testKey(signal) {
      try {
        const { quotes } = await fetchQuotes([TEST_SYMBOL], signal);
        return {
          ok: true,
          detail: `Twelve Data accepted the key (${quotes.length} quote received, 1 credit used).`,
        };
      } catch (error) {
        if (isProviderError(error)) return { ok: false, error };
        log.warn('test key: unexpected failure', formatError(error));
        return {
          ok: false,
          error: new ProviderError('provider-down', 'twelvedata: test failed', undefined, {
            cause: error,
          }),
        };
      }
    },
  };
}

/** Registry entry (added to providers/index.ts). */
export const TWELVEDATA_ENTRY: ProviderEntry = {
  id: 'twelvedata',
  label: 'Twelve Data',
  needsSecret: false,
  defaultBaseUrl: DEFAULT_BASE_URLS.twelvedata,
  create: (config) => createTwelveDataProvider(config),
};
