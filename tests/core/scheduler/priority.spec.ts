import { describe, expect, it } from 'vitest';

import {
  areaWeights,
  type RankInput,
  rankSymbols,
} from '../../../src-main/core/scheduler/priority.js';

const NOW = 1_000_000;

function input(overrides: Partial<RankInput>): RankInput {
  return {
    symbols: ['A', 'B', 'C', 'D'],
    lastFetched: new Map(),
    weights: new Map([
      ['A', 1],
      ['B', 1],
      ['C', 1],
      ['D', 1],
    ]),
    isWatched: () => false,
    lastStreamed: () => undefined,
    inFlight: new Set(),
    now: NOW,
    ...overrides,
  };
}

describe('rankSymbols', () => {
  it('puts never-fetched symbols first, biggest tile first', () => {
    const ranked = rankSymbols(
      input({
        lastFetched: new Map([['A', NOW - 1]]),
        weights: new Map([
          ['A', 1],
          ['B', 0.2],
          ['C', 0.9],
          ['D', 0.5],
        ]),
      }),
      4,
    );

    expect(ranked).toEqual(['C', 'D', 'B', 'A']);
  });

  it('ranks watched symbols first, then the most stale', () => {
    const lastFetched = new Map([
      ['A', NOW - 60_000],
      ['B', NOW - 10_000],
      ['C', NOW - 30_000],
      ['D', NOW - 10_000],
    ]);

    const ranked = rankSymbols(input({ lastFetched, isWatched: (s) => s === 'D' || s === 'B' }), 4);

    expect(ranked).toEqual(['B', 'D', 'A', 'C']);
  });

  it('lets REST wait on a symbol the stream keeps fresh, but not on a thin stream', () => {
    const lastFetched = new Map([
      ['A', NOW - 20_000],
      ['B', NOW - 10_000],
      ['C', NOW - 5_000],
      ['D', NOW - 1_000],
    ]);
    // A: a trade half a second ago (busy stream). B: its last trade is older than its REST
    // quote (a thin IEX stream), so it counts at its REST age.
    const ticks = new Map([
      ['A', NOW - 500],
      ['B', NOW - 15_000],
    ]);

    const ranked = rankSymbols(input({ lastFetched, lastStreamed: (s) => ticks.get(s) }), 4);

    expect(ranked).toEqual(['B', 'C', 'A', 'D']);
  });

  it('never offers a symbol already in flight', () => {
    expect(rankSymbols(input({ inFlight: new Set(['A', 'C']) }), 4)).toEqual(['B', 'D']);
  });

  it('refreshes a big tile before an equally old small one', () => {
    const lastFetched = new Map([
      ['A', NOW - 10_000],
      ['B', NOW - 10_000],
    ]);
    const ranked = rankSymbols(
      input({
        symbols: ['A', 'B'],
        lastFetched,
        weights: new Map([
          ['A', 0.1],
          ['B', 1],
        ]),
      }),
      1,
    );

    expect(ranked).toEqual(['B']);
  });
});

describe('areaWeights', () => {
  it('weights by √(area ÷ largest) and gives unknown areas the median', () => {
    const weights = areaWeights(
      new Map([
        ['BIG', 400],
        ['MID', 100],
        ['SMALL', 25],
        ['NONE', null],
      ]),
    );

    expect(weights.get('BIG')).toBe(1);
    expect(weights.get('SMALL')).toBe(0.25);
    expect(weights.get('NONE')).toBe(0.5);
  });
});
