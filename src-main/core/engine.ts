/**
 * The engine: universe, provider (the embedded replay by default), fetch driver, market state
 * and snapshot store wired together behind the `Engine` interface the HTTP layer and the
 * Electron shell use. The provider can be switched at run time (`configureProvider`); the
 * switching itself lives in live/provider-session.ts.
 */
import type { HealthResponse, StocksResponse } from '../shared/api-types.js';
import { defaultResourcesDir, packageVersion } from './app-paths.js';
import { type Clock, type Instrument, SYSTEM_CLOCK } from './domain/types.js';
import type {
  ChangeBatch,
  Engine,
  KeyTestResult,
  ProviderSettings,
  StockQuery,
} from './engine-types.js';
import { DailyCloseCache } from './history/daily-close-cache.js';
import { conditionOf } from './live/condition.js';
import { providerHealth } from './live/provider-health.js';
import { ProviderSession, type SessionOptions } from './live/provider-session.js';
import type { ProviderTuning } from './live/provider-settings.js';
import { testProviderKey } from './live/test-key.js';
import { ViewerInterest } from './live/viewer-interest.js';
import { createLogger } from './log.js';
import { formatEasternDateMinute } from './market/eastern-clock.js';
import { MarketState } from './market/market-state.js';
import { loadNyseCalendar } from './market/nyse-calendar.js';
import type { MarketDataProvider } from './providers/provider.js';
import type { ReplaySettings } from './providers/replay/create-replay-provider.js';
import type { FetchDriver } from './scheduler/driver.js';
import { SYSTEM_TIMERS, type TimerHandle, type Timers } from './scheduler/timers.js';
import type { UsageStore } from './scheduler/usage-store.js';
import { DEFAULT_SAVE_INTERVAL_MS, SnapshotSaver } from './store/snapshot-saver.js';
import type { SnapshotStore } from './store/snapshot-store.js';
import { loadUniverse, type Universe } from './universe/universe.js';

export { defaultResourcesDir };

const log = createLogger('engine');
const MS_PER_SECOND = 1000;

/** The replay's refresh interval: prices move visibly every second. */
export const REPLAY_REFRESH_MS = 1_000;
/** Refresh of a provider given directly as `options.provider` (tests): one cycle a minute. */
export const LIVE_REFRESH_MS = 60_000;
/** A quote is stale after this many refresh intervals without an update (at least 10 s). */
const STALE_REFRESH_MULTIPLE = 3;
const MIN_STALE_AFTER_MS = 10_000;
/** Live quotes: stale after 5 minutes without an update (free tiers refresh slowly). */
export const LIVE_STALE_AFTER_MS = 5 * 60_000;
/**
 * The universe `/api/health` counts: the default map's (DEFAULT_UNIVERSE in the view layer,
 * which wraps the engine and so cannot be imported here). Counting every instrument would
 * report the ETFs and Nasdaq-only names the replay has no data for as missing.
 */
export const HEALTH_UNIVERSE = 'sp500';
/**
 * How often freshness is re-judged with no fetch (live → stale, live → closed at the bell,
 * closed → stale at the open). Outside the session the scheduler fetches rarely, and a paused
 * app not at all, so without this a tile could read live for minutes after the close.
 */
export const STATUS_SWEEP_MS = 15_000;

