/**
 * A symbol's daily closes before the current day, for the tooltip's longer sparkline: the
 * replay's put on today's split basis, or a live provider's from the daily-close cache.
 */
import type { DailyClose, HistoryResponse } from '../../shared/api-types.js';
import { type DailyCloses, splitFactor } from '../history/time-frames.js';

/** The `daily` part of `/api/history` for a live provider: the cached closes. */
export function liveDailyHistory(
  daily: DailyClose[],
): Pick<HistoryResponse, 'daily' | 'dailyNote'> {
  if (daily.length === 0) {
    return { daily, dailyNote: 'no daily closes collected for this symbol yet' };
  }
  return { daily };
}

/** The `daily` part of `/api/history` in the replay, before the replayed day `dayIndex`. */
export function dailyHistory(
  closes: DailyCloses,
  symbol: string,
  dayIndex: number,
): Pick<HistoryResponse, 'daily' | 'dailyNote'> {
  const daily = closes.dates.slice(0, dayIndex).map((date, index) => {
    const raw = closes.close(symbol, index);
    return {
      date,
      close: raw === null ? null : roundCents(raw * splitFactor(closes, symbol, index, dayIndex)),
    };
  });
  if (daily.every((d) => d.close === null)) {
    return { daily: [], dailyNote: 'the replay has no daily closes for this symbol' };
  }
  return { daily };
}

/** Adjusted closes keep 4 decimals, like the replay's adjusted previous close. */
function roundCents(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
