/**
 * What the scheduler needs from the NYSE calendar: is the regular session on, when did the
 * last one close, and when does the next one open. Pure over the calendar.
 */
import type { NyseCalendar } from '../market/nyse-calendar.js';

const MS_PER_DAY = 86_400_000;
/** Longest run of days without a session (a long weekend plus holidays) we look across. */
const MAX_DAYS_SCANNED = 10;

function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whether the regular session (early closes included) is on at `now`. */
export function isRegularSession(calendar: NyseCalendar, now: number): boolean {
  return calendar.sessionAt(now).session === 'regular';
}

/** Epoch ms of the latest regular close at or before `now`, or null if none within 10 days. */
export function lastCloseAtOrBefore(calendar: NyseCalendar, now: number): number | null {
  const today = calendar.sessionAt(now).date;
  for (let back = 0; back <= MAX_DAYS_SCANNED; back += 1) {
    const hours = calendar.regularHours(shiftDate(today, -back));
    if (hours && hours.close <= now) return hours.close;
  }
  return null;
}

/** The regular session in progress or the next one after `now`, or null within 10 days. */
export function currentOrNextSession(
  calendar: NyseCalendar,
  now: number,
): { open: number; close: number } | null {
  const today = calendar.sessionAt(now).date;
  for (let ahead = 0; ahead <= MAX_DAYS_SCANNED; ahead += 1) {
    const hours = calendar.regularHours(shiftDate(today, ahead));
    if (hours && hours.close > now) return hours;
  }
  return null;
}
