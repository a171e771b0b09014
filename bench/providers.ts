/**
 * The provider benchmark: for each provider, its real adapter against an any-symbol mock on
 * 127.0.0.1 that enforces the free tier, over one simulated regular session (09:30–16:00 ET
 * on a virtual clock) for the S&P 500 (503 tiles, area = market cap). It runs the quota
 * scheduler, then a naive loop that polls every symbol in turn, and prints calls against the
 * minimum and quote ages (plain and area-weighted), sampled every virtual minute.
 *
 * Quote age = virtual time since we last received a quote for the tile (a tile never fetched
 * counts from the open).
 *
 * Streaming providers (Finnhub, Alpaca) get a second row with their trade stream MODELLED, not
 * driven through the WebSocket mocks: the most important symbols within the stream limit
 * (watched, then biggest) receive a trade every `MODELLED_TRADE_INTERVAL_MS` once REST has
 * given them a first quote, and the scheduler fetches them less eagerly, as in the app.
 */
import '../src-main/core/providers/index.js';

import { defaultResourcesDir } from '../src-main/core/app-paths.js';
import { newYorkToEpoch } from '../src-main/core/market/new-york-time.js';
import { loadNyseCalendar } from '../src-main/core/market/nyse-calendar.js';
import type { QuoteBatchResult } from '../src-main/core/providers/provider.js';
import { createProvider, type ProviderId } from '../src-main/core/providers/registry.js';
import { areaWeights, WATCH_BOOST } from '../src-main/core/scheduler/priority.js';
import { QuotaScheduler } from '../src-main/core/scheduler/quota-scheduler.js';
import { minimumCalls } from '../src-main/core/scheduler/refresh-estimate.js';
import { loadUniverse } from '../src-main/core/universe/universe.js';
import { VirtualTime } from '../tests/core/helpers/virtual-time.js';
import { type AgeSummary, type Sample, summarize } from './age-stats.js';
import { startBenchMock } from './any-symbol-mocks.js';
import { NaiveLoop } from './naive-loop.js';

/** A regular full-length session (the Wednesday before Thanksgiving 2026, not an early close). */
const SESSION_DATE = '2026-11-25';
const OPEN_MINUTE = 9 * 60 + 30;
const CLOSE_MINUTE = 16 * 60;
const SAMPLE_MS = 60_000;
/** Samples fall mid-minute, off the grid the calls start on, so no run is flattered. */
const SAMPLE_OFFSET_MS = 30_500;
/** The viewer's filter during the run: one sector, to show prioritisation. */
const WATCHED_SECTOR = 'Energy';
const PROVIDERS: ProviderId[] = [
  'finnhub',
  'alpaca',
  'polygon',
  'twelvedata',
  'fmp',
  'alphavantage',
];
/** Modelled stream: a trade per streamed symbol this often (S&P leaders trade many times a second). */
const MODELLED_TRADE_INTERVAL_MS = 5_000;
/** Placeholder credentials: the mocks accept any key. */
const BENCH_KEY = 'bench-key';

interface RunResult {
  calls: number;
  /** HTTP calls until every tile had a quote once, or null if the day ended first. */
  firstRefreshCalls: number | null;
  rejected: number;
  ages: AgeSummary;
  watchedMedian: number;
}

const universe = loadUniverse(defaultResourcesDir());
const calendar = loadNyseCalendar(defaultResourcesDir());
const tiles = universe.instruments.filter((i) => i.categories.includes('sp500'));
const symbols = tiles.map((i) => i.symbol);
const areas = new Map(tiles.map((i) => [i.symbol, i.marketCap]));
const weights = areaWeights(areas);
const watched = new Set(tiles.filter((i) => i.sector === WATCHED_SECTOR).map((i) => i.symbol));
const open = newYorkToEpoch(SESSION_DATE, OPEN_MINUTE);
const close = newYorkToEpoch(SESSION_DATE, CLOSE_MINUTE);

