/**
 * The view layer around the engine: universes (index lists, ETFs, watchlists), custom criteria,
 * time-frame changes, the market session, intraday history and breadth. It wraps the engine's
 * `stocks`, `health`, `categories` and `onChanges` and passes everything else through, so the
 * HTTP layer and the stream need no knowledge of it beyond `engine.views`.
 */
import type {
  DailyCloseCoverage,
  HealthResponse,
  MarketSessionInfo,
  QuoteChange,
  SourceInfo,
  StockRow,
  StocksResponse,
  TimeFrame,
} from '../../shared/api-types.js';
import { type Clock, SYSTEM_CLOCK } from '../domain/types.js';
import type { RunningEngine } from '../engine.js';
import type { Engine, StockQuery } from '../engine-types.js';
import { fieldInfos } from '../filter/fields.js';
import { FILTER_OPERATORS } from '../filter/parser.js';
import { SavedFilters } from '../filter/saved-filters.js';
import { LiveCloses, type LiveHistorySource } from '../history/live-closes.js';
import { PriceHistory } from '../history/price-history.js';
import { computePerformance, type PerformanceResult } from '../history/time-frames.js';
import { createLogger, formatError } from '../log.js';
import { marketSessionAt } from '../market/market-session.js';
import { loadNyseCalendar } from '../market/nyse-calendar.js';
import { loadReplayData, type ReplayData } from '../providers/replay/replay-data.js';
import { ReplayProvider } from '../providers/replay/replay-provider.js';
import { summarizeBreadth } from '../summary/breadth.js';
import { WatchlistStore } from '../watchlists/watchlist-store.js';
import { dailyHistory, liveDailyHistory } from './daily-history.js';
import type { ViewStoreBackend } from './view-store.js';
import type { ViewsService } from './views-service.js';

const log = createLogger('views');

/** Universes every map can show; watchlists add `watchlist:<id>`. */
export const INDEX_UNIVERSES = ['sp500', 'nasdaq100', 'dow30', 'etf', 'all'] as const;
export const DEFAULT_UNIVERSE = 'sp500';
export const WATCHLIST_PREFIX = 'watchlist:';

export interface ViewEngineOptions {
  resourcesDir: string;
  /** Where saved filters and watchlists are kept (conf headless, electron-store in the app). */
  store: ViewStoreBackend;
  clock?: Clock;
}

export type ViewEngine = Engine & { readonly views: ViewsService; readonly inner: RunningEngine };

/** Where the replay is, when the engine is replaying: the day index and session instant. */
interface ReplayNow {
  dayIndex: number;
  date: string;
  lap: number;
  marketTime: number;
}

/**
 * The view engine, or the bare engine when the view layer cannot load its resources (logged):
 * the map then still works, without universes, filters and time frames.
 */
export function tryCreateViewEngine(engine: RunningEngine, options: ViewEngineOptions): Engine {
  try {
    return createViewEngine(engine, options);
  } catch (error: unknown) {
    log.error('create view engine: serving the bare engine without views', formatError(error));
    return engine;
  }
}

