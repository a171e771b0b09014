/**
 * Provider timestamps written in US-Eastern wall time without a zone (Alpha Vantage's
 * `"2026-11-25 15:59:58.102"`, bare trading dates). `Date.parse` would read them as the user's
 * *local* time and shift quotes by hours; these helpers pin them to America/New_York through
 * the market clock in `market/new-york-time.ts`.
 */
import { newYorkToEpoch, toNewYorkTime } from '../market/new-york-time.js';

const SECOND_MS = 1_000;
const HOUR_MS = 3_600_000;

/** The NYSE regular session closes at 16:00 Eastern (early closes are not known here). */
export const REGULAR_CLOSE_HOUR = 16;

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;

/**
 * Parses a zone-less US-Eastern `YYYY-MM-DD[ HH:MM[:SS[.fff]]]` into epoch ms, or null when the
 * text is not in that form. A bare date means midnight Eastern of that date.
 */
export function parseEasternDateTime(text: string): number | null {
  const match = DATE_TIME.exec(text.trim());
  if (!match) return null;

  const [, date, h, mi, s, fraction] = match;
  const [, month, day] = date!.split('-').map(Number);
  if (!month || month > 12 || !day || day > 31) return null;
  const hour = Number(h ?? 0);
  const minute = Number(mi ?? 0);
  if (hour > 23 || minute > 59) return null;

  const millisecond = fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0;
  return newYorkToEpoch(date!, hour * 60 + minute) + Number(s ?? 0) * SECOND_MS + millisecond;
}

/**
 * The time a date-only quote stands for: that session's regular close (16:00 Eastern). Callers
 * cap it at the arrival time, so a quote for today's still-open session is not dated ahead.
 */
export function easternSessionClose(date: string): number | null {
  const midnight = parseEasternDateTime(date);
  return midnight === null ? null : midnight + REGULAR_CLOSE_HOUR * HOUR_MS;
}

/** Epoch ms of the next midnight in New York strictly after `epochMs`. */
export function nextEasternMidnight(epochMs: number): number {
  const today = toNewYorkTime(epochMs).date;
  const [year, month, day] = today.split('-').map(Number);
  // Calendar arithmetic on the date itself, so a 23- or 25-hour DST day cannot skip or repeat.
  const tomorrow = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (day ?? 1) + 1));
  return newYorkToEpoch(tomorrow.toISOString().slice(0, 10), 0);
}
