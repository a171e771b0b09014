/**
 * Drives a live provider within its quota. One call at a time is chosen by `rankSymbols`
 * (never-fetched, then watched and big tiles, then the most stale), as large as the provider's
 * batch allows, never carrying a symbol already in flight; it starts only when the rate gate
 * (per second/minute, on the injected clock), the daily quota and its pacing allow. Calls run
 * through one p-queue (concurrency, cancellation). Failures: a bad key stops every call until
 * `keyChanged()`; a rate limit waits until its `retryAt` with no call meanwhile; other failures
 * back off exponentially with jitter. Outside the regular session it makes one pass for the
 * last closes and then only rare checks (see `dueAfter`). With a `history` backfill it also
 * fetches daily closes in the capacity the quotes leave (see history-turns.ts).
 */
import PQueue from 'p-queue';

import type { Clock } from '../domain/types.js';
import { createLogger } from '../log.js';
import type { NyseCalendar } from '../market/nyse-calendar.js';
import { isProviderError, ProviderError } from '../providers/errors.js';
import type { MarketDataProvider, QuoteBatchResult, RatePolicy } from '../providers/provider.js';
import { backoffDelay } from './backoff.js';
import { DailyQuota, nextDayStart } from './daily-quota.js';
import type { DriverFailure, DriverState, DriverStatus, FetchDriver } from './driver.js';
import type { HistoryBackfill, HistoryCall } from './history-backfill.js';
import { HistoryTurns } from './history-turns.js';
import { isRegularSession } from './market-hours.js';
import { dueTime, hoursContext, pacedStart, symbolIntervalMs } from './pacing.js';
import { rankSymbols } from './priority.js';
import { RateGate } from './rate-gate.js';
import { callCost, fullRefreshMs } from './refresh-estimate.js';
import { SYSTEM_TIMERS, type TimerHandle, type Timers } from './timers.js';
import { MemoryUsageStore, type UsageStore } from './usage-store.js';

const log = createLogger('quota-scheduler');

/** Calls in flight at once: enough to hide a slow answer, few enough to stay polite. */
export const CONCURRENCY = 2;
/** After a plan refusal, wait this long before trying again (the plan will not change soon). */
export const PLAN_LIMIT_WAIT_MS = 15 * 60_000;

export interface QuotaSchedulerOptions {
  provider: MarketDataProvider;
  /** The effective policy (the provider's, maybe lowered by the user). */
  policy: RatePolicy;
  symbols: readonly string[];
  /** Area-based weights per symbol (see priority.ts). */
  weights: ReadonlyMap<string, number>;
  isWatched(symbol: string): boolean;
  /** When the stream last brought a trade for `symbol` (see priority.ts). */
  lastStreamed(symbol: string): number | undefined;
  calendar: NyseCalendar;
  clock: Clock;
  timers?: Timers;
  usageStore?: UsageStore;
  random?: () => number;
  onResult(result: QuoteBatchResult): void;
  /** Daily-close backfill run in spare capacity (live providers with a history endpoint). */
  history?: HistoryBackfill;
  /** After every history answer is stored. */
  onHistory?(): void;
  /** After every state change (success, failure, stop). */
  onStatus?(): void;
}

/**
 * See the module comment.
 * TODO: one `fetchQuotes` counts as one call, but Polygon's end-of-day fallback can make
 * several HTTP calls for one; adapters would have to report the calls they made to fix it.
 * TODO: this file is past the ~200-line guide; the failure handling could move to its own
 * module (failure-policy.ts) with the state it sets, and the history dispatch (tryHistory and
 * its two callbacks) into history-turns.ts given a small "spend and enqueue" callback.
 */
export class QuotaScheduler implements FetchDriver {
  private readonly queue = new PQueue({ concurrency: CONCURRENCY });
  private readonly gate: RateGate;
  private readonly quota: DailyQuota;
  private readonly timers: Timers;
  private readonly lastFetched = new Map<string, number>();
  private readonly inFlight = new Set<string>();
  private state: DriverState = 'idle';
  private failure: DriverFailure | undefined;
  private blockedUntil = 0;
  private failures = 0;
  private succeeded = false;
  private lastStart: number | undefined;
  private timer: TimerHandle | undefined;
  private abort = new AbortController();
  private readonly historyTurns: HistoryTurns;

  constructor(private readonly options: QuotaSchedulerOptions) {
    this.gate = new RateGate(options.policy);
    this.timers = options.timers ?? SYSTEM_TIMERS;
    const store = options.usageStore ?? new MemoryUsageStore();
    this.quota = new DailyQuota(
      options.provider.id,
      options.policy.perDay,
      store,
      options.clock.now(),
    );
    this.historyTurns = new HistoryTurns(options.policy, this.gate, this.quota);
  }