/** See the module comment. */
export function createViewEngine(engine: RunningEngine, options: ViewEngineOptions): ViewEngine {
  const clock = options.clock ?? SYSTEM_CLOCK;
  const calendar = loadNyseCalendar(options.resourcesDir);
  // The same parsed copy the replay provider uses (loadReplayData keeps one per folder).
  const closes: ReplayData = loadReplayData(options.resourcesDir);
  const universe = engine.universe;
  const priceHistory = new PriceHistory();
  const liveCloses = new LiveCloses(engine.dailyCloses, calendar, () => universe.symbols());
  const liveSource = (): LiveHistorySource => ({
    providerId: engine.provider.id,
    backfills: engine.provider.fetchDailyCloses !== undefined,
  });

  const resolveSymbol = (raw: string): string | undefined => {
    const upper = raw.trim().toUpperCase();
    if (universe.has(upper)) return upper;
    const dotted = upper.replace(/[-/]/g, '.');
    return universe.has(dotted) ? dotted : undefined;
  };
  const filters = new SavedFilters(options.store, clock);
  const watchlists = new WatchlistStore({ backend: options.store, clock, resolveSymbol });

  function replayNow(): ReplayNow | undefined {
    const provider = engine.provider;
    if (!(provider instanceof ReplayProvider)) return undefined;
    const { day, lap, marketTime } = provider.position();
    return { dayIndex: day.dayIndex, date: day.date, lap, marketTime };
  }

  function session(now: ReplayNow | undefined): MarketSessionInfo {
    return now
      ? marketSessionAt(calendar, now.marketTime, true)
      : marketSessionAt(calendar, clock.now(), false);
  }

  const withSession = (source: SourceInfo, now: ReplayNow | undefined): SourceInfo => ({
    ...source,
    session: session(now),
  });

  function performanceOf(
    symbol: string,
    price: number | null,
    changePercent: number | null,
    now: ReplayNow | undefined,
  ): PerformanceResult {
    if (now) {
      return computePerformance(closes, { symbol, dayIndex: now.dayIndex, price, changePercent });
    }
    // Live: the closes captured from quotes and backfilled within the provider's quota.
    return liveCloses.performance(symbol, price, changePercent, clock.now(), liveSource());
  }

  function dailyCloseCoverage(): DailyCloseCoverage {
    const coverage = liveCloses.coverage(clock.now());
    return {
      source: liveSource().backfills ? 'backfill' : 'quotes',
      closes: coverage.closes,
      completeSymbols: coverage.complete,
      symbols: universe.symbols().length,
      since: coverage.since,
    };
  }

  function watchlistCategories(): Map<string, string[]> {
    const bySymbol = new Map<string, string[]>();
    for (const list of watchlists.list()) {
      for (const symbol of list.symbols) {
        bySymbol.set(symbol, [...(bySymbol.get(symbol) ?? []), `${WATCHLIST_PREFIX}${list.id}`]);
      }
    }
    return bySymbol;
  }

  function enrich(
    row: StockRow,
    lists: Map<string, string[]>,
    now: ReplayNow | undefined,
  ): StockRow {
    const { performance, reasons } = performanceOf(row.symbol, row.price, row.changePercent, now);
    const extra = lists.get(row.symbol) ?? [];
    return {
      ...row,
      categories: extra.length === 0 ? row.categories : [...row.categories, ...extra],
      performance,
      ...(Object.keys(reasons).length === 0 ? {} : { performanceReasons: reasons }),
    };
  }

  function inUniverse(row: StockRow, id: string): boolean {
    if (id === 'all') return true;
    return row.categories.includes(id);
  }

  function stocks(query: StockQuery): StocksResponse {
    const now = replayNow();
    const base = engine.stocks({ sectors: query.sectors, categories: [] });
    const lists = watchlistCategories();
    const universeId = query.universe ?? DEFAULT_UNIVERSE;

    let rows = base.stocks
      .map((row) => enrich(row, lists, now))
      .filter((row) => inUniverse(row, universeId))
      .filter(
        (row) =>
          query.categories.length === 0 || query.categories.some((c) => row.categories.includes(c)),
      );
    if (query.filter) rows = rows.filter((row) => query.filter?.test(row) === true);

    return {
      ...base,
      source: withSession(base.source, now),
      stocks: rows,
      universe: universeId,
      timeframe: query.timeframe ?? '1d',
      ...(query.filter ? { filter: query.filter.expression } : {}),
    };
  }

  function enrichChange(change: QuoteChange, now: ReplayNow | undefined): QuoteChange {
    const { performance } = performanceOf(change.symbol, change.price, change.changePercent, now);
    return { ...change, performance };
  }

  // History is recorded from every batch, whoever is listening.
  engine.onChanges((batch) => {
    const now = replayNow();
    for (const change of batch.changes) {
      if (change.price === null || change.updatedAt === null) continue;
      const time = Date.parse(change.updatedAt);
      const sessionKey = now ? `${now.lap}|${now.date}` : calendar.sessionAt(time).date;
      priceHistory.record(change.symbol, sessionKey, time, change.price);
    }
  });

  const views: ViewsService = {
    universes: () => [
      ...INDEX_UNIVERSES,
      ...watchlists.list().map((w) => `${WATCHLIST_PREFIX}${w.id}`),
    ],
    filters,
    filterList: () => ({
      filters: filters.list(),
      fields: fieldInfos(),
      operators: [...FILTER_OPERATORS],
    }),
    watchlists,
    resolveSymbol,
    nameOf: (symbol) => universe.get(symbol)?.name ?? symbol,
    history(symbol) {
      const canonical = resolveSymbol(symbol);
      if (canonical === undefined) return undefined;
      const now = replayNow();
      return {
        symbol: canonical,
        intraday: priceHistory.points(canonical),
        ...(now
          ? dailyHistory(closes, canonical, now.dayIndex)
          : liveDailyHistory(liveCloses.daily(canonical, clock.now()))),
      };
    },
    summary(query) {
      const response = stocks(query);
      const timeframe: TimeFrame = query.timeframe ?? '1d';
      return {
        asOf: response.asOf,
        source: response.source,
        universe: response.universe ?? DEFAULT_UNIVERSE,
        ...(response.filter === undefined ? {} : { filter: response.filter }),
        timeframe,
        ...summarizeBreadth(response.stocks, timeframe),
      };
    },
  };

  return {
    inner: engine,
    views,
    sectors: () => engine.sectors(),
    categories: () => [
      ...engine.categories(),
      ...watchlists.list().map((w) => `${WATCHLIST_PREFIX}${w.id}`),
    ],
    stocks,
    health(): HealthResponse {
      const health = engine.health();
      const now = replayNow();
      return {
        ...health,
        source: withSession(health.source, now),
        session: session(now),
        ...(health.mode === 'live' ? { dailyCloses: dailyCloseCoverage() } : {}),
      };
    },
    onChanges(listener) {
      return engine.onChanges((batch) => {
        const now = replayNow();
        listener({
          ...batch,
          source: withSession(batch.source, now),
          changes: batch.changes.map((change) => enrichChange(change, now)),
        });
      });
    },
    configureProvider: (settings) => engine.configureProvider(settings),
    testKey: (settings) => engine.testKey(settings),
    watch: (symbols) => engine.watch(symbols),
    start: () => engine.start(),
    stop: () => engine.stop(),
  };
}