function makeProvider(id: ProviderId, baseUrl: string, time: VirtualTime) {
  return createProvider(id, {
    apiKey: BENCH_KEY,
    apiSecret: BENCH_KEY,
    baseUrl,
    clock: time,
    http: { retryLimit: 0 },
  });
}

/** The symbols a stream of `limit` carries: watched first, then the biggest tiles. */
function streamedSet(limit: number): Set<string> {
  const importance = (s: string): number =>
    (weights.get(s) ?? 0) * (watched.has(s) ? WATCH_BOOST : 1);
  return new Set([...symbols].sort((a, b) => importance(b) - importance(a)).slice(0, limit));
}

type Mode = 'scheduler' | 'scheduler+stream' | 'naive';

async function simulate(id: ProviderId, mode: Mode): Promise<RunResult> {
  const time = new VirtualTime(open);
  // The free-tier policy, read from an adapter that never calls (its URL is never used).
  const policy = makeProvider(id, 'http://127.0.0.1:9', time).ratePolicy;
  const mock = await startBenchMock(id, policy, time);
  const provider = makeProvider(id, mock.server.url, time);
  const received = new Map<string, number>();
  let firstRefreshCalls: number | null = null;

  const onResult = (result: QuoteBatchResult): void => {
    for (const quote of result.quotes) received.set(quote.symbol, time.now());
    if (firstRefreshCalls === null && received.size >= symbols.length) {
      firstRefreshCalls = mock.server.requests.length;
    }
  };
  // TODO: drive the trade stream instead of modelling it: run a StreamFeed over the adapter's
  // stream() against tests/mocks/providers/*-ws-mock.ts on 127.0.0.1, with the mock sending a
  // trade frame for each subscribed symbol at virtual instants the bench advances (and waiting
  // for the frames to land before time moves on). What blocks it today: ws-connection.ts runs
  // its stall watchdog and reconnect delays on real timers, not the injectable Timers, so a
  // virtual trading day would trip them; it needs `timers` threaded through the stream tuning.
  // The engine-level proof that subscriptions and ticks work is tests/core/live/stream-engine.spec.ts.
  const streamed =
    mode === 'scheduler+stream'
      ? streamedSet(provider.capabilities.streamSymbolLimit ?? 0)
      : new Set<string>();
  const tick = (): void => {
    for (const symbol of streamed) if (received.has(symbol)) received.set(symbol, time.now());
    time.setTimeout(tick, MODELLED_TRADE_INTERVAL_MS);
  };
  if (streamed.size > 0) time.setTimeout(tick, MODELLED_TRADE_INTERVAL_MS);
  const driver =
    mode !== 'naive'
      ? new QuotaScheduler({
          provider,
          policy,
          symbols,
          weights,
          isWatched: (s) => watched.has(s),
          isStreamed: (s) => streamed.has(s) && received.has(s),
          calendar,
          clock: time,
          timers: time,
          random: () => 0.5,
          onResult,
        })
      : new NaiveLoop(provider, policy, symbols, time, time, onResult);
  const settle = async (): Promise<void> => {
    do await new Promise((resolve) => setImmediate(resolve));
    while (driver.pending > 0);
  };

  driver.start();
  const samples: Sample[] = [];
  const watchedSamples: Sample[] = [];
  for (let t = open + SAMPLE_OFFSET_MS; t <= close; t += SAMPLE_MS) {
    await time.runUntil(t, settle);
    for (const tile of tiles) {
      const age = t - (received.get(tile.symbol) ?? open);
      samples.push({ value: age, weight: tile.marketCap ?? 0 });
      if (watched.has(tile.symbol)) watchedSamples.push({ value: age, weight: 1 });
    }
  }
  await driver.stop();
  await mock.server.close();
  return {
    calls: mock.server.requests.length,
    firstRefreshCalls,
    rejected: mock.rejected(),
    ages: summarize(samples),
    watchedMedian: summarize(watchedSamples).median,
  };
}

