/**
 * Finnhub adapter: one `/quote` call per symbol (no batch endpoint), `/stock/profile2` for
 * company facts, `/stock/market-status`, and the trade WebSocket for the most watched symbols.
 */
import type { z } from 'zod';

import { type Clock, type SourceInfo, SYSTEM_CLOCK } from '../../domain/types.js';
import { createLogger, redact } from '../../log.js';
import { isProviderError, ProviderError } from '../errors.js';
import { createHttpClient, type HttpClient } from '../http-client.js';
import { nonJsonFailure, statusFailure, tryParseJson, validate } from '../http-response.js';
import type {
  KeyTestResult,
  MarketDataProvider,
  ProfileFacts,
  QuoteBatchResult,
  RatePolicy,
  StreamHandle,
  StreamHandlers,
} from '../provider.js';
import { DEFAULT_BASE_URLS, type ProviderConfig, type ProviderEntry } from '../registry.js';
import { toProviderSymbol } from '../symbols.js';
import { FinnhubStream } from './finnhub-stream.js';
import { errorFromBody, toMarketStatus, toProfile, toQuote } from './finnhub-transform.js';
import {
  finnhubErrorSchema,
  finnhubMarketStatusSchema,
  finnhubProfileSchema,
  finnhubQuoteSchema,
} from './finnhub-wire.js';

const ID = 'finnhub';
export const FINNHUB_STREAM_URL = 'wss://ws.finnhub.io';
/** Free plan: trades for up to 50 symbols on one connection. */
export const FINNHUB_STREAM_SYMBOL_LIMIT = 50;
/** Free plan: 60 calls a minute, and never more than 30 a second on any plan. */
export const FINNHUB_FREE_RATE: RatePolicy = { perSecond: 30, perMinute: 60, creditsPerSymbol: 1 };

const log = createLogger('finnhub');

/** Finnhub behind the MarketDataProvider interface. */
export class FinnhubProvider implements MarketDataProvider {
  readonly id = ID;
  readonly capabilities = {
    batchSize: 1,
    streaming: true,
    profiles: true,
    history: false,
    streamSymbolLimit: FINNHUB_STREAM_SYMBOL_LIMIT,
  };
  readonly ratePolicy = FINNHUB_FREE_RATE;

  private readonly http: HttpClient;
  private readonly clock: Clock;
  private readonly streams = new Set<FinnhubStream>();

  constructor(private readonly config: ProviderConfig) {
    redact(config.apiKey);
    this.clock = config.clock ?? SYSTEM_CLOCK;
    this.http = createHttpClient({
      providerId: ID,
      baseUrl: config.baseUrl ?? DEFAULT_BASE_URLS.finnhub,
      secrets: [config.apiKey],
      clock: this.clock,
      ...config.http,
    });
  }

  source(): SourceInfo {
    return {
      provider: ID,
      mode: 'live',
      label: 'Finnhub (live)',
      detail:
        'Quotes from Finnhub /quote, trades streamed for up to 50 symbols; 60 calls a minute on the free plan.',
      delay: { kind: 'realtime', note: 'Real-time US quotes and trades (free plan).' },
    };
  }

  /** Quotes one symbol per call, in order. A whole-call failure (rate limit, bad key) throws. */
  async fetchQuotes(symbols: readonly string[], signal?: AbortSignal): Promise<QuoteBatchResult> {
    const result: QuoteBatchResult = { quotes: [], missing: [] };
    for (const symbol of symbols) {
      const { wire, receivedAt } = await this.call(
        'quote',
        { symbol: toProviderSymbol(symbol, 'dot') },
        finnhubQuoteSchema,
        signal,
      );
      const outcome = toQuote(symbol, wire, receivedAt);
      if (outcome.ok) result.quotes.push(outcome.quote);
      else result.missing.push({ symbol, reason: outcome.reason });
    }
    return result;
  }

  async fetchProfile(symbol: string, signal?: AbortSignal): Promise<ProfileFacts | null> {
    const { wire } = await this.call(
      'stock/profile2',
      { symbol: toProviderSymbol(symbol, 'dot') },
      finnhubProfileSchema,
      signal,
    );
    const facts = toProfile(wire);
    return facts ? { symbol, ...facts } : null;
  }

  /** US market open/closed and session, from Finnhub. */
  async fetchMarketStatus(signal?: AbortSignal): Promise<ReturnType<typeof toMarketStatus>> {
    const { wire } = await this.call(
      'stock/market-status',
      { exchange: 'US' },
      finnhubMarketStatusSchema,
      signal,
    );
    return toMarketStatus(wire);
  }

  /** Market status is one cheap, free call that needs a valid key. */
  async testKey(signal?: AbortSignal): Promise<KeyTestResult> {
    try {
      const status = await this.fetchMarketStatus(signal);
      return {
        ok: true,
        detail: `Key accepted. US market is ${status.isOpen ? 'open' : 'closed'}.`,
      };
    } catch (error) {
      if (isProviderError(error)) return { ok: false, error };
      throw error;
    }
  }

  stream(symbols: readonly string[], handlers: StreamHandlers): StreamHandle {
    const stream = new FinnhubStream({
      url: this.config.streamUrl ?? FINNHUB_STREAM_URL,
      apiKey: this.config.apiKey,
      clock: this.clock,
      ...(this.config.timers ? { timers: this.config.timers } : {}),
      handlers,
      tuning: this.config.stream,
      onClosed: () => this.streams.delete(stream),
    });
    this.streams.add(stream);
    stream.setSymbols(symbols);
    return stream;
  }

  async close(): Promise<void> {
    await Promise.all([...this.streams].map((stream) => stream.close()));
  }

  /** One GET with Finnhub's error forms mapped; resolves with the validated body. */
  private async call<S extends z.ZodType>(
    path: string,
    params: Record<string, string>,
    schema: S,
    signal: AbortSignal | undefined,
  ): Promise<{ wire: z.infer<S>; receivedAt: number }> {
    const response = await this.http.get(path, {
      searchParams: { ...params, token: this.config.apiKey },
      signal,
    });
    const body = tryParseJson(response.body);
    if (body === undefined) throw nonJsonFailure(ID, response, [this.config.apiKey]);

    const errorBody = finnhubErrorSchema.safeParse(body);
    if (errorBody.success) {
      const error =
        errorFromBody(response, errorBody.data.error) ??
        statusFailure(ID, response, errorBody.data.error) ??
        new ProviderError('malformed', `${ID}: HTTP ${response.status}, ${errorBody.data.error}`);
      log.warn(`fetch ${path}: ${error.kind}`, error.message);
      throw error;
    }
    const failure = statusFailure(ID, response, 'unexpected JSON body');
    if (failure) throw failure;

    return { wire: validate(ID, `/${path}`, schema, body), receivedAt: response.receivedAt };
  }
}

/** Registry entry. */
export const FINNHUB_ENTRY: ProviderEntry = {
  id: 'finnhub',
  label: 'Finnhub',
  needsSecret: false,
  defaultBaseUrl: DEFAULT_BASE_URLS.finnhub,
  create: (config) => new FinnhubProvider(config),
};
