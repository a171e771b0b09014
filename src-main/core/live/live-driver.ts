/**
 * Builds the driver of a live provider: the quota scheduler for REST, plus the provider's
 * stream (when it has one and its URL is safe to use) for the most important symbols. Every
 * quote result also feeds the daily-close cache (its previous closes), and a provider with a
 * history endpoint backfills the cache in the scheduler's spare capacity.
 */
import type { Clock } from '../domain/types.js';
import { captureCloses } from '../history/capture-closes.js';
import type { DailyCloseCache } from '../history/daily-close-cache.js';
import type { MarketState } from '../market/market-state.js';
import type { NyseCalendar } from '../market/nyse-calendar.js';
import type { MarketDataProvider, QuoteBatchResult, RatePolicy } from '../providers/provider.js';
import type { DriverStatus, FetchDriver } from '../scheduler/driver.js';
import { HistoryBackfill } from '../scheduler/history-backfill.js';
import { areaWeights, WATCH_BOOST } from '../scheduler/priority.js';
import { QuotaScheduler } from '../scheduler/quota-scheduler.js';
import { StreamFeed } from '../scheduler/stream-feed.js';
import type { Timers } from '../scheduler/timers.js';
import type { UsageStore } from '../scheduler/usage-store.js';
import type { Universe } from '../universe/universe.js';
import type { ViewerInterest } from './viewer-interest.js';

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
  /** Daily closes captured from quotes and backfilled from history calls. */
  dailyCloses?: DailyCloseCache;
  random?: () => number;
  onQuotes(result: QuoteBatchResult): void;
  onStatus(): void;
}

/** A live provider's driver, with the policy it enforces. */
export function createLiveDriver(options: LiveDriverOptions): FetchDriver & { policy: RatePolicy } {
  const { universe, interest } = options;
  const weights = areaWeights(new Map(universe.instruments.map((i) => [i.symbol, i.marketCap])));
  const importance = (symbol: string): number =>
    (weights.get(symbol) ?? 0) * (interest.isWatched(symbol) ? WATCH_BOOST : 1);
  const ranked = (): string[] => universe.symbols().sort((a, b) => importance(b) - importance(a));

  const feed = options.streamAllowed
    ? new StreamFeed({
        provider: options.provider,
        ranked,
        onTicks: (ticks) => options.marketState.applyTicks(ticks),
        onStatus: options.onStatus,
      })
    : undefined;
  let seenRevision = -1;
  const { provider, dailyCloses: cache, calendar } = options;
  const history =
    cache && provider.fetchDailyCloses && provider.capabilities.historyShape
      ? new HistoryBackfill({ ...options, cache, ranked })
      : undefined;

  const scheduler = new QuotaScheduler({
    provider: options.provider,
    policy: options.policy,
    symbols: universe.symbols(),
    weights,
    isWatched: (symbol) => interest.isWatched(symbol),
    lastStreamed: (symbol) => feed?.lastTickAt(symbol),
    calendar: options.calendar,
    clock: options.clock,
    ...(options.timers ? { timers: options.timers } : {}),
    ...(options.usageStore ? { usageStore: options.usageStore } : {}),
    ...(options.random ? { random: options.random } : {}),
    ...(history ? { history, onHistory: () => cache?.maybeSave() } : {}),
    onResult: (result) => {
      if (cache && captureCloses(cache, calendar, provider.id, result.quotes) > 0) {
        cache.maybeSave();
      }
      options.onQuotes(result);
      // The viewers' interest may have moved: re-rank the streamed set (cheap when unchanged).
      if (feed && interest.revision !== seenRevision) {
        seenRevision = interest.revision;
        feed.refresh();
      }
    },
    onStatus: options.onStatus,
  });

  return {
    policy: options.policy,
    start: () => {
      scheduler.start();
      feed?.refresh();
    },
    stop: async () => {
      await Promise.all([scheduler.stop(), feed?.close()]);
    },
    keyChanged: () => scheduler.keyChanged(),
    status: (): DriverStatus => scheduler.status(),
  };
}
