/**
 * A provider's daily quota: units spent in its current day, persisted through a UsageStore so a
 * restart does not overspend, and reset at the provider's day boundary.
 *
 * Day boundaries: Twelve Data counts UTC days. Where the provider does not document it (FMP,
 * Alpha Vantage), we count New York days: in US time zones that boundary comes after UTC
 * midnight, so the only risk is waiting a few hours longer than needed, never overspending
 * after a UTC reset. TODO: confirm FMP's and Alpha Vantage's reset time with a real key (their
 * docs in our notes do not say) and move them into QUOTA_DAY_ZONES.
 */
import { toNewYorkTime } from '../market/new-york-time.js';
import { newYorkToEpoch } from '../market/new-york-time.js';
import type { UsageStore } from './usage-store.js';

export type QuotaZone = 'UTC' | 'America/New_York';

/** Providers whose quota day is known; the rest count New York days. */
export const QUOTA_DAY_ZONES: Readonly<Record<string, QuotaZone>> = { twelvedata: 'UTC' };

const MS_PER_DAY = 86_400_000;

/** The day key (`YYYY-MM-DD`) of `now` in `zone`. */
export function quotaDay(now: number, zone: QuotaZone): string {
  return zone === 'UTC' ? new Date(now).toISOString().slice(0, 10) : toNewYorkTime(now).date;
}

/** Epoch ms at which the day after `now`'s day begins in `zone`. */
export function nextDayStart(now: number, zone: QuotaZone): number {
  const day = quotaDay(now, zone);
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + MS_PER_DAY).toISOString().slice(0, 10);
  return zone === 'UTC' ? Date.parse(`${next}T00:00:00Z`) : newYorkToEpoch(next, 0);
}

/** See the module comment. */
export class DailyQuota {
  readonly zone: QuotaZone;
  private day: string;
  private used: number;

  constructor(
    private readonly providerId: string,
    /** Units a day, or undefined when the plan has no daily cap. */
    readonly perDay: number | undefined,
    private readonly store: UsageStore,
    now: number,
  ) {
    this.zone = QUOTA_DAY_ZONES[providerId] ?? 'America/New_York';
    this.day = quotaDay(now, this.zone);
    const saved = store.load(providerId);
    this.used = saved?.day === this.day ? saved.used : 0;
  }

  /** Units spent in the provider's current day. */
  usedToday(now: number): number {
    this.roll(now);
    return this.used;
  }

  /** Units left today, or null without a daily cap. */
  left(now: number): number | null {
    if (this.perDay === undefined) return null;
    return Math.max(0, this.perDay - this.usedToday(now));
  }

  /** Whether a call of `cost` fits today's quota. */
  fits(now: number, cost: number): boolean {
    const left = this.left(now);
    return left === null || left >= cost;
  }

  /** Spends `cost` units now and persists the count. */
  spend(now: number, cost: number): void {
    this.roll(now);
    this.used += cost;
    this.store.save(this.providerId, { day: this.day, used: this.used });
  }

  /**
   * The provider said today's quota is used up: nothing is left until its next day, whatever
   * our own count says (calls from another app on the same key, a lost count).
   */
  exhaust(now: number): void {
    if (this.perDay === undefined) return;
    this.roll(now);
    this.used = Math.max(this.used, this.perDay);
    this.store.save(this.providerId, { day: this.day, used: this.used });
  }

  private roll(now: number): void {
    const day = quotaDay(now, this.zone);
    if (day === this.day) return;
    this.day = day;
    this.used = 0;
  }
}
