/**
 * Time-frame changes from daily closes: the current price against the close of the last
 * trading day on or before the same calendar day a week, a month, three months or a year
 * earlier (and the previous year's last close for YTD), with every split in between applied
 * to the old close. Pure: a daily series in, percentages and reasons out.
 */
import type { Performance, TimeFrame } from '../../shared/api-types.js';

export const TIME_FRAMES: readonly TimeFrame[] = ['1d', '1w', '1m', '3m', 'ytd', '1y'];

/**
 * Most calendar days between the look-back day and the trading day used for it: a weekend plus
 * a holiday is 3–4 days. More means the data has a gap there, and a change is not computed
 * across a gap.
 */
const MAX_LOOKBACK_SLACK_DAYS = 4;
const MS_PER_DAY = 86_400_000;

/** Daily closes as the engine holds them: raw (unadjusted) closes and split ratios. */
export interface DailyCloses {
  /** Consecutive trading dates, ascending (a gap is never bridged: see `startsAt`). */
  readonly dates: readonly string[];
  /** The raw close of a symbol at a date index, or null. */
  close(symbol: string, dayIndex: number): number | null;
  /** Price factor of a split whose first new-basis day is `date` (1 when none). */
  splitRatio(symbol: string, date: string): number;
}

export interface PerformanceResult {
  performance: Performance;
  reasons: Partial<Record<TimeFrame, string>>;
}

/** What the computation needs about one symbol now. */
export interface PerformanceInput {
  symbol: string;
  /** Index of the current (replayed) trading day in `closes.dates`. */
  dayIndex: number;
  /** The current price (intraday on the current day), or null. */
  price: number | null;
  /** Today's change in percent (price against the previous close), or null. */
  changePercent: number | null;
}

/** The calendar day the time frame looks back to from `date` (YYYY-MM-DD, UTC arithmetic). */
export function lookbackDate(date: string, frame: Exclude<TimeFrame, '1d'>): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  switch (frame) {
    case '1w':
      return isoDate(Date.UTC(year, month - 1, day - 7));
    case '1m':
      return sameDayMonthsBefore(year, month, day, 1);
    case '3m':
      return sameDayMonthsBefore(year, month, day, 3);
    case 'ytd':
      return `${year - 1}-12-31`;
    case '1y':
      return sameDayMonthsBefore(year, month, day, 12);
    default: {
      const unexpected: never = frame;
      throw new RangeError(`lookback: unknown time frame ${String(unexpected)}`);
    }
  }
}

function isoDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** The same day `months` earlier, clamped to that month's last day (May 31 → Apr 30). */
function sameDayMonthsBefore(year: number, month: number, day: number, months: number): string {
  const lastDay = new Date(Date.UTC(year, month - 1 - months + 1, 0)).getUTCDate();
  return isoDate(Date.UTC(year, month - 1 - months, Math.min(day, lastDay)));
}

/** Index of the last date on or before `target`, or -1 when every date is later. */
export function indexOnOrBefore(dates: readonly string[], target: string, upTo: number): number {
  for (let i = Math.min(upTo, dates.length - 1); i >= 0; i -= 1) {
    if ((dates[i] as string) <= target) return i;
  }
  return -1;
}

/** Product of the split ratios of the days after `from` up to and including `to`. */
export function splitFactor(closes: DailyCloses, symbol: string, from: number, to: number): number {
  let factor = 1;
  for (let i = from + 1; i <= to; i += 1) {
    factor *= closes.splitRatio(symbol, closes.dates[i] ?? '');
  }
  return factor;
}

/** The split-adjusted percent change for every time frame, with a reason for each null. */
export function computePerformance(
  closes: DailyCloses,
  input: PerformanceInput,
): PerformanceResult {
  const performance: Performance = {
    '1d': input.changePercent,
    '1w': null,
    '1m': null,
    '3m': null,
    ytd: null,
    '1y': null,
  };
  const reasons: Partial<Record<TimeFrame, string>> = {};
  if (input.changePercent === null) reasons['1d'] = 'no current price or previous close';

  const today = closes.dates[input.dayIndex];
  for (const frame of TIME_FRAMES) {
    if (frame === '1d') continue;
    if (today === undefined || input.price === null) {
      reasons[frame] = 'no current price';
      continue;
    }

    const target = lookbackDate(today, frame);
    const index = indexOnOrBefore(closes.dates, target, input.dayIndex - 1);
    if (index < 0) {
      reasons[frame] = `the replay's history starts ${closes.dates[0] ?? '?'}`;
      continue;
    }
    const referenceDate = closes.dates[index] ?? target;
    if (Date.parse(target) - Date.parse(referenceDate) > MAX_LOOKBACK_SLACK_DAYS * MS_PER_DAY) {
      reasons[frame] = `the data has a gap between ${referenceDate} and ${target}`;
      continue;
    }
    const raw = closes.close(input.symbol, index);
    if (raw === null) {
      reasons[frame] = `no close for ${input.symbol} on ${closes.dates[index] ?? '?'}`;
      continue;
    }

    const base = raw * splitFactor(closes, input.symbol, index, input.dayIndex);
    performance[frame] = ((input.price - base) / base) * 100;
  }
  return { performance, reasons };
}
