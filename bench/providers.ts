/**
 * The provider benchmark: for each provider, its real adapter against an any-symbol mock on
 * 127.0.0.1 that enforces the free tier, over one simulated regular session (09:30–16:00 ET
 * on a virtual clock) for the S&P 500 (503 tiles, area = market cap). Runs per provider:
 *
 * - the quota scheduler on REST alone;
 * - for streaming providers (Finnhub, Alpaca), the scheduler plus the real trade stream: the
 *   app's StreamFeed over the adapter's stream() against the WebSocket mock (trade-stream.ts),
 *   with the scheduler asking the feed which symbols are streamed, as live-driver.ts wires it;
 * - the naive loop in full batches (the strong baseline) and one symbol per call (the issue's
 *   literal "polls every symbol in turn"), on the same rate gate and daily quota.
 *
 * Quotes and trades go into the app's MarketState, so a trade counts only once REST has given
 * the tile a quote and nothing older replaces what is held. Quote age = virtual time since the
 * state last took a quote or trade for the tile (a tile never filled counts from the open),
 * sampled every virtual minute.
 */
import '../src-main/core/providers/index.js';

import { defaultResourcesDir } from '../src-main/core/app-paths.js';
import { MarketState } from '../src-main/core/market/market-state.js';
import { newYorkToEpoch } from '../src-main/core/market/new-york-time.js';
import { loadNyseCalendar } from '../src-main/core/market/nyse-calendar.js';
import type { QuoteBatchResult } from '../src-main/core/providers/provider.js';
import {
  createProvider,
  PROVIDER_IDS,
  type ProviderId,
} from '../src-main/core/providers/registry.js';
import { areaWeights, WATCH_BOOST } from '../src-main/core/scheduler/priority.js';
import { QuotaScheduler } from '../src-main/core/scheduler/quota-scheduler.js';
import { minimumCalls } from '../src-main/core/scheduler/refresh-estimate.js';
import type { StreamFeed } from '../src-main/core/scheduler/stream-feed.js';
import { loadUniverse } from '../src-main/core/universe/universe.js';
import { realTurn, VirtualTime } from '../tests/core/helpers/virtual-time.js';
import { type Sample, summarize } from './age-stats.js';
import { startBenchMock } from './any-symbol-mocks.js';
import { NaiveLoop } from './naive-loop.js';
import {
  type ProviderRuns,
  type RunResult,
  type StreamRun,
  TABLE_HEADER,
  tableRows,
  targetLines,
} from './report.js';
import { type BenchStreamMock, startStreamMock } from './trade-stream.js';

/** A regular full-length session (the Wednesday before Thanksgiving 2026, not an early close). */
const SESSION_DATE = '2026-11-25';
const OPEN_MINUTE = 9 * 60 + 30;
const CLOSE_MINUTE = 16 * 60;
const SAMPLE_MS = 60_000;
/**
 * One sample a minute, each at a different point of its minute: the phase walks through the
 * minute in prime steps, so the samples average over every call or trade cadence up to a
 * minute. (A fixed mid-minute offset sat 0.5 s after every call of a 10 s cadence and
 * flattered runs that call on that grid.)
 */
const SAMPLE_FIRST_OFFSET_MS = 30_500;
const SAMPLE_STRIDE_MS = 7_919;
/** The viewer's filter during the run: one sector, to show prioritisation. */
const WATCHED_SECTOR = 'Energy';
/** Every registered live provider. */
const PROVIDERS: readonly ProviderId[] = PROVIDER_IDS;
/** Placeholder credentials: the mocks accept any key. */
const BENCH_KEY = 'bench-key';
/** The market state's staleness threshold; the bench reads ages, not the live/stale label. */
const STALE_AFTER_MS = 60 * 60_000;
/** Real time a settle may take before the bench gives up on a lost call or trade. */
const SETTLE_TIMEOUT_MS = 60_000;

type Run = 'scheduler' | 'stream' | 'naive-batched' | 'naive-single';

const universe = loadUniverse(defaultResourcesDir());
const calendar = loadNyseCalendar(defaultResourcesDir());
const tiles = universe.instruments.filter((i) => i.categories.includes('sp500'));
const symbols = tiles.map((i) => i.symbol);
const weights = areaWeights(new Map(tiles.map((i) => [i.symbol, i.marketCap])));
const watched = new Set(tiles.filter((i) => i.sector === WATCHED_SECTOR).map((i) => i.symbol));
const open = newYorkToEpoch(SESSION_DATE, OPEN_MINUTE);
const close = newYorkToEpoch(SESSION_DATE, CLOSE_MINUTE);

function makeProvider(id: ProviderId, baseUrl: string, time: VirtualTime, streamUrl?: string) {
  return createProvider(id, {
    apiKey: BENCH_KEY,
    apiSecret: BENCH_KEY,
    baseUrl,
    ...(streamUrl === undefined ? {} : { streamUrl }),
    clock: time,
    timers: time,
    http: { retryLimit: 0 },
  });
}

/** Symbols by importance, as the app ranks them for its stream: watched first, then biggest. */
function ranked(): string[] {
  const importance = (s: string): number =>
    (weights.get(s) ?? 0) * (watched.has(s) ? WATCH_BOOST : 1);
  return [...symbols].sort((a, b) => importance(b) - importance(a));
}

/** When sample `k` is taken (see SAMPLE_STRIDE_MS). */
function sampleAt(k: number): number {
  return open + k * SAMPLE_MS + ((SAMPLE_FIRST_OFFSET_MS + k * SAMPLE_STRIDE_MS) % SAMPLE_MS);
}

