/**
 * Time frames for live providers: the cached daily closes seen through the same `DailyCloses`
 * interface the replay uses, so `computePerformance` does the same maths (the close on or
 * before the frame's start date). Cached closes are already split-adjusted, so every split
 * ratio is 1. A frame that cannot be computed yet gets a reason saying how far collection is.
 */
import type { DailyClose, TimeFrame } from '../../shared/api-types.js';
import type { NyseCalendar } from '../market/nyse-calendar.js';
import type { DailyCloseCache } from './daily-close-cache.js';
import {
  computePerformance,
  type DailyCloses,
  indexOnOrBefore,
  lookbackDate,
  type PerformanceResult,
  TIME_FRAMES,
} from './time-frames.js';
import { sessionDateOf, shiftIsoDate, tradingDatesBetween } from './trading-dates.js';

/** Calendar days kept before the 1-year look-back day (a holiday week before it). */
const LOOKBACK_MARGIN_DAYS = 7;

/** How long a computed session date is reused (see `closesAt`). */
const SESSION_DATE_REUSE_MS = 1_000;

/** Why a provider only collects closes from its quotes (no history calls). */
export const QUOTES_ONLY_NOTES: Readonly<Record<string, string>> = {
  finnhub: "Finnhub's free plan has no history endpoint",
  alphavantage: "Alpha Vantage's 25 calls a day leave none for history",
  fmp: "FMP's free plan asks one symbol per history call, too many for its 250 calls a day",
};

/** What the reasons need to know about the provider now. */
export interface LiveHistorySource {
  providerId: string;
  /** Whether it backfills from a history endpoint (else closes come from quotes only). */
  backfills: boolean;
}

/** The trading dates a year of time frames needs up to `today`, ascending. */
export function frameDates(calendar: NyseCalendar, today: string): string[] {
  const start = shiftIsoDate(lookbackDate(today, '1y'), -LOOKBACK_MARGIN_DAYS);
  return tradingDatesBetween(calendar, start, today);
}

/** See the module comment. */
export class LiveCloses {
  private dates: string[] = [];
  private today = '';
  private todayAt = -Infinity;
  /** Figures derived from the cache (per-date counts, first dates), valid for one revision. */
  private readonly derived = new Map<string, number | string | null>();
  private derivedAt = -1;

  constructor(
    private readonly cache: DailyCloseCache,
    private readonly calendar: NyseCalendar,
    private readonly symbols: () => readonly string[],
  ) {}

  /** Performance of one symbol at `now` from the cache, with live reasons for the gaps. */
  performance(
    symbol: string,
    price: number | null,
    changePercent: number | null,
    now: number,
    source: LiveHistorySource,
  ): PerformanceResult {
    const closes = this.closesAt(now);
    const dayIndex = closes.dates.length - 1;
    const result = computePerformance(closes, { symbol, dayIndex, price, changePercent });
    for (const frame of TIME_FRAMES) {
      const reason = result.reasons[frame];
      if (frame === '1d' || reason === undefined || reason === 'no current price') continue;
      result.reasons[frame] = this.reason(frame, source);
    }
    return result;
  }

  /** Cached closes of `symbol` before the current session, oldest first. */
  daily(symbol: string, now: number): DailyClose[] {
    const closes = this.closesAt(now);
    return closes.dates
      .slice(0, -1)
      .map((date, index) => ({ date, close: closes.close(symbol, index) }))
      .filter((day) => day.close !== null);
  }

  /** Closes held for the dates a year of frames needs, and the symbols that have all five. */
  coverage(now: number): { closes: number; complete: number; since: string | null } {
    const closes = this.closesAt(now);
    const symbols = this.symbols();
    // Counted once per cache revision and session: /api/health may be polled often.
    const complete = this.memo(`complete|${this.today}`, () => {
      const references = this.referenceDates();
      return symbols.filter((s) => references.every((d) => this.cache.get(s, d) !== undefined))
        .length;
    }) as number;
    const held = this.memo(`held|${this.today}`, () =>
      closes.dates.reduce((sum, date) => sum + this.cache.countOn(date, symbols), 0),
    ) as number;
    return { closes: held, complete, since: this.firstDate('') };
  }

  private reason(frame: Exclude<TimeFrame, '1d'>, source: LiveHistorySource): string {
    if (!source.backfills) {
      const since = this.firstDate(`${source.providerId}:`) ?? this.today;
      const note = QUOTES_ONLY_NOTES[source.providerId] ?? 'this provider has no history endpoint';
      return `collecting daily closes since ${since}; ${note}`;
    }
    const date = this.referenceDate(frame);
    const held = date === undefined ? 0 : this.countOn(date);
    return `loading daily closes: ${held} of ${this.symbols().length}`;
  }

  /** The trading dates each frame compares against, now. */
  private referenceDates(): string[] {
    const dates: string[] = [];
    for (const frame of TIME_FRAMES) {
      if (frame === '1d') continue;
      const date = this.referenceDate(frame);
      if (date !== undefined) dates.push(date);
    }
    return dates;
  }

  private referenceDate(frame: Exclude<TimeFrame, '1d'>): string | undefined {
    const target = lookbackDate(this.today, frame);
    return this.dates[indexOnOrBefore(this.dates, target, this.dates.length - 2)];
  }

  private countOn(date: string): number {
    return this.memo(`count|${date}`, () => this.cache.countOn(date, this.symbols())) as number;
  }

  private firstDate(prefix: string): string | null {
    return this.memo(`first|${prefix}`, () => this.cache.firstDate(prefix)) as string | null;
  }

  /** One figure per cache revision: every tile's reason asks the same few questions. */
  private memo(key: string, compute: () => number | string | null): number | string | null {
    if (this.cache.revision !== this.derivedAt) {
      this.derived.clear();
      this.derivedAt = this.cache.revision;
    }
    if (!this.derived.has(key)) this.derived.set(key, compute());
    return this.derived.get(key) ?? null;
  }

  private closesAt(now: number): DailyCloses {
    // Every tile of a response asks within the same second; the session date only changes at
    // an open, so a second's reuse costs at most a second of the old date.
    if (Math.abs(now - this.todayAt) >= SESSION_DATE_REUSE_MS) {
      const today = sessionDateOf(this.calendar, now) ?? new Date(now).toISOString().slice(0, 10);
      this.todayAt = now;
      if (today !== this.today) {
        this.today = today;
        this.dates = frameDates(this.calendar, today);
      }
    }
    const { cache, dates } = this;
    return {
      dates,
      close: (symbol, index) => cache.get(symbol, dates[index] ?? '')?.close ?? null,
      splitRatio: () => 1,
    };
  }
}

/** The first reference date a backfill needs for each frame, for planning (newest first). */
export function frameReferenceDates(calendar: NyseCalendar, today: string): string[] {
  const dates = frameDates(calendar, today);
  const out: string[] = [];
  for (const frame of TIME_FRAMES) {
    if (frame === '1d') continue;
    const date = dates[indexOnOrBefore(dates, lookbackDate(today, frame), dates.length - 2)];
    if (date !== undefined && !out.includes(date)) out.push(date);
  }
  return out;
}
