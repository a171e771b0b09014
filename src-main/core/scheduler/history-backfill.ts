/**
 * Plans a live provider's daily-close backfill: which history call to make next so the time
 * frames fill first and no (symbol, date) is ever asked twice. The quota scheduler decides
 * when a call may run (history-turns.ts); this module only decides what it asks and stores
 * the answers in the cache, which is also what lets a restart resume where it stopped.
 *
 * - `whole-market` (Polygon grouped daily): one call per session date for every symbol; the
 *   five frame reference dates first (1w, 1m, 3m, YTD, 1y), then the rest of the year newest
 *   first. A date answered once (even empty: a holiday) is never asked again.
 * - `symbols-range` (Alpaca bars): up to `symbolsPerCall` symbols from the day after the last
 *   date each has, to the last finished session; the most important symbols first; pages
 *   follow `nextPageToken`. Answers are sorted by symbol, so a page completes every asked
 *   symbol before its last one.
 *
 * The window is the last finished session before the current one back to a year (plus a
 * week); today's close comes from tomorrow's quotes (their previous close).
 *
 * TODO: what was answered is recorded per provider, so after switching provider the new one
 * asks again for dates the old one filled; skipping a date (or symbol) whose closes are all in
 * the cache would save those calls, at the cost of a coverage count per plan.
 * TODO: a restart in the middle of a paginated call asks again for the symbols of the
 * half-read page (at most `barsPerCall` closes); keeping the page token in the cache would not
 * help, as tokens expire.
 */
import type { Clock } from '../domain/types.js';
import type { DailyCloseCache } from '../history/daily-close-cache.js';
import { frameDates, frameReferenceDates } from '../history/live-closes.js';
import { previousTradingDate, sessionDateOf, shiftIsoDate } from '../history/trading-dates.js';
import type { NyseCalendar } from '../market/nyse-calendar.js';
import type {
  DailyCloseBatch,
  DailyCloseRequest,
  HistoryShape,
  MarketDataProvider,
  RatePolicy,
} from '../providers/provider.js';

/** The dates a backfill covers now: `order` is the whole-market asking order. */
interface Window {
  dates: string[];
  order: string[];
  to: string;
}

/** One planned history call. */
export interface HistoryCall {
  request: DailyCloseRequest;
  /** Units it spends (calls, or credits per symbol). */
  cost: number;
}

export interface HistoryBackfillOptions {
  provider: MarketDataProvider;
  policy: RatePolicy;
  cache: DailyCloseCache;
  calendar: NyseCalendar;
  clock: Clock;
  /** Symbols in order of importance (watched and big tiles first). */
  ranked(): readonly string[];
}

/** See the module comment. */
export class HistoryBackfill {
  private readonly shape: HistoryShape;
  /** The next page of a paginated call, when one is being read. */
  private continuation: DailyCloseRequest | undefined;
  private planned: { today: string; window: Window } | undefined;
  /** Per symbol, the last date `lastNeeded` found, for one cache revision and window. */
  private readonly captured = new Map<string, string>();
  private capturedAt = '';

  constructor(private readonly options: HistoryBackfillOptions) {
    const shape = options.provider.capabilities.historyShape;
    if (!shape || !options.provider.fetchDailyCloses) {
      throw new RangeError(`history backfill: ${options.provider.id} has no fetchDailyCloses`);
    }
    this.shape = shape;
  }

  /** The next call to make at `now`, or undefined when the window is complete. */
  next(now: number): HistoryCall | undefined {
    if (this.continuation) return this.priced(this.continuation);
    const window = this.window(now);
    if (!window) return undefined;
    const request =
      this.shape.kind === 'whole-market'
        ? this.nextDate(window)
        : this.nextRange(window, this.shape.symbolsPerCall);
    return request ? this.priced(request) : undefined;
  }

  /** Runs a planned call against the provider. */
  fetch(call: HistoryCall, signal?: AbortSignal): Promise<DailyCloseBatch> {
    const fetchDailyCloses = this.options.provider.fetchDailyCloses?.bind(this.options.provider);
    if (!fetchDailyCloses) return Promise.reject(new Error('history backfill: no fetch'));
    return fetchDailyCloses(call.request, signal);
  }