  /** Calls in flight now (tests and the benchmark wait for 0). */
  get pending(): number {
    return this.queue.pending + this.queue.size;
  }

  status(): DriverStatus {
    const now = this.options.clock.now();
    const batch = this.options.provider.capabilities.batchSize;
    const exhausted = !this.quota.fits(now, 1);
    return {
      state: exhausted && this.isActive() ? 'rate-limited' : this.state,
      lastFailure: this.failure,
      retryAt: this.blockedUntil > now ? this.blockedUntil : null,
      callsToday: this.quota.usedToday(now),
      callsLeftToday: this.quota.left(now),
      quotaExhausted: exhausted,
      fullRefreshMs: fullRefreshMs(this.options.policy, batch, this.options.symbols.length),
      hasSucceeded: this.succeeded,
      callsInFlight: this.pending,
      marketClosed: !isRegularSession(this.options.calendar, now),
    };
  }

  start(): void {
    if (this.isActive()) return;
    this.abort = new AbortController();
    this.state = 'running';
    this.pump();
  }

  keyChanged(): void {
    if (this.state !== 'stopped-bad-key') return;
    this.failures = 0;
    this.failure = undefined;
    this.state = 'idle';
    this.start();
  }

  async stop(): Promise<void> {
    this.state = 'stopped';
    this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.abort.abort();
    this.queue.clear();
    await this.queue.onIdle();
  }

  /** Starts every call that may start now, then sleeps until the next one may. */
  private pump(): void {
    this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    // One probe at a time until a call has succeeded (at start, after a failure): a bad key or
    // a rate limit then costs one call, not one per slot.
    const slots = this.succeeded && this.failures === 0 ? CONCURRENCY : 1;
    while (this.isActive() && this.pending < slots) {
      const wakeAt = this.tryDispatch();
      if (wakeAt === undefined) continue;
      if (wakeAt !== null) this.sleepUntil(wakeAt);
      return;
    }
  }

  /** Dispatches one call (undefined), or says when to try again (null: on a call's end). */
  private tryDispatch(): number | null | undefined {
    const { clock, provider, policy } = this.options;
    const now = clock.now();
    if (this.blockedUntil > now) return this.blockedUntil;

    const context = hoursContext(this.options.calendar, now);
    const due: string[] = [];
    const notDue: string[] = [];
    let earliest = Infinity;
    for (const symbol of this.options.symbols) {
      if (this.inFlight.has(symbol)) continue;
      const last = this.lastFetched.get(symbol);
      const at = last === undefined ? now : dueTime(last, context, symbolIntervalMs(policy));
      if (at <= now) due.push(symbol);
      else {
        notDue.push(symbol);
        earliest = Math.min(earliest, at);
      }
    }
    const historyAt = this.tryHistory(now, due.length > 0, context.open);
    if (historyAt === undefined) return undefined;
    if (due.length === 0) {
      const wake = Math.min(earliest, historyAt ?? Infinity);
      return Number.isFinite(wake) ? wake : null;
    }

    const size = provider.capabilities.batchSize;
    const rank = { ...this.options, lastFetched: this.lastFetched, inFlight: this.inFlight, now };
    const batch = rankSymbols({ ...rank, symbols: due }, size);
    // A call costs the same however full it is: top it up with the next best symbols.
    if (batch.length < size && policy.unit !== 'credits' && context.open) {
      batch.push(...rankSymbols({ ...rank, symbols: notDue }, size - batch.length));
    }
    const cost = callCost(policy, batch.length);
    if (!this.quota.fits(now, cost)) return this.quotaResetAt(now);

    const fillsEmpty = batch.some((symbol) => !this.lastFetched.has(symbol));
    const pacing = { now, cost, lastStart: this.lastStart, quota: this.quota, fillsEmpty };
    const startAt = Math.max(
      this.gate.nextAllowedAt(now, cost),
      pacedStart({ ...pacing, calendar: this.options.calendar }),
    );
    if (startAt > now) return startAt;

    this.dispatch(batch, cost, now);
    return undefined;
  }

  private quotaResetAt(now: number): number {
    log.info("schedule: the day's quota is used up; waiting for the next quota day");
    this.options.onStatus?.();
    return nextDayStart(now, this.quota.zone);
  }