export interface EngineOptions {
  /** Folder holding universe.json, replay/ and calendar/. */
  resourcesDir: string;
  /** Where the last snapshot is kept; none: no persistence. */
  store?: SnapshotStore;
  /** Where each provider's calls per day are kept across restarts; none: in memory. */
  usageStore?: UsageStore;
  /** Live providers' daily closes (time frames); none: in memory only. */
  dailyCloses?: DailyCloseCache;
  clock?: Clock;
  /** Timers of the live scheduler (a virtual clock's in tests and the benchmark). */
  timers?: Timers;
  /** A ready provider, driven by the simple cycle (tests); default: the embedded replay. */
  provider?: MarketDataProvider;
  /** The provider to start with (from Settings or the environment); default: the replay. */
  providerSettings?: ProviderSettings;
  /** HTTP and stream tuning for live adapters (tests shorten timeouts and retries). */
  providerTuning?: ProviderTuning;
  replay?: ReplaySettings;
  /** Age after which a quote is stale; default 3 refresh intervals, at least 10 s. */
  staleAfterMs?: number;
  /** Pause between fetch cycles of the replay (1 s) or a given `provider` (60 s). */
  refreshMs?: number;
  /** Minimum time between snapshot saves (default 10 s). */
  saveIntervalMs?: number;
  /** Random source for backoff jitter, injectable for tests. */
  random?: () => number;
}

/** The engine with its parts exposed for the shell and tests. */
export interface RunningEngine extends Engine {
  readonly universe: Universe;
  /** The provider now in use (changes with `configureProvider`). */
  readonly provider: MarketDataProvider;
  readonly marketState: MarketState;
  /** What drives the provider now (changes with `configureProvider`). */
  readonly driver: FetchDriver;
  /** Daily closes of live providers, for time frames beyond 1 day. */
  readonly dailyCloses: DailyCloseCache;
  /** Resumes fetching after the user changed the API key. */
  keyChanged(): void;
  /**
   * Stops fetching until `resume()` (the user paused updates, or the shell idles the app); the
   * map keeps its data, going stale. A provider switched while paused stays paused.
   */
  pause(): Promise<void>;
  /** Fetches again at once (catching up), after `pause()`. */
  resume(): void;
  isPaused(): boolean;
}

function matches(instrument: Instrument, query: StockQuery, universe: Universe): boolean {
  const sectors = query.sectors.map((s) => universe.findSector(s) ?? s);
  const categories = query.categories.map((c) => c.toLowerCase());
  if (sectors.length > 0 && !sectors.includes(instrument.sector)) return false;
  if (categories.length === 0) return true;
  return categories.some((c) => instrument.categories.includes(c));
}