function age(ms: number): string {
  const s = ms / 1000;
  if (s < 120) return `${s.toFixed(0)} s`;
  if (s < 7200) return `${(s / 60).toFixed(1)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

const ratio = (naive: number, ours: number): string =>
  ours > 0 ? `${(naive / ours).toFixed(1)}×` : naive > 0 ? '∞' : '1.0×';

/** Runs every provider and prints the table; returns whether every target was met. */
export async function runProviderBench(
  write: (line: string) => void,
  only: readonly string[] = [],
): Promise<boolean> {
  write(
    `Simulated session ${SESSION_DATE} 09:30–16:00 ET, ${symbols.length} S&P 500 tiles, watched: ${WATCHED_SECTOR} (${watched.size}).`,
  );
  write(
    'Ages: scheduler / naive (naive ÷ scheduler). Area = market cap. The naive loop is REST only.\n',
  );
  write(
    '| provider | batch | calls (sched / naive) | 1st full refresh calls / min | 429s | median age | p95 age | area-w. median | area-w. p95 | watched median |',
  );
  write('|---|---|---|---|---|---|---|---|---|---|');
  // Simulations are independent (own virtual clock, own mock) and wait mostly on loopback I/O:
  // running them together cuts the wall time several-fold without changing any figure.
  const ids = PROVIDERS.filter((p) => only.length === 0 || only.includes(p));
  const runs = ids.map(async (id) => {
    const capabilities = makeProvider(id, 'http://127.0.0.1:9', new VirtualTime(open)).capabilities;
    const modes: Mode[] = capabilities.streaming
      ? ['scheduler', 'scheduler+stream']
      : ['scheduler'];
    const [naive, ...ours] = await Promise.all([
      simulate(id, 'naive'),
      ...modes.map((m) => simulate(id, m)),
    ]);
    return {
      id,
      batch: capabilities.batchSize,
      naive,
      rows: modes.map((mode, i) => ({ mode, result: ours[i] })),
    };
  });
  let ok = true;
  for (const { id, batch, naive, rows } of await Promise.all(runs)) {
    for (const { mode, result } of rows) {
      if (!naive || !result) continue;
      ok = writeRow(write, id, mode, result, naive, batch) && ok;
    }
  }
  return ok;
}

/** Prints one provider row; returns whether it meets the targets. */
function writeRow(
  write: (line: string) => void,
  id: ProviderId,
  mode: Mode,
  ours: RunResult,
  naive: RunResult,
  batch: number,
): boolean {
  const min = minimumCalls(symbols.length, batch);
  const first =
    ours.firstRefreshCalls === null ? 'day too short' : `${ours.firstRefreshCalls} / ${min}`;
  const cell = (a: number, b: number): string => `${age(a)} / ${age(b)} (${ratio(b, a)})`;
  const name = mode === 'scheduler+stream' ? `${id} + stream (modelled)` : id;
  write(
    `| ${name} | ${batch} | ${ours.calls} / ${naive.calls} | ${first} | ` +
      `${ours.rejected} / ${naive.rejected} | ` +
      `${cell(ours.ages.median, naive.ages.median)} | ${cell(ours.ages.p95, naive.ages.p95)} | ` +
      `${cell(ours.ages.medianArea, naive.ages.medianArea)} | ` +
      `${cell(ours.ages.p95Area, naive.ages.p95Area)} | ` +
      `${cell(ours.watchedMedian, naive.watchedMedian)} |`,
  );
  const noWaste = ours.firstRefreshCalls === null || ours.firstRefreshCalls === min;
  const beats = ours.ages.medianArea <= naive.ages.medianArea;
  // The ≥5× target is for Finnhub's free tier as a whole, its stream included.
  const finnhubTarget =
    id !== 'finnhub' || mode === 'scheduler' || naive.ages.medianArea >= 5 * ours.ages.medianArea;
  return noWaste && beats && finnhubTarget && ours.rejected === 0;
}
