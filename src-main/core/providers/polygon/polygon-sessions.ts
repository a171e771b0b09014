/**
 * Which session's grouped daily bars to ask for. Free keys get a day's bars only after its
 * close, weekends have none, and holidays answer empty: the adapter steps back a weekday.
 */
import { newYorkDate } from '../timestamps.js';

/** Free-plan bars for "today" appear some time after the 16:00 ET close; ask from 17:00. */
export const END_OF_DAY_HOUR_ET = 17;

const NEW_YORK_HOUR = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  hour: 'numeric',
  hourCycle: 'h23',
});

/** The weekday before `date` (`YYYY-MM-DD`), skipping Saturday and Sunday. */
export function previousWeekday(date: string): string {
  const day = new Date(`${date}T12:00:00Z`);
  do {
    day.setUTCDate(day.getUTCDate() - 1);
  } while (day.getUTCDay() === 0 || day.getUTCDay() === 6);
  return day.toISOString().slice(0, 10);
}

/** The latest weekday whose end-of-day bars should exist at `nowMs` (holidays not known here). */
export function latestCompletedSession(nowMs: number): string {
  const today = newYorkDate(nowMs);
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay();
  const hour = Number(NEW_YORK_HOUR.format(new Date(nowMs)));
  const isWeekday = weekday !== 0 && weekday !== 6;
  return isWeekday && hour >= END_OF_DAY_HOUR_ET ? today : previousWeekday(today);
}
