/**
 * When a history (daily-close) call may run beside the quotes, on the same rate gate, daily
 * quota and p-queue. Keeping the map fresh comes first; the decision:
 *
 * - History runs only when no quote is due (capacity the quotes would leave idle), except a
 *   turn every `sessionTurnMs(policy)` during the regular session once every symbol has a
 *   quote, so a provider whose quotes are always due still makes progress with about
 *   `SESSION_SHARE` of its calls: one of Polygon's free 25 calls in 5 minutes, one of Alpaca's
 *   200 a minute every 7.5 s (its year of closes in about 2 minutes instead of 80). Not where each symbol costs a credit
 *   (Twelve Data): there a history call displaces as many quotes as it has symbols, so it waits
 *   for the spare capacity outside the session.
 * - At most one history call in flight, and none before the first quote call has succeeded
 *   (a bad key or a rate limit is found by a quote probe, not by history).
 * - At most `MINUTE_SHARE` of the per-minute cap and `DAY_SHARE` of a daily quota go to
 *   history, so a burst of backfill never leaves the next quote round waiting for the window.
 * - Failures: a rate limit or a bad key is the provider's, shared with quotes (the caller hands
 *   it to its own failure policy); anything else backs off history alone, and a plan refusal
 *   stops history until the provider changes.
 *
 * TODO: the day's history spend is kept in memory; after a restart history may spend its daily
 * share once more (within the daily quota, which is persisted).
 */
import type { RatePolicy } from '../providers/provider.js';
import { backoffDelay } from './backoff.js';
import { type DailyQuota, quotaDay } from './daily-quota.js';
import type { RateGate } from './rate-gate.js';

/** One history turn in the regular session at most this often when quotes are always due. */
export const SESSION_TURN_MS = 5 * 60_000;
/** Share of the per-minute calls history takes in the session when quotes are always due. */
export const SESSION_SHARE = 0.04;
/** Never more often than this in the session, however high the cap. */
export const MIN_SESSION_TURN_MS = 5_000;

/** How often history may take a turn in the session (see the module comment). */
export function sessionTurnMs(policy: RatePolicy): number {
  if (policy.perMinute === undefined) return SESSION_TURN_MS;
  const turn = MS_PER_MINUTE / (policy.perMinute * SESSION_SHARE);
  return Math.min(SESSION_TURN_MS, Math.max(MIN_SESSION_TURN_MS, turn));
}
/** Share of the per-minute cap history may use. */
export const MINUTE_SHARE = 0.5;
/** Share of a daily quota history may use. */
export const DAY_SHARE = 0.1;
const MS_PER_MINUTE = 60_000;

/** What the turn decision needs about the quotes now. */
export interface TurnContext {
  now: number;
  quotesDue: boolean;
  sessionOpen: boolean;
  quotesSucceeded: boolean;
  /** Whether every symbol has been fetched once (the map is filled). */
  mapFilled: boolean;
  cost: number;
}

/** See the module comment. */
export class HistoryTurns {
  inFlight = false;
  private lastStart = -Infinity;
  private readonly starts: { at: number; cost: number }[] = [];
  private spent = { day: '', used: 0 };
  private blockedUntil = 0;
  private failures = 0;
  private stopped = false;

  constructor(
    private readonly policy: RatePolicy,
    private readonly gate: RateGate,
    private readonly quota: DailyQuota,
  ) {}

  /** 'now' when a call of `cost` may start, else when to look again (null: not on its own). */
  when(context: TurnContext): 'now' | number | null {
    const { now, cost } = context;
    if (this.stopped || this.inFlight || !context.quotesSucceeded) return null;
    if (context.quotesDue && !this.sessionTurn(context)) return null;
    if (this.blockedUntil > now) return this.blockedUntil;
    if (!this.quota.fits(now, cost) || !this.fitsDayShare(now, cost)) return null;

    const minuteAt = this.minuteShareAt(now, cost);
    const at = Math.max(this.gate.nextAllowedAt(now, cost), minuteAt);
    return at <= now ? 'now' : at;
  }

  /** Records a started call (the caller has spent it on the gate and the quota). */
  started(now: number, cost: number): void {
    this.inFlight = true;
    this.lastStart = now;
    this.starts.push({ at: now, cost });
    const day = quotaDay(now, this.quota.zone);
    this.spent = { day, used: (this.spent.day === day ? this.spent.used : 0) + cost };
  }

  succeeded(): void {
    this.inFlight = false;
    this.failures = 0;
  }

  /** A failure of history alone: back off (or stop on a plan refusal). */
  failed(now: number, planRefused: boolean, random?: () => number): void {
    this.inFlight = false;
    if (planRefused) {
      this.stopped = true;
      return;
    }
    this.failures += 1;
    this.blockedUntil = now + backoffDelay(this.failures, random ? { random } : {});
  }

  /** A failure shared with quotes (the scheduler blocks every call). */
  ended(): void {
    this.inFlight = false;
  }

  private sessionTurn(context: TurnContext): boolean {
    if (!context.sessionOpen || !context.mapFilled || this.policy.unit === 'credits') return false;
    return context.now - this.lastStart >= sessionTurnMs(this.policy);
  }

  private fitsDayShare(now: number, cost: number): boolean {
    if (this.quota.perDay === undefined) return true;
    const day = quotaDay(now, this.quota.zone);
    const used = this.spent.day === day ? this.spent.used : 0;
    return used + cost <= Math.max(1, Math.floor(this.quota.perDay * DAY_SHARE));
  }

  private minuteShareAt(now: number, cost: number): number {
    if (this.policy.perMinute === undefined) return now;
    const cap = Math.max(1, Math.floor(this.policy.perMinute * MINUTE_SHARE));
    while (this.starts.length > 0 && (this.starts[0]?.at ?? now) <= now - MS_PER_MINUTE) {
      this.starts.shift();
    }
    const used = this.starts.reduce((sum, s) => sum + s.cost, 0);
    if (used + cost <= cap) return now;
    return (this.starts[0]?.at ?? now) + MS_PER_MINUTE;
  }
}
