/**
 * Alpaca adapter: multi-symbol `/v2/stocks/snapshots` (IEX feed on free keys), key id and
 * secret in headers, and the trade stream for the most watched symbols.
 */
import { type Clock, type SourceDelay, type SourceInfo, SYSTEM_CLOCK } from '../../domain/types.js';
import { createLogger, redact } from '../../log.js';
import { isProviderError, ProviderError } from '../errors.js';
import { createHttpClient, type HttpClient } from '../http-client.js';
import { nonJsonFailure, statusFailure, tryParseJson, validate } from '../http-response.js';
import type {
  DailyCloseBatch,
  DailyCloseRequest,
  KeyTestResult,
  MarketDataProvider,
  QuoteBatchResult,
  RatePolicy,
  StreamHandle,
  StreamHandlers,
} from '../provider.js';
import { DEFAULT_BASE_URLS, type ProviderConfig, type ProviderEntry } from '../registry.js';
import { SymbolMapper } from '../symbols.js';
import {
  ALPACA_BARS_PER_PAGE,
  ALPACA_HISTORY_SYMBOLS,
  fetchAlpacaDailyCloses,
} from './alpaca-history.js';
import { AlpacaStream } from './alpaca-stream.js';
import { errorFromBody, invalidSymbolIn, toQuote } from './alpaca-transform.js';
import { alpacaErrorSchema, alpacaSnapshotsSchema } from './alpaca-wire.js';

const ID = 'alpaca';
export const ALPACA_STREAM_URL = 'wss://stream.data.alpaca.markets/v2/iex';
/** Free (Basic) plan: 200 requests a minute. */
export const ALPACA_FREE_RATE: RatePolicy = { perMinute: 200, creditsPerSymbol: 1 };
/** Symbols per snapshots call; keeps the URL short while covering the S&P 500 in 5 calls. */
export const ALPACA_BATCH_SIZE = 100;
/** Free IEX stream: 30 symbols for trades [R in PROVIDERS.md]. */
export const ALPACA_STREAM_SYMBOL_LIMIT = 30;

export type AlpacaFeed = 'iex' | 'sip' | 'delayed_sip';

const log = createLogger('alpaca');

/** Alpaca behind the MarketDataProvider interface. */
export class AlpacaProvider implements MarketDataProvider {
  readonly id = ID;
  readonly capabilities = {
    batchSize: ALPACA_BATCH_SIZE,
    streaming: true,
    profiles: false,
    history: true,
    historyShape: {
      kind: 'symbols-range' as const,
      symbolsPerCall: ALPACA_HISTORY_SYMBOLS,
      barsPerCall: ALPACA_BARS_PER_PAGE,
    },
    streamSymbolLimit: ALPACA_STREAM_SYMBOL_LIMIT,
  };
  readonly ratePolicy = ALPACA_FREE_RATE;

  private readonly http: HttpClient;
  private readonly clock: Clock;
  private readonly streams = new Set<AlpacaStream>();
  private historyFeed: AlpacaFeed = 'sip';

  constructor(
    private readonly config: ProviderConfig,
    private readonly feed: AlpacaFeed = 'iex',
  ) {
    redact(config.apiKey);
    redact(config.apiSecret);
    this.clock = config.clock ?? SYSTEM_CLOCK;
    this.http = createHttpClient({
      providerId: ID,
      baseUrl: config.baseUrl ?? DEFAULT_BASE_URLS.alpaca,
      headers: { 'APCA-API-KEY-ID': config.apiKey, 'APCA-API-SECRET-KEY': config.apiSecret ?? '' },
      secrets: [config.apiKey, config.apiSecret ?? ''],
      clock: this.clock,
      ...config.http,
    });
  }

  source(): SourceInfo {
    const iex = this.feed === 'iex';
    return {
      provider: ID,
      mode: 'live',
      label: iex ? 'Alpaca (IEX feed)' : 'Alpaca (consolidated feed)',
      detail: iex
        ? 'Prices are IEX exchange trades only (free plan); volume is not shown because IEX volume is a small slice of the day.'
        : 'Consolidated (SIP) prices and volume.',
      delay: this.delay(),
    };
  }

  /** IEX and SIP are real-time; `delayed_sip` is the consolidated feed held back 15 minutes. */
  private delay(): SourceDelay {
    switch (this.feed) {
      case 'iex':
        return {
          kind: 'realtime',
          note: 'Real-time IEX trades; volume is a partial slice of the day.',
        };
      case 'sip':
        return { kind: 'realtime', note: 'Real-time consolidated (SIP) feed.' };
      case 'delayed_sip':
        return { kind: 'delayed', minutes: 15, note: 'Consolidated (SIP) feed, 15 minutes late.' };
      default: {
        const never: never = this.feed;
        return { kind: 'realtime', note: String(never) };
      }
    }
  }

