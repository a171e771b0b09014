/**
 * The provider benchmark's output: one table row per run (scheduler, scheduler + trade stream,
 * the two naive loops), then each target checked in words, "met" or "NOT met". Pure: it only
 * formats results and compares them.
 */
import type { AgeSummary } from './age-stats.js';

export interface RunResult {
  /** HTTP calls over the day. */
  calls: number;
  /** HTTP calls until every tile had a quote once, or null if the day ended first. */
  firstRefreshCalls: number | null;
  rejected: number;
  ages: AgeSummary;
  watchedMedian: number;
}

export interface StreamRun extends RunResult {
  /** Symbols the stream carried. */
  streamed: number;
  /** Each streamed symbol traded this often. */
  tradeIntervalMs: number;
  /** Trades received over the day. */
  trades: number;
}

export interface ProviderRuns {
  id: string;
  batch: number;
  tiles: number;
  scheduler: RunResult;
  stream?: StreamRun;
  naiveBatched: RunResult;
  /** The one-symbol-per-call loop; the batched run itself where the batch is 1. */
  naiveSingle: RunResult;
}

/** Finnhub's free tier: area-weighted median at least this many times lower than the naive loop. */
export const FINNHUB_TARGET_RATIO = 5;

export function age(ms: number): string {
  const s = ms / 1000;
  if (s < 10) return `${s.toFixed(1)} s`;
  if (s < 120) return `${s.toFixed(0)} s`;
  if (s < 7200) return `${(s / 60).toFixed(1)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

const ratio = (naive: number, ours: number): string =>
  ours > 0 ? `${(naive / ours).toFixed(1)}×` : naive > 0 ? '∞' : '1.0×';

export const TABLE_HEADER = [
  '| provider | run | calls | 1st full refresh: calls (minimum) | 429s | median age | p95 age | area-w. median | area-w. p95 | watched median |',
  '|---|---|---|---|---|---|---|---|---|---|',
];

/** The table rows of one provider. */
export function tableRows(runs: ProviderRuns, minimum: number): string[] {
  const row = (label: string, r: RunResult): string => {
    const first =
      r.firstRefreshCalls === null ? 'day too short' : `${r.firstRefreshCalls} (${minimum})`;
    return (
      `| ${runs.id} | ${label} | ${r.calls} | ${first} | ${r.rejected} | ${age(r.ages.median)} | ` +
      `${age(r.ages.p95)} | ${age(r.ages.medianArea)} | ${age(r.ages.p95Area)} | ` +
      `${age(r.watchedMedian)} |`
    );
  };
  const rows = [row('scheduler, REST only', runs.scheduler)];
  if (runs.stream) {
    const { streamed, tradeIntervalMs, trades } = runs.stream;
    rows.push(
      row(
        `scheduler + trade stream (${streamed} symbols, a trade each every ${age(tradeIntervalMs)}; ${trades} trades)`,
        runs.stream,
      ),
    );
  }
  if (runs.batch === 1) {
    rows.push(row('naive, one symbol per call (= full batches: batch is 1)', runs.naiveBatched));
  } else {
    rows.push(row(`naive, full batches of ${runs.batch}`, runs.naiveBatched));
    rows.push(row('naive, one symbol per call', runs.naiveSingle));
  }
  return rows;
}

/** One line per target of one scheduler run; `ok` is false when any is not met. */
export function targetLines(runs: ProviderRuns, minimum: number): { lines: string[]; ok: boolean } {
  const lines: string[] = [];
  let ok = true;
  const check = (met: boolean, text: string): void => {
    lines.push(`- ${met ? 'met' : 'NOT met'}: ${text}`);
    ok = ok && met;
  };

  const scheduled: [string, RunResult][] = [[`${runs.id} (REST only)`, runs.scheduler]];
  if (runs.stream) scheduled.push([`${runs.id} + trade stream`, runs.stream]);
  for (const [name, ours] of scheduled) {
    const mine = ours.ages.medianArea;
    const batched = runs.naiveBatched.ages.medianArea;
    const single = runs.naiveSingle.ages.medianArea;

    const first = ours.firstRefreshCalls;
    check(
      (first === null || first === minimum) && ours.rejected === 0,
      `${name}: no wasted call (first full refresh ${first === null ? 'not reached in the day' : `${first} calls`}, minimum ${minimum}; ${ours.rejected} answered 429)`,
    );

    const versus = `area-w. median ${age(mine)} vs naive in full batches ${age(batched)} (${ratio(batched, mine)})`;
    if (mine < batched) check(true, `${name}: ${versus}, better`);
    else if (mine === batched && runs.batch >= runs.tiles) {
      check(
        true,
        `${name}: ${versus}, a tie, allowed only because one call of ${runs.batch} covers all ${runs.tiles} tiles: there is nothing to choose`,
      );
    } else check(false, `${name}: ${versus}, not better`);

    check(
      mine < single,
      `${name}: area-w. median ${age(mine)} vs naive one symbol per call ${age(single)} (${ratio(single, mine)}), strictly better`,
    );

    // The ≥5× target is for Finnhub's free tier as a whole, its stream included.
    if (runs.id === 'finnhub' && ours === runs.stream) {
      check(
        batched >= FINNHUB_TARGET_RATIO * mine,
        `${name}: at least ${FINNHUB_TARGET_RATIO}× lower than the naive loop (${ratio(batched, mine)})`,
      );
    }
  }
  if (runs.id === 'finnhub' && !runs.stream) {
    check(false, `finnhub: the ${FINNHUB_TARGET_RATIO}× target needs the trade stream run`);
  }
  return { lines, ok };
}
