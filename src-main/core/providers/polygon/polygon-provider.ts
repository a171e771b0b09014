/**
 * Polygon.io / Massive adapter. Paid plans: the full-market v2 snapshot, one call for every
 * symbol asked. Free plans (snapshot answers 403 NOT_AUTHORIZED): grouped daily bars, which
 * are end-of-day — source() says so — and are cached per session, so they cost calls once.
 */
import type { z } from 'zod';

import { type Clock, type SourceInfo, SYSTEM_CLOCK } from '../../domain/types.js';
import { createLogger, redact } from '../../log.js';
import { isProviderError, ProviderError } from '../errors.js';
import { createHttpClient, type HttpClient } from '../http-client.js';
import { nonJsonFailure, tryParseJson, validate } from '../http-response.js';
import type {
  DailyCloseBatch,
  DailyCloseRequest,
  KeyTestResult,
  MarketDataProvider,
  QuoteBatchResult,
  RatePolicy,
} from '../provider.js';
import { DEFAULT_BASE_URLS, type ProviderConfig, type ProviderEntry } from '../registry.js';
import { SymbolMapper } from '../symbols.js';
import { groupedCloses } from './polygon-history.js';
import { latestCompletedSession, previousWeekday } from './polygon-sessions.js';
import {
  errorFromBody,
  groupedToQuote,
  isBeforeEndOfDay,
  snapshotToQuote,
} from './polygon-transform.js';
import {
  polygonErrorSchema,
  type PolygonGroupedBar,
  polygonGroupedSchema,
  polygonMarketStatusSchema,
  polygonSnapshotSchema,
} from './polygon-wire.js';

const ID = 'polygon';
/** The rebranded host; same API and keys. */
export const MASSIVE_BASE_URL = 'https://api.massive.com';
/** Free (Basic) plan: 5 calls a minute. */
export const POLYGON_FREE_RATE: RatePolicy = { perMinute: 5, creditsPerSymbol: 0 };
/** Symbols per snapshot call (`tickers=` list); the whole S&P 500 fits in one. */
export const POLYGON_BATCH_SIZE = 1_000;
/** Sessions tried back from the expected one (holidays, "before end of day"). */
const MAX_SESSION_STEPS = 4;

type Mode = 'snapshot' | 'end-of-day';
type Session = { date: string; bars: Map<string, PolygonGroupedBar> };

const log = createLogger('polygon');

/** Polygon behind the MarketDataProvider interface. */
export class PolygonProvider implements MarketDataProvider {
  readonly id = ID;
  readonly capabilities = {
    batchSize: POLYGON_BATCH_SIZE,
    streaming: false,
    profiles: false,
    history: true,
    historyShape: { kind: 'whole-market' as const },
  };
  readonly ratePolicy = POLYGON_FREE_RATE;

  private readonly http: HttpClient;
  private readonly clock: Clock;
  private mode: Mode = 'snapshot';
  /** The latest session with bars and the one before it, once fetched. */
  private sessions:
    { expected: string; latest: Session; previous: Session | undefined } | undefined;

  constructor(private readonly config: ProviderConfig) {
    redact(config.apiKey);
    this.clock = config.clock ?? SYSTEM_CLOCK;
    this.http = createHttpClient({
      providerId: ID,
      baseUrl: config.baseUrl ?? DEFAULT_BASE_URLS.polygon,
      headers: { authorization: `Bearer ${config.apiKey}` },
      secrets: [config.apiKey],
      clock: this.clock,
      ...config.http,
    });
  }

  source(): SourceInfo {
    if (this.mode === 'snapshot') {
      // TODO: the snapshot is real-time on Advanced plans but 15 minutes late on Starter and
      // Developer; the adapter cannot tell the plan from the answer, so it states no delay. A
      // config flag for the plan tier (or reading the trade timestamps' lag) would fix it.
      return {
        provider: ID,
        mode: 'live',
        label: 'Polygon (snapshot)',
        detail: 'Full-market snapshot from Polygon/Massive.',
      };
    }
    const date = this.sessions?.latest.date;
    return {
      provider: ID,
      mode: 'live',
      label: `Polygon (end of day${date ? `, ${date}` : ''})`,
      detail:
        'This key’s plan has no live snapshot: prices are the closes of the latest finished session (grouped daily bars).',
      delay: {
        kind: 'end-of-day',
        ...(date ? { sessionDate: date } : {}),
        note: 'Closes of the latest finished session: this plan has no live snapshot.',
      },
    };
  }

  async fetchQuotes(symbols: readonly string[], signal?: AbortSignal): Promise<QuoteBatchResult> {
    if (this.mode === 'snapshot') {
      try {
        return await this.fetchSnapshot(symbols, signal);
      } catch (error) {
        if (!(isProviderError(error) && error.kind === 'plan-limit')) throw error;
        log.info('fetch snapshot: not in this plan; falling back to end-of-day grouped bars');
        this.mode = 'end-of-day';
      }
    }
    return this.fetchEndOfDay(symbols, signal);
  }

  /**
   * One session's split-adjusted closes for the whole market (grouped daily bars; `from` is the
   * date, `symbols` only filters). A weekend or holiday answers no bars: an empty batch.
   */
  async fetchDailyCloses(
    request: DailyCloseRequest,
    signal?: AbortSignal,
  ): Promise<DailyCloseBatch> {
    const body = await this.call(
      `v2/aggs/grouped/locale/us/market/stocks/${request.from}`,
      { adjusted: 'true' },
      polygonGroupedSchema,
      signal,
    );
    return groupedCloses(body, request);
  }

