/**
 * Per-second and per-minute caps of a rate policy, counted on the injected clock.
 *
 * Why not p-queue's `interval`/`intervalCap`: p-queue reads `Date.now()` and real timers, so a
 * virtual clock (tests, the benchmark's simulated trading day) cannot drive it. The quota
 * scheduler keeps p-queue for concurrency and cancellation and asks this gate when the next
 * call may start. Sliding windows: a call of cost c fits at t when the costs recorded in
 * (t − window, t] plus c stay within the cap, for every window. Calls are also spaced evenly
 * at the sustained rate (a minute's calls spread over the minute, not burst at its start), so
 * quotes age evenly and a failure is noticed after one call, not after a burst.
 */
import type { RatePolicy } from '../providers/provider.js';

const MS_PER_SECOND = 1000;
const MS_PER_MINUTE = 60 * MS_PER_SECOND;

interface Window {
  ms: number;
  cap: number;
}

/** See the module comment. */
export class RateGate {
  private readonly windows: Window[];
  private readonly spent: { at: number; cost: number }[] = [];
  /** Ms per unit at the tightest sustained rate (0: no cap). */
  private readonly spacingPerUnit: number;

  constructor(policy: RatePolicy) {
    this.windows = [];
    if (policy.perSecond !== undefined)
      this.windows.push({ ms: MS_PER_SECOND, cap: policy.perSecond });
    if (policy.perMinute !== undefined)
      this.windows.push({ ms: MS_PER_MINUTE, cap: policy.perMinute });
    for (const w of this.windows) {
      if (!Number.isInteger(w.cap) || w.cap < 1) {
        throw new RangeError(`rate gate: caps must be integers >= 1, received ${w.cap}`);
      }
    }
    this.spacingPerUnit = Math.max(0, ...this.windows.map((w) => w.ms / w.cap));
  }

  /** Records a call of `cost` units started at `at`. */
  record(at: number, cost: number): void {
    this.spent.push({ at, cost });
  }

  /** The earliest time ≥ `now` at which a call of `cost` fits every window. */
  nextAllowedAt(now: number, cost: number): number {
    this.forget(now);
    const last = this.spent[this.spent.length - 1];
    let at = last ? Math.max(now, last.at + last.cost * this.spacingPerUnit) : now;
    for (const { ms, cap } of this.windows) {
      // Walk the log from the oldest entry: the window frees up as entries leave it.
      let used = this.spent.filter((e) => e.at > at - ms).reduce((sum, e) => sum + e.cost, 0);
      if (used + Math.min(cost, cap) <= cap) continue;
      for (const entry of this.spent) {
        if (entry.at <= at - ms) continue;
        used -= entry.cost;
        if (used + Math.min(cost, cap) <= cap) {
          at = Math.max(at, entry.at + ms);
          break;
        }
      }
    }
    return at;
  }

  private forget(now: number): void {
    const longest = Math.max(0, ...this.windows.map((w) => w.ms));
    while (this.spent.length > 0 && (this.spent[0]?.at ?? now) <= now - longest) this.spent.shift();
  }
}
