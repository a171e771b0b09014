/**
 * The embedded default provider: plays the real daily closes of resources/replay as a live
 * market. Replayed day D moves each stock from its real close of D-1 (put on D's split basis)
 * to its real close of D along a seeded, simulated intraday path, inside D's session clock.
 */
import type { Clock, Quote, SourceInfo } from '../../domain/types.js';
import type { NyseCalendar } from '../../market/nyse-calendar.js';
import type {
  MarketDataProvider,
  ProviderCapabilities,
  QuoteBatchResult,
  RatePolicy,
} from '../provider.js';
import { brownianBridge, priceAt } from './brownian-bridge.js';
import { ReplayClock, type ReplayDay, type ReplayPosition } from './replay-clock.js';
import type { ReplayData } from './replay-data.js';

export const REPLAY_PROVIDER_ID = 'replay';

const MS_PER_MINUTE = 60_000;
/** Simulated prices are quoted in cents, like the real closes they run between. */
const PRICE_DECIMALS = 2;
/** Split-adjusted previous closes keep a little more precision (241.164 after a 10:1 split). */
const ADJUSTED_CLOSE_DECIMALS = 4;

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
const REGULAR_SESSION_MS = 390 * MS_PER_MINUTE;
/** Default wall time for one whole regular session. */
export const DEFAULT_SESSION_WALL_MS = 5 * MS_PER_MINUTE;
/** Default speed: a 6.5 h session in about 5 minutes (78×). */
export const DEFAULT_REPLAY_SPEED = REGULAR_SESSION_MS / DEFAULT_SESSION_WALL_MS;

export interface ReplayProviderOptions {
  data: ReplayData;
  calendar: NyseCalendar;
  /** Fallback cap per symbol (the universe's) when the day's row has none. */
  fallbackCap: (symbol: string) => number | null;
  /** Number of symbols of the universe: the replay answers them all in one call. */
  universeSize: number;
  clock: Clock;
  /** Simulated ms per wall ms (default DEFAULT_REPLAY_SPEED). */
  speed?: number;
  /**
   * First replayed date (YYYY-MM-DD); default: the first day three months into the data, so
   * every time frame the data can hold (1 week, 1 month, 3 months) has a value from the start.
   */
  startDate?: string;
  /** Start over after the last day (default true); otherwise hold the last close. */
  loop?: boolean;
  /**
   * Why a symbol without any replay series is missing, when there is more to say than the
   * date (ETFs, names outside the S&P 500); undefined keeps the per-date reason.
   */
  noDataReason?: (symbol: string) => string | undefined;
}

/** Builds the list of replayable days: every date after the first (it needs a D-1). */
function replayDays(data: ReplayData, calendar: NyseCalendar): ReplayDay[] {
  return data.dates.slice(1).map((date, i) => {
    const hours = calendar.regularHours(date);
    if (!hours) throw new RangeError(`replay: ${date} is not an NYSE trading day`);
    return { dayIndex: i + 1, date, open: hours.open, close: hours.close };
  });
}

const DEFAULT_LOOKBACK_MONTHS = 3;

/** The first replayable day at least DEFAULT_LOOKBACK_MONTHS after the data's first date. */
function defaultStartDate(data: ReplayData, days: readonly ReplayDay[]): string | undefined {
  const first = data.dates[0];
  if (!first) return days[0]?.date;
  const target = new Date(`${first}T00:00:00Z`);
  target.setUTCMonth(target.getUTCMonth() + DEFAULT_LOOKBACK_MONTHS);
  const iso = target.toISOString().slice(0, 10);
  return days.find((d) => d.date >= iso)?.date ?? days[0]?.date;
}

/** The replay as a MarketDataProvider. */
export class ReplayProvider implements MarketDataProvider {
  readonly id = REPLAY_PROVIDER_ID;
  readonly capabilities: ProviderCapabilities;
  readonly ratePolicy: RatePolicy = {};
  private readonly replayClock: ReplayClock;
  private readonly paths = new Map<string, Float64Array>();
  private pathsDate = '';