async function simulate(id: ProviderId, run: Run): Promise<RunResult | StreamRun> {
  const time = new VirtualTime(open);
  // The free-tier policy, read from an adapter that never calls (its URL is never used).
  const policy = makeProvider(id, 'http://127.0.0.1:9', time).ratePolicy;
  const mock = await startBenchMock(id, policy, time);
  const ws: BenchStreamMock | undefined = run === 'stream' ? await startStreamMock(id) : undefined;
  const provider = makeProvider(id, mock.server.url, time, ws?.url);
  const state = new MarketState({ instruments: tiles, clock: time, staleAfterMs: STALE_AFTER_MS });
  const filled = new Set<string>();
  let firstRefreshCalls: number | null = null;
  let feed: StreamFeed | undefined;

  const onResult = (result: QuoteBatchResult): void => {
    state.apply(result.quotes);
    for (const quote of result.quotes) filled.add(quote.symbol);
    if (firstRefreshCalls === null && filled.size >= symbols.length) {
      firstRefreshCalls = mock.server.requests.length;
    }
  };
  const driver =
    run === 'scheduler' || run === 'stream'
      ? new QuotaScheduler({
          provider,
          policy,
          symbols,
          weights,
          isWatched: (s) => watched.has(s),
          lastStreamed: (s) => feed?.lastTickAt(s),
          calendar,
          clock: time,
          timers: time,
          random: () => 0.5,
          onResult,
        })
      : new NaiveLoop(
          provider,
          policy,
          symbols,
          time,
          time,
          onResult,
          run === 'naive-single' ? 1 : undefined,
        );
  // Virtual time moves on only once every call has been answered and every trade has landed.
  const settle = async (): Promise<void> => {
    const started = Date.now();
    for (;;) {
      await realTurn();
      if (driver.pending === 0 && (ws?.inFlight ?? 0) === 0) return;
      if (Date.now() - started > SETTLE_TIMEOUT_MS) {
        throw new Error(
          `bench ${id} ${run}: ${driver.pending} calls and ${ws?.inFlight ?? 0} trades still pending after ${SETTLE_TIMEOUT_MS} ms`,
        );
      }
    }
  };

  driver.start();
  if (ws) {
    feed = await ws.open(provider, ranked, (ticks) => state.applyTicks(ticks));
    ws.startTrades(time, open + ws.intervalMs);
  }
  const samples: Sample[] = [];
  const watchedSamples: Sample[] = [];
  for (let k = 0, t = sampleAt(0); t <= close; k += 1, t = sampleAt(k)) {
    await time.runUntil(t, settle);
    const received = new Map(state.quotes().map((q) => [q.symbol, q.receivedAt]));
    for (const tile of tiles) {
      const age = t - (received.get(tile.symbol) ?? open);
      samples.push({ value: age, weight: tile.marketCap ?? 0 });
      if (watched.has(tile.symbol)) watchedSamples.push({ value: age, weight: 1 });
    }
  }
  const streamed = ws?.subscribed().size ?? 0;
  await driver.stop();
  await ws?.close();
  await mock.server.close();
  const result: RunResult = {
    calls: mock.server.requests.length,
    firstRefreshCalls,
    rejected: mock.rejected(),
    ages: summarize(samples),
    watchedMedian: summarize(watchedSamples).median,
  };
  return ws ? { ...result, streamed, tradeIntervalMs: ws.intervalMs, trades: ws.received } : result;
}

/** Every run of one provider, the independent ones at once. */
async function runProvider(id: ProviderId): Promise<ProviderRuns> {
  const capabilities = makeProvider(id, 'http://127.0.0.1:9', new VirtualTime(open)).capabilities;
  const batch = capabilities.batchSize;
  const [scheduler, stream, naiveBatched, naiveSingle] = await Promise.all([
    simulate(id, 'scheduler'),
    capabilities.streaming ? (simulate(id, 'stream') as Promise<StreamRun>) : undefined,
    simulate(id, 'naive-batched'),
    // With a batch of 1 the two naive loops are the same loop: run it once.
    batch === 1 ? undefined : simulate(id, 'naive-single'),
  ]);
  return {
    id,
    batch,
    tiles: symbols.length,
    scheduler,
    ...(stream ? { stream } : {}),
    naiveBatched,
    naiveSingle: naiveSingle ?? naiveBatched,
  };
}

/** Runs every provider (or those in `only`) and prints the table; returns whether every target was met. */
export async function runProviderBench(
  write: (line: string) => void,
  only: readonly string[] = [],
): Promise<boolean> {
  write(
    `Simulated session ${SESSION_DATE} 09:30–16:00 ET, ${symbols.length} S&P 500 tiles, watched: ${WATCHED_SECTOR} (${watched.size}).`,
  );
  write('Ages are quote ages; area = market cap. The naive loops are REST only.\n');
  for (const line of TABLE_HEADER) write(line);

  // Simulations are independent (own virtual clock, own mocks) and wait mostly on loopback I/O:
  // running them together cuts the wall time several-fold without changing any figure.
  const ids = PROVIDERS.filter((p) => only.length === 0 || only.includes(p));
  const results = await Promise.all(ids.map(runProvider));
  for (const runs of results) {
    for (const line of tableRows(runs, minimumCalls(symbols.length, runs.batch))) write(line);
  }

  write('\nTargets (area-weighted median quote age, what the viewer sees):');
  let ok = true;
  for (const runs of results) {
    const { lines, ok: met } = targetLines(runs, minimumCalls(symbols.length, runs.batch));
    for (const line of lines) write(line);
    ok = ok && met;
  }
  return ok;
}
