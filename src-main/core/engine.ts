/**
 * The engine: universe, provider (the embedded replay by default), scheduler, market state and
 * snapshot store wired together behind the `Engine` interface the HTTP layer and the Electron
 * shell use.
 */
import type { HealthResponse, StocksResponse } from '../shared/api-types.js';
import { defaultResourcesDir, packageVersion } from './app-paths.js';
import { SYSTEM_CLOCK, type Clock, type Instrument } from './domain/types.js';
import type { ChangeBatch, Engine, StockQuery } from './engine-types.js';
import { createLogger } from './log.js';
import { MarketState } from './market/market-state.js';
import type { MarketDataProvider } from './providers/provider.js';
import {
  createReplayProvider,
  type ReplaySettings,
} from './providers/replay/create-replay-provider.js';
import { Scheduler } from './scheduler/scheduler.js';
import { DEFAULT_SAVE_INTERVAL_MS, SnapshotSaver } from './store/snapshot-saver.js';
import type { SnapshotStore } from './store/snapshot-store.js';
import { loadUniverse, type Universe } from './universe/universe.js';

export { defaultResourcesDir };

const log = createLogger('engine');
const MS_PER_SECOND = 1000;

/** The replay's refresh interval: prices move visibly every second. */
export const REPLAY_REFRESH_MS = 1_000;
/** Default refresh for other providers, until the quota-aware scheduler decides it. */
export const LIVE_REFRESH_MS = 60_000;
/** A quote is stale after this many refresh intervals without an update (at least 10 s). */
const STALE_REFRESH_MULTIPLE = 3;
const MIN_STALE_AFTER_MS = 10_000;

export interface EngineOptions {
  /** Folder holding universe.json, replay/ and calendar/. */
  resourcesDir: string;
  /** Where the last snapshot is kept; none: no persistence. */
  store?: SnapshotStore;
  clock?: Clock;
  /** A live provider; default: the embedded replay. */
  provider?: MarketDataProvider;
  replay?: ReplaySettings;
  /** Age after which a quote is stale; default 3 refresh intervals, at least 10 s. */
  staleAfterMs?: number;
  /** Pause between fetch cycles; default 1 s for the replay, 60 s otherwise. */
  refreshMs?: number;
  /** Minimum time between snapshot saves (default 10 s). */
  saveIntervalMs?: number;
}

/** The engine with its parts exposed for the shell and tests. */
export interface RunningEngine extends Engine {
  readonly universe: Universe;
  readonly provider: MarketDataProvider;
  readonly marketState: MarketState;
  readonly scheduler: Scheduler;
  /** Resumes fetching after the user changed the API key. */
  keyChanged(): void;
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
  const provider: MarketDataProvider =
    options.provider ?? createReplayProvider(options.resourcesDir, universe, clock, options.replay);
  const refreshMs = options.refreshMs ?? (options.provider ? LIVE_REFRESH_MS : REPLAY_REFRESH_MS);
  const staleAfterMs =
    options.staleAfterMs ?? Math.max(MIN_STALE_AFTER_MS, STALE_REFRESH_MULTIPLE * refreshMs);
  const version = packageVersion();

  const marketState = new MarketState({ instruments: universe.instruments, clock, staleAfterMs });
  const saver = options.store
    ? new SnapshotSaver(
        options.store,
        () => ({ savedAt: clock.now(), source: provider.source(), quotes: marketState.quotes() }),
        clock,
        options.saveIntervalMs ?? DEFAULT_SAVE_INTERVAL_MS,
      )
    : undefined;

  const snapshot = options.store?.load();
  if (snapshot) {
    const when = new Date(snapshot.savedAt).toISOString();
    marketState.restore(snapshot.quotes, `restored from the snapshot of ${when}`);
    log.info(`restore snapshot: ${snapshot.quotes.length} quotes from ${when}`);
  }

  let results = 0;
  const scheduler = new Scheduler({
    provider,
    symbols: () => universe.symbols(),
    clock,
    refreshMs,
    onResult: (result) => {
      results += 1;
      marketState.apply(result.quotes);
      marketState.markMissing(result.missing);
      marketState.sweep();
      saver?.maybeSave();
    },
    onError: () => marketState.sweep(),
  });

  function health(): HealthResponse {
    const counts = marketState.counts();
    const lastUpdate = marketState.lastUpdate();
    const failing = scheduler.state === 'backing-off' || scheduler.state === 'stopped-bad-key';
    const degraded = failing || counts.live < counts.stale;
    const status = results === 0 && !failing ? 'starting' : degraded ? 'degraded' : 'ok';
    const source = provider.source();
    return {
      status,
      provider: provider.id,
      mode: source.mode,
      source,
      lastUpdate: lastUpdate === null ? null : new Date(lastUpdate).toISOString(),
      counts,
      uptimeSeconds: Math.floor((clock.now() - createdAt) / MS_PER_SECOND),
      version,
    };
  }

  return {
    universe,
    provider,
    marketState,
    scheduler,
    sectors: () => universe.sectors(),
    categories: () => universe.categories(),
    stocks(query: StockQuery): StocksResponse {
      const selected = universe.instruments.filter((i) => matches(i, query, universe));
      return {
        asOf: new Date(clock.now()).toISOString(),
        source: provider.source(),
        stocks: marketState.rows(selected),
      };
    },
    health,
    onChanges(listener: (batch: ChangeBatch) => void): () => void {
      return marketState.onChange((changes) =>
        listener({ asOf: new Date(clock.now()).toISOString(), source: provider.source(), changes }),
      );
    },
    async start(): Promise<void> {
      scheduler.start();
      log.info(`start: ${provider.id} provider, ${universe.instruments.length} symbols`);
    },
    async stop(): Promise<void> {
      await scheduler.stop();
      if (saver && marketState.quotes().length > 0) saver.saveNow();
      await provider.close?.();
    },
    keyChanged: () => scheduler.keyChanged(),
  };
}