  private dispatch(batch: string[], cost: number, now: number): void {
    for (const symbol of batch) this.inFlight.add(symbol);
    // Spent when sent: a failed call still counts against the provider's quota.
    this.gate.record(now, cost);
    this.quota.spend(now, cost);
    this.lastStart = now;
    const signal = this.abort.signal;
    void this.queue
      .add(() => this.options.provider.fetchQuotes(batch, signal), { signal })
      .then(
        (result) => this.onSuccess(batch, result),
        (error: unknown) => this.onFailure(error),
      )
      .finally(() => {
        for (const symbol of batch) this.inFlight.delete(symbol);
        if (this.isActive()) this.pump();
      });
  }

  /** Dispatches a history call (undefined), or says when one may go (null: none pending). */
  private tryHistory(
    now: number,
    quotesDue: boolean,
    sessionOpen: boolean,
  ): number | null | undefined {
    const history = this.options.history;
    if (!history) return null;
    const call = history.next(now);
    if (!call) return null;
    const when = this.historyTurns.when({
      now,
      quotesDue,
      sessionOpen,
      quotesSucceeded: this.succeeded,
      mapFilled: this.lastFetched.size >= this.options.symbols.length,
      cost: call.cost,
    });
    if (when !== 'now') return when;

    this.gate.record(now, call.cost);
    this.quota.spend(now, call.cost);
    this.historyTurns.started(now, call.cost);
    const signal = this.abort.signal;
    void this.queue
      .add(() => history.fetch(call, signal), { signal })
      .then(
        (batch) => this.onHistorySuccess(history, call, batch),
        (error: unknown) => this.onHistoryFailure(history, error),
      )
      .finally(() => {
        if (this.isActive()) this.pump();
      });
    return undefined;
  }

  private onHistorySuccess(
    history: HistoryBackfill,
    call: HistoryCall,
    batch: Awaited<ReturnType<HistoryBackfill['fetch']>> | void,
  ): void {
    this.historyTurns.succeeded();
    if (!this.isActive() || !batch) return;
    history.apply(call, batch);
    this.options.onHistory?.();
  }

  private onHistoryFailure(history: HistoryBackfill, error: unknown): void {
    history.reset();
    if (!this.isActive()) {
      this.historyTurns.ended();
      return;
    }
    const kind = isProviderError(error) ? error.kind : 'provider-down';
    if (kind === 'rate-limited' || kind === 'bad-key') {
      // The provider's limit and key are shared: quotes must wait (or stop) too.
      this.historyTurns.ended();
      this.onFailure(error);
      return;
    }
    log.warn(`fetch daily closes: ${kind}; quotes go on`, error);
    this.historyTurns.failed(this.options.clock.now(), kind === 'plan-limit', this.options.random);
  }

  private onSuccess(batch: readonly string[], result: QuoteBatchResult | void): void {
    if (!this.isActive() || !result) return;
    const now = this.options.clock.now();
    for (const symbol of batch) this.lastFetched.set(symbol, now);
    this.failures = 0;
    this.failure = undefined;
    this.succeeded = true;
    this.state = 'running';
    this.options.onResult(result);
    this.options.onStatus?.();
  }

  private onFailure(error: unknown): void {
    if (!this.isActive()) return;
    const now = this.options.clock.now();
    const typed = isProviderError(error)
      ? error
      : new ProviderError('provider-down', String(error), undefined, { cause: error });
    this.failure = { kind: typed.kind, message: typed.message, at: now };
    this.failures += 1;

    const random = this.options.random ? { random: this.options.random } : {};
    switch (typed.kind) {
      case 'bad-key':
        log.warn('fetch quotes: the provider refused the key; no calls until it changes');
        this.state = 'stopped-bad-key';
        this.timers.clearTimeout(this.timer);
        break;
      case 'rate-limited':
        this.state = 'rate-limited';
        this.blockedUntil = typed.retryAt ?? now + backoffDelay(this.failures, random);
        // Health must not say "249 left" while the provider says the day's limit is reached.
        if (typed.dailyLimit) this.quota.exhaust(now);
        break;
      case 'plan-limit':
        this.state = 'plan-limit';
        this.blockedUntil = now + PLAN_LIMIT_WAIT_MS;
        break;
      case 'unknown-symbol':
      case 'provider-down':
      case 'malformed':
        this.state = 'backing-off';
        this.blockedUntil = now + backoffDelay(this.failures, random);
        break;
      default: {
        const unreachable: never = typed.kind;
        throw new Error(`fetch quotes: unhandled failure ${String(unreachable)}`);
      }
    }
    log.warn(`fetch quotes: ${typed.kind} (failure ${this.failures})`, typed);
    this.options.onStatus?.();
  }

  private sleepUntil(at: number): void {
    const delay = Math.max(0, at - this.options.clock.now());
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, delay);
  }

  private isActive(): boolean {
    return !['idle', 'stopped', 'stopped-bad-key'].includes(this.state);
  }
}
