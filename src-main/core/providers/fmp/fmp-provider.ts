/**
 * Financial Modeling Prep adapter: stable `GET /quote?symbol=X` (one symbol, every plan) and
 * `GET /batch-quote?symbols=A,B` (paid plans). A plan that refuses the batch switches the adapter
 * to single calls for good, and the symbols of that call are fetched one by one.
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
import { interpretFmpAnswer } from './fmp-transform.js';

const log = createLogger('fmp');

/** Free ("Basic") plan: 250 calls a day, one symbol per quote call (PROVIDERS.md §5.4). */
export const FMP_FREE_POLICY: RatePolicy = { perDay: 250, creditsPerSymbol: 1 };

/** Largest batch we send to `/batch-quote` on paid plans. */
export const FMP_MAX_BATCH = 100;

export interface FmpConfig extends ProviderConfig {
  /** Symbols per call for paid plans (batch-quote); 1, the default, is the free plan. */
  batchSize?: number;
  /** Calls per day of the user's plan. */
  callsPerDay?: number;
}

/** Creates the FMP provider. */
export function createFmpProvider(config: FmpConfig): MarketDataProvider {
  const clock: Clock = config.clock ?? SYSTEM_CLOCK;
  const secrets = [config.apiKey];
  redact(config.apiKey);

  const ratePolicy: RatePolicy = {
    ...FMP_FREE_POLICY,
    perDay: config.callsPerDay ?? FMP_FREE_POLICY.perDay,
  };
  const capabilities: ProviderCapabilities = {
    batchSize: Math.max(1, Math.min(FMP_MAX_BATCH, config.batchSize ?? 1)),
    streaming: false,
    profiles: false,
    history: false,
  };

  const http = createHttpClient({
    providerId: 'fmp',
    baseUrl: config.baseUrl ?? DEFAULT_BASE_URLS.fmp,
    secrets,
    clock,
    ...config.http,
  });

  async function call(path: string, param: string, mapper: SymbolMapper, signal?: AbortSignal) {
    const response = await http.get(path, {
      searchParams: { [param]: mapper.providerSymbols().join(','), apikey: config.apiKey },
      signal,
    });
    return interpretFmpAnswer(response, mapper, secrets);
  }

  /** Fetches symbols one call each; a whole-call error after some success ends the run early. */
  async function fetchOneByOne(
    symbols: readonly string[],
    signal?: AbortSignal,
  ): Promise<QuoteBatchResult> {
    const result: QuoteBatchResult = { quotes: [], missing: [] };
    for (const [index, symbol] of symbols.entries()) {
      try {
        const one = await call('quote', 'symbol', new SymbolMapper([symbol], 'dash'), signal);
        result.quotes.push(...one.quotes);
        result.missing.push(...one.missing);
      } catch (error) {
        if (!isProviderError(error) || result.quotes.length === 0) throw error;
        const reason = `not fetched: ${error.kind} (${error.message})`;
        result.missing.push(...symbols.slice(index).map((s) => ({ symbol: s, reason })));
        log.warn(
          `fetch quotes: stopped after ${index} of ${symbols.length} single calls`,
          formatError(error),
        );
        break;
      }
    }
    return result;
  }

  async function fetchQuotes(
    symbols: readonly string[],
    signal?: AbortSignal,
  ): Promise<QuoteBatchResult> {
    if (symbols.length === 0) return { quotes: [], missing: [] };
    if (config.apiKey.trim() === '') throw new ProviderError('bad-key', 'fmp: no API key is set');
    if (symbols.length === 1 || capabilities.batchSize === 1) return fetchOneByOne(symbols, signal);

    try {
      return await call('batch-quote', 'symbols', new SymbolMapper(symbols, 'dash'), signal);
    } catch (error) {
      if (!isProviderError(error) || error.kind !== 'plan-limit') throw error;
      // The plan has no batch quotes: remember it, so the scheduler sizes its batches to 1.
      capabilities.batchSize = 1;
      log.warn(
        'fetch quotes: batch-quote refused by the plan; using one call per symbol',
        formatError(error),
      );
      return fetchOneByOne(symbols, signal);
    }
  }

  return {
    id: 'fmp',
    capabilities,
    ratePolicy,
    source: () => ({
      provider: 'fmp',
      mode: 'live',
      label: 'Financial Modeling Prep, live with your key',
      detail:
        `Quotes from FMP's stable quote endpoint, ${capabilities.batchSize} symbol(s) per call. ` +
        `Your plan allows ${ratePolicy.perDay} calls a day: ` +
        `about ${Math.min(503, (ratePolicy.perDay ?? 250) * capabilities.batchSize)} of 503 tiles per day on one pass.`,
    }),
    fetchQuotes,
    async testKey(signal) {
      try {
        await fetchOneByOne(['AAPL'], signal);
        return { ok: true, detail: 'FMP accepted the key (1 call used).' };
      } catch (error) {
        if (isProviderError(error)) return { ok: false, error };
        return {
          ok: false,
          error: new ProviderError('provider-down', 'fmp: test failed', undefined, {
            cause: error,
          }),
        };
      }
    },
  };
}

/** Registry entry (added to providers/index.ts). */
export const FMP_ENTRY: ProviderEntry = {
  id: 'fmp',
  label: 'Financial Modeling Prep',
  needsSecret: false,
  defaultBaseUrl: DEFAULT_BASE_URLS.fmp,
  create: (config) => createFmpProvider(config),
};