  constructor(private readonly options: ReplayProviderOptions) {
    const days = replayDays(options.data, options.calendar);
    const startDate = options.startDate ?? defaultStartDate(options.data, days);
    const startIndex = days.findIndex((d) => d.date === startDate);
    if (startIndex < 0) {
      const accepted = `${days[0]?.date ?? '?'}..${days[days.length - 1]?.date ?? '?'}`;
      throw new RangeError(
        `replay: option \`startDate\` must be a replayed trading day in ${accepted}, ` +
          `received ${String(startDate)}`,
      );
    }
    this.capabilities = {
      batchSize: Math.max(1, options.universeSize),
      streaming: false,
      profiles: false,
      history: false,
    };
    this.replayClock = new ReplayClock({
      days,
      speed: options.speed ?? DEFAULT_REPLAY_SPEED,
      startIndex,
      loop: options.loop ?? true,
      startedAt: options.clock.now(),
    });
  }

  /** Where the replay is now (day, fraction of the session, simulated market time). */
  position(): ReplayPosition {
    return this.replayClock.positionAt(this.options.clock.now());
  }

  source(): SourceInfo {
    const { date } = this.position().day;
    return {
      provider: this.id,
      mode: 'replay',
      label: `Replay of ${date} closes`,
      detail:
        `Each stock's previous close and its close of ${date} are real daily closes ` +
        '(Yahoo Finance values, public-domain data set); the intraday path between them is ' +
        'simulated, and volume is not available.',
    };
  }

  async fetchQuotes(symbols: readonly string[], signal?: AbortSignal): Promise<QuoteBatchResult> {
    signal?.throwIfAborted();
    const now = this.options.clock.now();
    const position = this.replayClock.positionAt(now);
    const result: QuoteBatchResult = { quotes: [], missing: [] };

    for (const symbol of symbols) {
      const quote = this.quoteFor(symbol, position, now);
      if (typeof quote === 'string') result.missing.push({ symbol, reason: quote });
      else result.quotes.push(quote);
    }
    return result;
  }

  /** A quote, or the reason there is none. */
  private quoteFor(symbol: string, position: ReplayPosition, now: number): Quote | string {
    const { data } = this.options;
    const { dayIndex, date } = position.day;
    const previousDate = data.dates[dayIndex - 1] ?? '?';
    const noData = data.has(symbol) ? undefined : this.options.noDataReason?.(symbol);
    if (noData !== undefined) return noData;

    const close = data.close(symbol, dayIndex);
    if (close === null) return `no close in the replay data for ${date}`;
    const rawPrevious = data.close(symbol, dayIndex - 1);
    if (rawPrevious === null) return `no previous close in the replay data for ${previousDate}`;

    // On a split's first day, D-1's close is put on D's basis, so the change is the real move.
    const ratio = data.splitRatio(symbol, date);
    const previousClose = roundTo(rawPrevious * ratio, ADJUSTED_CLOSE_DECIMALS);
    const path = this.priceOnPath(symbol, date, previousClose, close, position.fraction);
    const price = roundTo(path, PRICE_DECIMALS);
    const dayCap = data.cap(symbol, dayIndex);

    return {
      symbol,
      price,
      previousClose,
      volume: null,
      marketCap:
        dayCap === null ? this.options.fallbackCap(symbol) : Math.round((dayCap * price) / close),
      // Wall time, not simulated market time: the replay loops, and a quote's timestamp must
      // never go backwards or the market state would (rightly) drop it as older.
      timestamp: now,
      receivedAt: now,
    };
  }

  private priceOnPath(
    symbol: string,
    date: string,
    start: number,
    end: number,
    fraction: number,
  ): number {
    if (fraction >= 1) return end;
    if (this.pathsDate !== date) {
      this.paths.clear();
      this.pathsDate = date;
    }
    let path = this.paths.get(symbol);
    if (!path) {
      path = brownianBridge({ seed: `${symbol}|${date}`, start, end, steps: 390 });
      this.paths.set(symbol, path);
    }
    return priceAt(path, fraction);
  }
}
