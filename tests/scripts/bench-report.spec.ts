import { describe, expect, it } from 'vitest';

import {
  age,
  type ProviderRuns,
  type RunResult,
  tableRows,
  targetLines,
} from '../../bench/report.js';

const MINUTE = 60_000;

/** A run whose area-weighted median is `medianArea` ms; the other figures do not matter here. */
function run(medianArea: number, firstRefreshCalls: number | null = 1, rejected = 0): RunResult {
  return {
    calls: 100,
    firstRefreshCalls,
    rejected,
    ages: { median: medianArea, p95: medianArea, medianArea, p95Area: medianArea },
    watchedMedian: medianArea,
  };
}

function runs(overrides: Partial<ProviderRuns>): ProviderRuns {
  return {
    id: 'alpaca',
    batch: 100,
    tiles: 503,
    scheduler: run(MINUTE, 6),
    naiveBatched: run(2 * MINUTE, 6),
    naiveSingle: run(5 * MINUTE, 503),
    ...overrides,
  };
}

describe('bench targets', () => {
  it('meets every target when the scheduler beats both naive loops without waste', () => {
    const { lines, ok } = targetLines(runs({}), 6);

    expect(ok).toBe(true);
    expect(lines).toHaveLength(3);
    expect(lines.every((l) => l.startsWith('- met: '))).toBe(true);
  });

  it('allows a tie with the batched loop only where one call covers the whole map, and says so', () => {
    const covered = targetLines(
      runs({ id: 'polygon', batch: 1000, scheduler: run(7_000), naiveBatched: run(7_000) }),
      1,
    );
    const partial = targetLines(runs({ scheduler: run(MINUTE, 6), naiveBatched: run(MINUTE) }), 6);

    expect(covered.ok).toBe(true);
    expect(covered.lines[1]).toContain('one call of 1000 covers all 503 tiles');
    expect(partial.ok).toBe(false);
    expect(partial.lines[1]).toMatch(/^- NOT met: .*not better$/);
  });

  it('requires the scheduler to be strictly better than the one-symbol-per-call loop', () => {
    const { lines, ok } = targetLines(runs({ naiveSingle: run(MINUTE) }), 6);

    expect(ok).toBe(false);
    expect(lines[2]).toMatch(/^- NOT met: .*one symbol per call/);
  });

  it('counts a wasted first refresh or a 429 as a missed target', () => {
    expect(targetLines(runs({ scheduler: run(MINUTE, 7) }), 6).ok).toBe(false);
    expect(targetLines(runs({ scheduler: run(MINUTE, 6, 1) }), 6).ok).toBe(false);
  });

  it("checks Finnhub's 5× on its trade stream run, and misses it without one", () => {
    const base = {
      id: 'finnhub',
      batch: 1,
      scheduler: run(MINUTE, 503),
      naiveBatched: run(4 * MINUTE, 503),
      naiveSingle: run(4 * MINUTE, 503),
    };
    const stream = (medianArea: number) => ({
      ...run(medianArea, 503),
      streamed: 50,
      tradeIntervalMs: 1_000,
      trades: 10,
    });

    const fast = targetLines(runs({ ...base, stream: stream(MINUTE / 2) }), 503);
    const slow = targetLines(runs({ ...base, stream: stream(MINUTE) }), 503);
    const none = targetLines(runs(base), 503);

    expect(fast.ok).toBe(true);
    expect(fast.lines.at(-1)).toBe(
      '- met: finnhub + trade stream: at least 5× lower than the naive loop (8.0×)',
    );
    expect(slow.ok).toBe(false);
    expect(slow.lines.at(-1)).toMatch(/^- NOT met: .*at least 5×.*\(4\.0×\)/);
    expect(none.ok).toBe(false);
  });
});

describe('bench table', () => {
  it('prints one naive row where the batch is 1, and both baselines otherwise', () => {
    const single = tableRows(runs({ id: 'finnhub', batch: 1 }), 503);
    const batched = tableRows(runs({}), 6);

    expect(single.map((r) => r.split(' | ')[1])).toEqual([
      'scheduler, REST only',
      'naive, one symbol per call (= full batches: batch is 1)',
    ]);
    expect(batched.map((r) => r.split(' | ')[1])).toEqual([
      'scheduler, REST only',
      'naive, full batches of 100',
      'naive, one symbol per call',
    ]);
  });

  it('formats ages by their size', () => {
    expect(age(500)).toBe('0.5 s');
    expect(age(98_000)).toBe('98 s');
    expect(age(4.1 * MINUTE)).toBe('4.1 min');
    expect(age(3.2 * 60 * MINUTE)).toBe('3.2 h');
  });
});
