/**
 * Trading dates from the NYSE calendar, for daily closes: which session a quote belongs to,
 * the session before it, and the dates of a range. Pure over the calendar.
 */
import type { NyseCalendar } from '../market/nyse-calendar.js';

const MS_PER_DAY = 86_400_000;
/** A run of non-trading days is never longer than this (a long weekend plus a closure). */
const MAX_GAP_DAYS = 10;

/** `date` (YYYY-MM-DD) moved by `days` calendar days. */
export function shiftIsoDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The trading date before `date`, or null when none within the calendar's reach. */
export function previousTradingDate(calendar: NyseCalendar, date: string): string | null {
  for (let back = 1; back <= MAX_GAP_DAYS; back += 1) {
    const candidate = shiftIsoDate(date, -back);
    if (calendar.isTradingDay(candidate)) return candidate;
  }
  return null;
}

/**
 * The session a price seen at `epochMs` belongs to: the latest trading date whose regular open
 * is at or before it. Before the open (and on weekends) the price is still the last session's.
 */
export function sessionDateOf(calendar: NyseCalendar, epochMs: number): string | null {
  const today = new Date(epochMs - 5 * 3_600_000).toISOString().slice(0, 10);
  for (let back = -1; back <= MAX_GAP_DAYS; back += 1) {
    const date = shiftIsoDate(today, -back);
    const hours = calendar.regularHours(date);
    if (hours && hours.open <= epochMs) return date;
  }
  return null;
}

/** The latest trading date whose regular close is at or before `now`: its close is final. */
export function lastClosedSession(calendar: NyseCalendar, now: number): string | null {
  const today = new Date(now - 5 * 3_600_000).toISOString().slice(0, 10);
  for (let back = -1; back <= MAX_GAP_DAYS; back += 1) {
    const date = shiftIsoDate(today, -back);
    const hours = calendar.regularHours(date);
    if (hours && hours.close <= now) return date;
  }
  return null;
}

/** Every trading date from `from` to `to`, both included, ascending. */
export function tradingDatesBetween(calendar: NyseCalendar, from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = shiftIsoDate(date, 1)) {
    if (calendar.isTradingDay(date)) dates.push(date);
  }
  return dates;
}