  /** One snapshots call for the batch. A symbol Alpaca rejects outright is dropped and retried once. */
  async fetchQuotes(symbols: readonly string[], signal?: AbortSignal): Promise<QuoteBatchResult> {
    try {
      return await this.fetchSnapshots(symbols, signal);
    } catch (error) {
      const rejected =
        isProviderError(error) && error.kind === 'unknown-symbol'
          ? invalidSymbolIn(error.message)
          : undefined;
      if (!rejected || !symbols.includes(rejected) || symbols.length === 1) throw error;
      log.warn(`fetch snapshots: Alpaca rejected ${rejected}; asking again without it`);
      const rest = await this.fetchSnapshots(
        symbols.filter((s) => s !== rejected),
        signal,
      );
      const reason = `unknown-symbol: ${(error as ProviderError).message}`;
      return { quotes: rest.quotes, missing: [...rest.missing, { symbol: rejected, reason }] };
    }
  }

  /**
   * Split-adjusted daily bars (see alpaca-history.ts). Asked from the consolidated (SIP) feed:
   * every bar asked is at least a session old, and free plans may read SIP history older than
   * 15 minutes, whose closes are the official ones (an IEX close is IEX's last trade). Should
   * the plan refuse SIP, history falls back to this provider's own feed for good.
   */
  async fetchDailyCloses(
    request: DailyCloseRequest,
    signal?: AbortSignal,
  ): Promise<DailyCloseBatch> {
    const secrets = [this.config.apiKey, this.config.apiSecret ?? ''];
    try {
      return await fetchAlpacaDailyCloses(this.http, secrets, this.historyFeed, request, signal);
    } catch (error) {
      if (
        !(isProviderError(error) && error.kind === 'plan-limit') ||
        this.historyFeed === this.feed
      )
        throw error;
      log.info(`fetch daily bars: the plan refused SIP history; using the ${this.feed} feed`);
      this.historyFeed = this.feed;
      return fetchAlpacaDailyCloses(this.http, secrets, this.historyFeed, request, signal);
    }
  }

  /** A one-symbol snapshot proves the key id and secret. */
  async testKey(signal?: AbortSignal): Promise<KeyTestResult> {
    try {
      await this.fetchSnapshots(['AAPL'], signal);
      return { ok: true, detail: `Key accepted (${this.feed.toUpperCase()} feed).` };
    } catch (error) {
      if (isProviderError(error)) return { ok: false, error };
      throw error;
    }
  }

  stream(symbols: readonly string[], handlers: StreamHandlers): StreamHandle {
    const stream = new AlpacaStream({
      url: this.config.streamUrl ?? ALPACA_STREAM_URL,
      keyId: this.config.apiKey,
      secret: this.config.apiSecret ?? '',
      clock: this.clock,
      ...(this.config.timers ? { timers: this.config.timers } : {}),
      handlers,
      tuning: this.config.stream,
      symbolLimit: ALPACA_STREAM_SYMBOL_LIMIT,
      onClosed: () => this.streams.delete(stream),
    });
    this.streams.add(stream);
    stream.setSymbols(symbols);
    return stream;
  }

  async close(): Promise<void> {
    await Promise.all([...this.streams].map((stream) => stream.close()));
  }

  private async fetchSnapshots(
    symbols: readonly string[],
    signal?: AbortSignal,
  ): Promise<QuoteBatchResult> {
    const mapper = new SymbolMapper(symbols, 'dot');
    const response = await this.http.get('v2/stocks/snapshots', {
      searchParams: { symbols: mapper.providerSymbols().join(','), feed: this.feed },
      signal,
    });
    const body = tryParseJson(response.body);
    if (body === undefined) throw nonJsonFailure(ID, response, [this.config.apiKey]);

    if (response.status < 200 || response.status >= 300) {
      const errorBody = alpacaErrorSchema.safeParse(body);
      if (errorBody.success)
        throw errorFromBody(response, errorBody.data.code, errorBody.data.message);
      throw (
        statusFailure(ID, response, 'unrecognised error body') ??
        new ProviderError('malformed', `${ID}: HTTP ${response.status}`)
      );
    }

    const snapshots = validate(ID, '/v2/stocks/snapshots', alpacaSnapshotsSchema, body);
    const result: QuoteBatchResult = { quotes: [], missing: [] };
    const answered = new Set<string>();
    for (const [providerSymbol, snapshot] of Object.entries(snapshots)) {
      const symbol = mapper.toEngine(providerSymbol);
      if (!symbol) continue;
      answered.add(symbol);
      const outcome = toQuote(symbol, snapshot, response.receivedAt, this.feed !== 'iex');
      if (outcome.ok) result.quotes.push(outcome.quote);
      else result.missing.push({ symbol, reason: outcome.reason });
    }
    for (const symbol of symbols) {
      if (!answered.has(symbol))
        result.missing.push({ symbol, reason: 'unknown-symbol: not in Alpaca’s answer' });
    }
    return result;
  }
}

/** Registry entry. */
export const ALPACA_ENTRY: ProviderEntry = {
  id: 'alpaca',
  label: 'Alpaca',
  needsSecret: true,
  defaultBaseUrl: DEFAULT_BASE_URLS.alpaca,
  create: (config) => new AlpacaProvider(config),
};