/** Loads the universe and wires provider, scheduler, market state and store. */
export async function createEngine(options: EngineOptions): Promise<RunningEngine> {
  const clock = options.clock ?? SYSTEM_CLOCK;
  const createdAt = clock.now();
  const universe = loadUniverse(options.resourcesDir);
  const calendar = loadNyseCalendar(options.resourcesDir);
  const fixedRefreshMs =
    options.refreshMs ?? (options.provider ? LIVE_REFRESH_MS : REPLAY_REFRESH_MS);
  const staleAfterMs =
    options.staleAfterMs ?? Math.max(MIN_STALE_AFTER_MS, STALE_REFRESH_MULTIPLE * fixedRefreshMs);
  const version = packageVersion();
  const interest = new ViewerInterest();
  const dailyCloses = options.dailyCloses ?? new DailyCloseCache(clock);

  const marketState = new MarketState({
    instruments: universe.instruments,
    clock,
    staleAfterMs,
    calendar,
  });
  const counted = universe.instruments.filter((i) => i.categories.includes(HEALTH_UNIVERSE));
  let results = 0;
  const sessionOptions: SessionOptions = {
    ...options,
    clock,
    dailyCloses,
    universe,
    calendar,
    interest,
    marketState,
    refreshMs: fixedRefreshMs,
    staleAfterMs,
    onResult: () => {
      results += 1;
      saver?.maybeSave();
    },
    onStatus: () => marketState.setCondition(conditionOf(session.status())),
  };
  const session = new ProviderSession(sessionOptions);
  const saver = options.store
    ? new SnapshotSaver(
        options.store,
        () => ({
          savedAt: clock.now(),
          source: session.provider.source(),
          quotes: marketState.quotes(),
        }),
        clock,
        options.saveIntervalMs ?? DEFAULT_SAVE_INTERVAL_MS,
      )
    : undefined;

  const snapshot = options.store?.load();
  if (snapshot) {
    const when = formatEasternDateMinute(snapshot.savedAt);
    marketState.restore(snapshot.quotes, `restored from the snapshot of ${when}`, {
      from: snapshot.source.label,
      offCalendar: snapshot.source.mode === 'replay',
    });
    log.info(
      `restore snapshot: ${snapshot.quotes.length} quotes from ${new Date(snapshot.savedAt).toISOString()}`,
    );
  }

  function health(): HealthResponse {
    const now = clock.now();
    const status = session.status();
    marketState.setCondition(conditionOf(status));
    const providerState = providerHealth({
      providerId: session.provider.id,
      label: session.label,
      status,
      limitations: session.limitations(),
      unit: session.unit,
      now,
    });
    const counts = {
      universe: HEALTH_UNIVERSE,
      total: counted.length,
      allInstruments: universe.instruments.length,
      ...marketState.counts(counted),
    };
    const lastUpdate = marketState.lastUpdate();
    const failing = !['ok', 'starting'].includes(providerState.state);
    const degraded = failing || counts.live < counts.stale;
    const overall = results === 0 && !failing ? 'starting' : degraded ? 'degraded' : 'ok';
    const source = session.provider.source();
    return {
      status: overall,
      provider: session.provider.id,
      mode: source.mode,
      source,
      lastUpdate: lastUpdate === null ? null : new Date(lastUpdate).toISOString(),
      counts,
      providerState,
      uptimeSeconds: Math.floor((now - createdAt) / MS_PER_SECOND),
      version,
    };
  }

  let started = false;
  let paused = false;
  const timers = options.timers ?? SYSTEM_TIMERS;
  let sweepTimer: TimerHandle | undefined;
  const scheduleSweep = (): void => {
    sweepTimer = timers.setTimeout(() => {
      marketState.sweep();
      if (started) scheduleSweep();
    }, STATUS_SWEEP_MS);
  };
  return {
    universe,
    marketState,
    dailyCloses,
    get provider() {
      return session.provider;
    },
    get driver() {
      return session.driver;
    },
    sectors: () => universe.sectors(),
    categories: () => universe.categories(),
    stocks(query: StockQuery): StocksResponse {
      marketState.setCondition(conditionOf(session.status()));
      const selected = universe.instruments.filter((i) => matches(i, query, universe));
      return {
        asOf: new Date(clock.now()).toISOString(),
        source: session.provider.source(),
        stocks: marketState.rows(selected),
      };
    },
    health,
    onChanges(listener: (batch: ChangeBatch) => void): () => void {
      return marketState.onChange((changes) =>
        listener({
          asOf: new Date(clock.now()).toISOString(),
          source: session.provider.source(),
          changes,
        }),
      );
    },
    async configureProvider(settings: ProviderSettings): Promise<void> {
      results = 0;
      await session.configure(settings, started && !paused);
    },
    testKey: (settings: ProviderSettings): Promise<KeyTestResult> =>
      testProviderKey(settings, clock, options.providerTuning),
    watch: (symbols: readonly string[]) => interest.watch(symbols.filter((s) => universe.has(s))),
    async start(): Promise<void> {
      started = true;
      await session.start();
      timers.clearTimeout(sweepTimer);
      scheduleSweep();
      log.info(`start: ${session.provider.id} provider, ${universe.instruments.length} symbols`);
    },
    async stop(): Promise<void> {
      started = false;
      timers.clearTimeout(sweepTimer);
      await session.stop();
      if (saver && marketState.quotes().length > 0) saver.saveNow();
      dailyCloses.saveNow();
    },
    keyChanged: () => session.driver.keyChanged(),
    async pause(): Promise<void> {
      if (paused) return;
      paused = true;
      // Stops the scheduler and closes a streaming provider's socket; resume opens it again.
      await session.driver.stop();
      log.info('pause: updates paused');
    },
    resume(): void {
      if (!paused) return;
      paused = false;
      if (started) session.driver.start();
      log.info('resume: updates resumed');
    },
    isPaused: () => paused,
  };
}
