/**
 * A symbol's daily closes before the current replayed day, put on today's split basis, for the
 * tooltip's longer sparkline.
 */
import type { HistoryResponse } from '../../shared/api-types.js';
import { type DailyCloses, splitFactor } from '../history/time-frames.js';

/** The `daily` part of `/api/history`; `dayIndex` undefined means no replay is running. */
export function dailyHistory(
  closes: DailyCloses,
  symbol: string,
  dayIndex: number | undefined,
): Pick<HistoryResponse, 'daily' | 'dailyNote'> {
  if (dayIndex === undefined) {
    // TODO: live providers: serve the daily closes fetched for the time frames (see
    // view-engine.ts) once they exist.
    return { daily: [], dailyNote: 'daily closes are only available in the replay for now' };
  }
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
