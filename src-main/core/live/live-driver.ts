/**
 * Builds the driver of a live provider from the session's parts.
 */
import type { Clock } from '../domain/types.js';
import type { MarketState } from '../market/market-state.js';
import type { NyseCalendar } from '../market/nyse-calendar.js';
import type { MarketDataProvider, QuoteBatchResult, RatePolicy } from '../providers/provider.js';
import type { FetchDriver } from '../scheduler/driver.js';
import { Scheduler } from '../scheduler/scheduler.js';
import type { Timers } from '../scheduler/timers.js';
import type { UsageStore } from '../scheduler/usage-store.js';
import type { Universe } from '../universe/universe.js';
import type { ViewerInterest } from './viewer-interest.js';

/** Pause between full cycles until the quota scheduler paces live providers itself. */
const LIVE_CYCLE_MS = 60_000;

export interface LiveDriverOptions {
  provider: MarketDataProvider;
  /** The effective policy (the provider's, lowered by the user's limit). */
  policy: RatePolicy;
  /** Whether the provider may open its stream (false with a base URL but no stream URL). */
  streamAllowed: boolean;
  clock: Clock;
  timers?: Timers;
  universe: Universe;
  calendar: NyseCalendar;
  interest: ViewerInterest;
  marketState: MarketState;
  usageStore?: UsageStore;
  random?: () => number;
  onQuotes(result: QuoteBatchResult): void;
  onStatus(): void;
}

/** A live provider's driver, with the policy it enforces. */
export function createLiveDriver(options: LiveDriverOptions): FetchDriver & { policy: RatePolicy } {
  const driver = new Scheduler({
    provider: options.provider,
    ratePolicy: options.policy,
    symbols: () => options.universe.symbols(),
    clock: options.clock,
    refreshMs: LIVE_CYCLE_MS,
    ...(options.random ? { random: options.random } : {}),
    onResult: (result) => options.onQuotes(result),
    onError: () => {
      options.marketState.sweep();
      options.onStatus();
    },
  });
  return Object.assign(driver, { policy: options.policy });
}