  /** `/v1/marketstatus/now` is free on every plan. */
  async testKey(signal?: AbortSignal): Promise<KeyTestResult> {
    try {
      const status = await this.call('v1/marketstatus/now', {}, polygonMarketStatusSchema, signal);
      return { ok: true, detail: `Key accepted. Market: ${status.market}.` };
    } catch (error) {
      if (isProviderError(error)) return { ok: false, error };
      throw error;
    }
  }

  private async fetchSnapshot(
    symbols: readonly string[],
    signal?: AbortSignal,
  ): Promise<QuoteBatchResult> {
    const mapper = new SymbolMapper(symbols, 'dot');
    const body = await this.call(
      'v2/snapshot/locale/us/markets/stocks/tickers',
      { tickers: mapper.providerSymbols().join(',') },
      polygonSnapshotSchema,
      signal,
    );
    const receivedAt = this.clock.now();
    const result: QuoteBatchResult = { quotes: [], missing: [] };
    const answered = new Set<string>();
    for (const ticker of body.tickers ?? []) {
      const symbol = mapper.toEngine(ticker.ticker);
      if (!symbol) continue;
      answered.add(symbol);
      const outcome = snapshotToQuote(symbol, ticker, receivedAt);
      if (outcome.ok) result.quotes.push(outcome.quote);
      else result.missing.push({ symbol, reason: outcome.reason });
    }
    for (const symbol of symbols) {
      if (!answered.has(symbol))
        result.missing.push({ symbol, reason: 'unknown-symbol: not in Polygon’s snapshot' });
    }
    return result;
  }

  private async fetchEndOfDay(
    symbols: readonly string[],
    signal?: AbortSignal,
  ): Promise<QuoteBatchResult> {
    const expected = latestCompletedSession(this.clock.now());
    if (this.sessions?.expected !== expected) {
      this.sessions = {
        expected,
        latest: await this.findSession(expected, signal),
        previous: undefined,
      };
    }
    if (!this.sessions.previous) {
      // Fetched separately and cached, so a 429 here does not cost the latest session again.
      this.sessions.previous = await this.findSession(
        previousWeekday(this.sessions.latest.date),
        signal,
      ).catch((error: unknown) => {
        // Without the session before we still have prices, only no change: keep them.
        if (isProviderError(error) && error.kind === 'provider-down') return undefined;
        throw error;
      });
    }

    const { latest, previous } = this.sessions;
    const receivedAt = this.clock.now();
    const result: QuoteBatchResult = { quotes: [], missing: [] };
    for (const symbol of symbols) {
      const bar = latest.bars.get(symbol);
      const outcome = bar
        ? groupedToQuote(symbol, bar, previous?.bars.get(symbol), receivedAt)
        : { ok: false as const, reason: `unknown-symbol: no bar for ${latest.date}` };
      if (outcome.ok) result.quotes.push(outcome.quote);
      else result.missing.push({ symbol, reason: outcome.reason });
    }
    return result;
  }

  /** The grouped bars of `date`, or of the nearest earlier weekday that has any. */
  private async findSession(date: string, signal?: AbortSignal): Promise<Session> {
    let candidate = date;
    for (let step = 0; step < MAX_SESSION_STEPS; step += 1) {
      const body = await this.call(
        `v2/aggs/grouped/locale/us/market/stocks/${candidate}`,
        { adjusted: 'true' },
        polygonGroupedSchema,
        signal,
        {
          onBeforeEndOfDay: () => undefined,
        },
      );
      if (body && (body.results?.length ?? 0) > 0) {
        return { date: candidate, bars: new Map(body.results!.map((bar) => [bar.T, bar])) };
      }
      candidate = previousWeekday(candidate);
    }
    throw new ProviderError(
      'provider-down',
      `${ID}: no grouped daily bars in the ${MAX_SESSION_STEPS} sessions before ${date}`,
    );
  }

  /**
   * One GET with Polygon's error forms mapped. `onBeforeEndOfDay` turns the free plan's
   * "today before end of day" 403 into a value instead of an error.
   */
  private async call<S extends z.ZodType, R = never>(
    path: string,
    params: Record<string, string>,
    schema: S,
    signal: AbortSignal | undefined,
    options: { onBeforeEndOfDay?: () => R } = {},
  ): Promise<z.infer<S> | R> {
    const response = await this.http.get(path, { searchParams: params, signal });
    const body = tryParseJson(response.body);
    const ok = response.status >= 200 && response.status < 300;
    if (body === undefined && (ok || response.body.trim() !== ''))
      throw nonJsonFailure(ID, response, [this.config.apiKey]);

    if (!ok) {
      const errorBody = polygonErrorSchema.safeParse(body);
      const parsed = errorBody.success ? errorBody.data : undefined;
      if (
        parsed &&
        options.onBeforeEndOfDay &&
        response.status === 403 &&
        isBeforeEndOfDay(parsed)
      ) {
        return options.onBeforeEndOfDay();
      }
      throw errorFromBody(response, parsed);
    }
    return validate(ID, `/${path.split('/').slice(0, 4).join('/')}`, schema, body);
  }
}

/** Registry entry. */
export const POLYGON_ENTRY: ProviderEntry = {
  id: 'polygon',
  label: 'Polygon.io / Massive',
  needsSecret: false,
  defaultBaseUrl: DEFAULT_BASE_URLS.polygon,
  create: (config) => new PolygonProvider(config),
};
