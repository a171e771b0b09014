/**
 * When a symbol is due again and when a daily-capped provider may make its next call: small
 * pure functions over the calendar and the quota.
 *
 * - In the regular session a symbol is due `symbolIntervalMs(policy)` after its last fetch.
 * - Outside it, a symbol is due once after the last close has settled (the closing prints),
 *   then only every `CLOSED_RECHECK_MS`.
 * - A daily quota is spread evenly over what is left of the session, so the map does not go
 *   dark at noon. Outside the session the quota is kept for the next one when that session
 *   falls in the same quota day; calls left when the quota day ends before the next session
 *   are spent on the post-close pass (they would be lost otherwise).
 */
import type { NyseCalendar } from '../market/nyse-calendar.js';
import type { RatePolicy } from '../providers/provider.js';
import type { DailyQuota } from './daily-quota.js';
import { nextDayStart } from './daily-quota.js';
import { currentOrNextSession, isRegularSession, lastCloseAtOrBefore } from './market-hours.js';

const MS_PER_MINUTE = 60_000;
/** A symbol is not fetched again sooner than this while the market is open. */
export const MIN_SYMBOL_INTERVAL_MS = 10_000;
/** The floor where calls unused in a minute are lost: about how fast a person reads the map. */
export const FAST_SYMBOL_INTERVAL_MS = 1_000;

/**
 * How soon a symbol may be fetched again in the session. Under a per-minute cap with no daily
 * cap (Alpaca, Finnhub, Polygon's free tier), a call not made this minute is lost, so the
 * floor is low and the cap, spent on the biggest and watched tiles first, sets the pace. With
 * no cap at all (paid plans) or a daily quota, the 10 s floor keeps the app from fetching the
 * same quotes over and over; daily quotas are paced by `pacedStart` as well.
 */
export function symbolIntervalMs(policy: RatePolicy): number {
  const minuteCapped = policy.perMinute !== undefined || policy.perSecond !== undefined;
  return minuteCapped && policy.perDay === undefined
    ? FAST_SYMBOL_INTERVAL_MS
    : MIN_SYMBOL_INTERVAL_MS;
}
/** The closing auction's prints settle within minutes of the close. */
export const CLOSE_SETTLE_MS = 5 * MS_PER_MINUTE;
/** Outside the session, a symbol already holding the last close is checked this rarely. */
export const CLOSED_RECHECK_MS = 6 * 60 * MS_PER_MINUTE;
/** Outside the session, at most this share of the next session's quota fills an empty map. */
export const OFF_HOURS_FILL_SHARE = 0.2;

export interface HoursContext {
  open: boolean;
  /** The latest regular close at or before now, or null. */
  lastClose: number | null;
}

/** The calendar facts `dueTime` needs at `now` (computed once per scheduling round). */
export function hoursContext(calendar: NyseCalendar, now: number): HoursContext {
  const open = isRegularSession(calendar, now);
  return { open, lastClose: open ? null : lastCloseAtOrBefore(calendar, now) };
}

/** Epoch ms at which a symbol last fetched at `last` is due again. */
export function dueTime(
  last: number,
  context: HoursContext,
  intervalMs: number = MIN_SYMBOL_INTERVAL_MS,
): number {
  if (context.open) return last + intervalMs;
  const settled = context.lastClose === null ? null : context.lastClose + CLOSE_SETTLE_MS;
  if (settled !== null && last < settled) return settled;
  return last + CLOSED_RECHECK_MS;
}

export interface PacingInput {
  now: number;
  cost: number;
  lastStart: number | undefined;
  quota: DailyQuota;
  calendar: NyseCalendar;
  /** Whether the call fills never-fetched symbols (an empty map). */
  fillsEmpty: boolean;
}

/** Earliest start of the next call under the daily quota's pacing. */
export function pacedStart(input: PacingInput): number {
  const { now, cost, quota } = input;
  if (quota.perDay === undefined) return now;
  const session = currentOrNextSession(input.calendar, now);
  if (!session) return now;

  if (now >= session.open) {
    const left = quota.left(now) ?? 0;
    const callsLeft = Math.max(1, Math.floor(left / cost));
    const interval = (session.close - now) / callsLeft;
    return input.lastStart === undefined ? now : Math.max(now, input.lastStart + interval);
  }
  // Closed: the quota left today is lost at the day boundary before the next session.
  if (nextDayStart(now, quota.zone) <= session.open) return now;
  const fillCap = quota.perDay * OFF_HOURS_FILL_SHARE;
  if (input.fillsEmpty && quota.usedToday(now) + cost <= fillCap) return now;
  return session.open;
}
