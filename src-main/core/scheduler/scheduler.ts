/**
 * Drives one provider: every refresh interval it fetches the whole symbol list in batches of
 * the provider's batch size, through one p-queue limited by the provider's rate policy.
 * Failures back off exponentially with jitter (honouring `retryAt`), and a bad key stops
 * fetching until `keyChanged()` is called.
 */
import PQueue from 'p-queue';

import type { Clock } from '../domain/types.js';
import { createLogger } from '../log.js';
import { isProviderError } from '../providers/errors.js';
import type { MarketDataProvider, QuoteBatchResult, RatePolicy } from '../providers/provider.js';
import { retryDelay } from './backoff.js';
import type { DriverFailure, DriverStatus, FetchDriver } from './driver.js';
import { queueRateOptions } from './rate-policy.js';

const log = createLogger('scheduler');

export type SchedulerState = 'idle' | 'running' | 'backing-off' | 'stopped-bad-key' | 'stopped';

export interface SchedulerOptions {
  provider: MarketDataProvider;
  /** The symbols to keep fresh, read at every cycle. */
  symbols: () => readonly string[];
  onResult: (result: QuoteBatchResult) => void;
  onError?: (error: unknown) => void;
  /** Pause between the end of one full cycle and the start of the next. */
  refreshMs: number;
  clock: Clock;
  /** Overrides the provider's own policy (a user's lower limit). */
  ratePolicy?: RatePolicy;
  /** Random source for jitter, injectable for tests. */
  random?: () => number;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * See the module comment. The engine drives the replay with it; live providers get the
 * quota-aware scheduler (quota-scheduler.ts), which also counts calls per day.
 */
export class Scheduler implements FetchDriver {
  private readonly queue: PQueue;
  private readonly inFlight = new Set<string>();
  private currentState: SchedulerState = 'idle';
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private abort = new AbortController();
  private cycling: Promise<void> | undefined;
  private lastFailure: DriverFailure | undefined;
  private retryAt: number | null = null;
  private calls = 0;
  private succeeded = false;

  constructor(private readonly options: SchedulerOptions) {
    if (!(options.refreshMs > 0)) {
      throw new RangeError(`scheduler: \`refreshMs\` must be > 0, received ${options.refreshMs}`);
    }
    const batchSize = options.provider.capabilities.batchSize;
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new RangeError(
        `scheduler: provider batchSize must be an integer >= 1, received ${batchSize}`,
      );
    }
    this.queue = new PQueue({
      concurrency: 1,
      ...queueRateOptions(options.ratePolicy ?? options.provider.ratePolicy),
    });
  }

  get state(): SchedulerState {
    return this.currentState;
  }

  /** Consecutive failed cycles so far. */
  get consecutiveFailures(): number {
    return this.failures;
  }

  /** The driver's condition for health (calls are counted since start, not per day). */
  status(): DriverStatus {
    return {
      state: this.currentState,
      lastFailure: this.lastFailure,
      retryAt: this.currentState === 'backing-off' ? this.retryAt : null,
      callsToday: this.calls,
      callsLeftToday: null,
      quotaExhausted: false,
      fullRefreshMs: null,
      hasSucceeded: this.succeeded,
      callsInFlight: this.queue.pending,
      marketClosed: false,
    };
  }

  /** Starts fetching now; no-op while already running. */
  start(): void {
    if (this.currentState === 'running' || this.currentState === 'backing-off') return;
    this.abort = new AbortController();
    this.currentState = 'running';
    this.schedule(0);
  }

  /** Resumes after a bad key, once the user has entered a new one. */
  keyChanged(): void {
    if (this.currentState !== 'stopped-bad-key') return;
    this.failures = 0;
    this.start();
  }

  /** Stops fetching, cancels queued and running calls, and waits for them to settle. */
  async stop(): Promise<void> {
    this.currentState = 'stopped';
    clearTimeout(this.timer);
    this.timer = undefined;
    this.abort.abort();
    this.queue.clear();
    await this.cycling;
    await this.queue.onIdle();
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.cycling = this.cycle();
    }, delayMs);
  }

  private isActive(): boolean {
    return this.currentState === 'running' || this.currentState === 'backing-off';
  }

  private async cycle(): Promise<void> {
    if (!this.isActive()) return;
    const { provider } = this.options;
    const wanted = this.options.symbols().filter((s) => !this.inFlight.has(s));
    const batches = chunk(wanted, provider.capabilities.batchSize);
    // A failed batch cancels the cycle's queued ones: after a 401 or 429 the rest would only
    // spend quota on the same answer.
    const cycleAbort = new AbortController();
    const signal = AbortSignal.any([this.abort.signal, cycleAbort.signal]);
    // The first real failure of the cycle; the cancelled batches only reject with AbortError.
    let failure: { error: unknown } | undefined;

    await Promise.allSettled(
      batches.map((batch) =>
        this.queue.add(
          async ({ signal: s }) => {
            try {
              await this.fetchBatch(batch, s);
            } catch (error: unknown) {
              failure ??= { error };
              cycleAbort.abort();
              throw error;
            }
          },
          { signal },
        ),
      ),
    );
    if (!this.isActive()) return;

    if (!failure) {
      this.failures = 0;
      this.lastFailure = undefined;
      this.succeeded = true;
      this.currentState = 'running';
      this.schedule(this.options.refreshMs);
      return;
    }
    this.handleFailure(failure.error);
  }

  private async fetchBatch(
    batch: readonly string[],
    signal: AbortSignal | undefined,
  ): Promise<void> {
    for (const symbol of batch) this.inFlight.add(symbol);
    this.calls += 1;
    try {
      const result = await this.options.provider.fetchQuotes(batch, signal);
      if (this.isActive()) this.options.onResult(result);
    } finally {
      for (const symbol of batch) this.inFlight.delete(symbol);
    }
  }

  private handleFailure(error: unknown): void {
    this.options.onError?.(error);
    const now = this.options.clock.now();
    this.lastFailure = isProviderError(error)
      ? { kind: error.kind, message: error.message, at: now }
      : { kind: 'provider-down', message: String(error), at: now };

    if (isProviderError(error) && error.kind === 'bad-key') {
      log.warn('fetch quotes: the provider rejected the key; stopped until the key changes');
      this.currentState = 'stopped-bad-key';
      return;
    }

    this.failures += 1;
    const retryAt = isProviderError(error) ? error.retryAt : undefined;
    const random = this.options.random;
    const delay = retryDelay(this.failures, now, retryAt, random ? { random } : {});
    log.warn(`fetch quotes: failed (attempt ${this.failures}); retrying in ${delay} ms`, error);
    this.currentState = 'backing-off';
    this.retryAt = now + delay;
    this.schedule(delay);
  }
}
