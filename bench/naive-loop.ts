/**
 * The benchmark's baselines: poll every symbol in turn, in universe order, `batchSize` symbols
 * a call (full batches: the strong baseline; one: the literal "every symbol in turn"),
 * as fast as the rate policy allows, until the day's quota is spent. Same gate and quota as the
 * scheduler, so the comparison is about what is fetched when, not about the limits.
 */
import type { Clock } from '../src-main/core/domain/types.js';
import type {
  MarketDataProvider,
  QuoteBatchResult,
  RatePolicy,
} from '../src-main/core/providers/provider.js';
import { DailyQuota } from '../src-main/core/scheduler/daily-quota.js';
import { RateGate } from '../src-main/core/scheduler/rate-gate.js';
import { callCost } from '../src-main/core/scheduler/refresh-estimate.js';
import type { TimerHandle, Timers } from '../src-main/core/scheduler/timers.js';
import { MemoryUsageStore } from '../src-main/core/scheduler/usage-store.js';

export class NaiveLoop {
  private readonly gate: RateGate;
  private readonly quota: DailyQuota;
  private next = 0;
  private busy = false;
  private stopped = false;
  private timer: TimerHandle | undefined;

  constructor(
    private readonly provider: MarketDataProvider,
    private readonly policy: RatePolicy,
    private readonly symbols: readonly string[],
    private readonly clock: Clock,
    private readonly timers: Timers,
    private readonly onResult: (result: QuoteBatchResult) => void,
    /** Symbols per call; the provider's batch size (read on each call) when undefined. */
    private readonly batchSize?: number,
  ) {
    if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize >= 1)) {
      throw new RangeError(`naive loop: batchSize must be an integer >= 1, received ${batchSize}`);
    }
    this.gate = new RateGate(policy);
    this.quota = new DailyQuota(provider.id, policy.perDay, new MemoryUsageStore(), clock.now());
  }

  get pending(): number {
    return this.busy ? 1 : 0;
  }

  start(): void {
    this.pump();
  }

  stop(): void {
    this.stopped = true;
    this.timers.clearTimeout(this.timer);
  }

  private pump(): void {
    if (this.stopped || this.busy) return;
    const batch = Array.from(
      {
        length: Math.min(
          this.batchSize ?? this.provider.capabilities.batchSize,
          this.symbols.length,
        ),
      },
      (_, i) => this.symbols[(this.next + i) % this.symbols.length] ?? '',
    );
    const cost = callCost(this.policy, batch.length);
    const now = this.clock.now();
    if (!this.quota.fits(now, cost)) return;
    const at = this.gate.nextAllowedAt(now, cost);
    if (at > now) {
      this.timer = this.timers.setTimeout(() => this.pump(), at - now);
      return;
    }
    this.gate.record(now, cost);
    this.quota.spend(now, cost);
    this.next = (this.next + batch.length) % this.symbols.length;
    this.busy = true;
    this.provider
      .fetchQuotes(batch)
      .then(this.onResult, () => undefined)
      .finally(() => {
        this.busy = false;
        this.pump();
      });
  }
}