  /** Stores an answer and records what it completed. */
  apply(call: HistoryCall, batch: DailyCloseBatch): void {
    const { cache, provider } = this.options;
    const source = `${provider.id}:history`;
    for (const { symbol, date, close } of batch.closes) {
      cache.put(symbol, date, close, source, true);
    }

    const { request } = call;
    if (this.shape.kind === 'whole-market') {
      cache.markDone(this.dateKey(request.from));
      return;
    }
    this.continuation = batch.nextPageToken
      ? { ...request, pageToken: batch.nextPageToken }
      : undefined;
    // With more pages to come, only the symbols sorted before the page's last are complete.
    const last = batch.nextPageToken ? batch.closes[batch.closes.length - 1]?.symbol : undefined;
    for (const symbol of request.symbols) {
      if (last === undefined || symbol < last) cache.markDone(this.symbolKey(symbol), request.to);
    }
  }

  /** Forgets a half-read pagination (after a failure: the next plan starts it again). */
  reset(): void {
    this.continuation = undefined;
  }

  private priced(request: DailyCloseRequest): HistoryCall {
    const { policy } = this.options;
    const perSymbol = policy.unit === 'credits' ? (policy.creditsPerSymbol ?? 1) : 0;
    return { request, cost: perSymbol > 0 ? perSymbol * request.symbols.length : 1 };
  }

  private window(now: number): Window | undefined {
    const { calendar } = this.options;
    const today = sessionDateOf(calendar, now);
    if (today === null) return undefined;
    // Planned once per session date: the scheduler asks for the next call on every pump.
    if (this.planned?.today !== today) {
      const to = previousTradingDate(calendar, today);
      if (to === null) return undefined;
      const dates = frameDates(calendar, today).filter((date) => date <= to);
      const references = frameReferenceDates(calendar, today).filter((d) => d <= to);
      const newestFirst = [...dates].reverse().filter((d) => !references.includes(d));
      this.planned = { today, window: { dates, order: [...references, ...newestFirst], to } };
    }
    return this.planned.window;
  }

  private nextDate(window: Window): DailyCloseRequest | undefined {
    const { cache } = this.options;
    const date = window.order.find((d) => !cache.isDone(this.dateKey(d)));
    if (date === undefined) return undefined;
    return { symbols: [...this.options.ranked()], from: date, to: date };
  }

  private nextRange(window: Window, perCall: number): DailyCloseRequest | undefined {
    const first = window.dates[0];
    if (first === undefined) return undefined;
    const fromOf = (symbol: string): string => {
      const through = this.options.cache.progress(this.symbolKey(symbol));
      return through === undefined || through < first ? first : shiftIsoDate(through, 1);
    };
    const needy: { symbol: string; from: string; to: string }[] = [];
    for (const symbol of this.options.ranked()) {
      const from = fromOf(symbol);
      const to = this.lastNeeded(symbol, window);
      if (from <= to) needy.push({ symbol, from, to });
    }
    const lead = needy[0];
    if (lead === undefined) return undefined;
    const symbols = needy
      .filter((n) => n.from === lead.from && n.to === lead.to)
      .slice(0, perCall)
      .map((n) => n.symbol);
    // Sorted as the provider sorts its answer, so a page's completed symbols are a prefix.
    return { symbols: symbols.sort(), from: lead.from, to: lead.to };
  }

  /**
   * The last date a symbol's range call must reach. Where each symbol costs credits (Twelve
   * Data: a day costs what a year does), the days from its first close captured from quotes on
   * are left to the quotes: history fills the past once, never the daily increment.
   */
  private lastNeeded(symbol: string, window: Window): string {
    if (this.options.policy.unit !== 'credits') return window.to;
    const { cache } = this.options;
    const stamp = `${cache.revision}|${window.to}`;
    if (this.capturedAt !== stamp) {
      this.captured.clear();
      this.capturedAt = stamp;
    }
    let to = this.captured.get(symbol);
    if (to === undefined) {
      const index = window.dates.findIndex((d) => cache.get(symbol, d)?.source.endsWith(':quote'));
      // Nothing needed before a capture on the window's first day: '' sorts before any date.
      to = index < 0 ? window.to : index === 0 ? '' : (window.dates[index - 1] ?? '');
      this.captured.set(symbol, to);
    }
    return to;
  }

  private dateKey(date: string): string {
    return `${this.options.provider.id}:date:${date}`;
  }

  private symbolKey(symbol: string): string {
    return `${this.options.provider.id}:symbol:${symbol}`;
  }
}
