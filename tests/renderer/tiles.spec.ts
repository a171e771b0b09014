import { describe, expect, it } from 'vitest';

import type { QuoteChange, StockRow } from '../../src-main/shared/api-types';
import {
  buildTiles,
  countStatuses,
  distinctValues,
  indexTiles,
  mergeChanges,
  MIN_TILE_SHARE,
  sameSymbols,
} from '../../src-renderer/lib/tiles';

function row(symbol: string, over: Partial<StockRow> = {}): StockRow {
  return {
    symbol,
    name: `${symbol} Inc`,
    sector: 'Energy',
    industry: 'Oil',
    categories: ['sp500', 'stock'],
    marketCap: 100e9,
    price: 10,
    previousClose: 10,
    change: 0,
    changePercent: 0,
    volume: 1,
    updatedAt: '2026-08-07T14:00:00Z',
    status: 'live',
    ...over,
  };
}

function change(symbol: string, over: Partial<QuoteChange> = {}): QuoteChange {
  return {
    symbol,
    price: 11,
    previousClose: 10,
    change: 1,
    changePercent: 10,
    volume: 2,
    marketCap: 110e9,
    updatedAt: '2026-08-07T14:00:01Z',
    status: 'live',
    ...over,
  };
}

describe('tiles', () => {
  it('sizes tiles by market cap', () => {
    const [a, b] = buildTiles([row('A', { marketCap: 5e9 }), row('B', { marketCap: 7e9 })]);
    expect(a?.size).toBe(5e9);
    expect(b?.size).toBe(7e9);
    expect(a?.sizeNote).toBe('exact');
  });

  it('gives a stock without market cap the minimum size and marks it', () => {
    const tiles = buildTiles([row('A', { marketCap: 8e12 }), row('B', { marketCap: null })]);
    expect(tiles[1]?.size).toBe(8e12 * MIN_TILE_SHARE);
    expect(tiles[1]?.sizeNote).toBe('unknown');
  });

  it('enlarges only tiles below the minimum share of the map', () => {
    const tiles = buildTiles([row('A', { marketCap: 10e12 }), row('B', { marketCap: 1e8 })]);
    const floor = (10e12 + 1e8) * MIN_TILE_SHARE;
    expect(tiles[0]?.sizeNote).toBe('exact');
    expect(tiles[1]).toMatchObject({ size: floor, sizeNote: 'floored', marketCap: 1e8 });
  });

  it('merges changes into the same tile objects', () => {
    const tiles = buildTiles([row('A'), row('B')]);
    const before = tiles[0];
    const n = mergeChanges(indexTiles(tiles), [change('A')]);

    expect(n).toBe(1);
    expect(tiles[0]).toBe(before);
    expect(tiles[0]?.changePercent).toBe(10);
    expect(tiles[1]?.changePercent).toBe(0);
  });

  it('keeps the layout size when the market cap moves', () => {
    const tiles = buildTiles([row('A')]);
    mergeChanges(indexTiles(tiles), [change('A', { marketCap: 300e9 })]);
    expect(tiles[0]?.size).toBe(100e9);
    expect(tiles[0]?.marketCap).toBe(300e9);
  });

  it('never replaces a newer quote with an older one', () => {
    const tiles = buildTiles([row('A', { updatedAt: '2026-08-07T15:00:00Z', changePercent: 1 })]);
    const n = mergeChanges(indexTiles(tiles), [change('A', { updatedAt: '2026-08-07T14:59:00Z' })]);
    expect(n).toBe(0);
    expect(tiles[0]?.changePercent).toBe(1);
  });

  it('ignores symbols outside the current set', () => {
    const tiles = buildTiles([row('A')]);
    expect(mergeChanges(indexTiles(tiles), [change('ZZZ')])).toBe(0);
  });

  it('takes the status and reason of a change, and clears a reason that went away', () => {
    const tiles = buildTiles([row('A')]);
    const index = indexTiles(tiles);
    const halted = change('A', { status: 'missing', changePercent: null, reason: 'halted' });
    mergeChanges(index, [halted]);
    expect(tiles[0]).toMatchObject({ status: 'missing', changePercent: null, reason: 'halted' });

    mergeChanges(index, [change('A', { updatedAt: '2026-08-07T14:00:02Z' })]);
    expect(tiles[0]?.status).toBe('live');
    expect(tiles[0]?.reason).toBeUndefined();
  });

  it('recognises a snapshot of the same symbols', () => {
    const tiles = buildTiles([row('A'), row('B')]);
    expect(sameSymbols(tiles, [row('B'), row('A')])).toBe(true);
    expect(sameSymbols(tiles, [row('A')])).toBe(false);
    expect(sameSymbols(tiles, [row('A'), row('C')])).toBe(false);
  });

  it('counts live, stale and missing tiles', () => {
    const tiles = buildTiles([
      row('A'),
      row('B', { status: 'stale' }),
      row('C', { status: 'missing' }),
    ]);
    expect(countStatuses(tiles)).toEqual({ live: 1, delayed: 0, stale: 1, missing: 1, closed: 0 });
  });

  it("counts tiles by the engine's typed status, never by the reason's wording", () => {
    const tiles = buildTiles([
      row('A', { status: 'closed', closedSessionDate: '2026-11-27' }),
      row('B', { status: 'stale', reason: 'last good quote 16:00 ET — market closed' }),
      row('C', { status: 'delayed', delayedByMinutes: 15 }),
    ]);
    expect(countStatuses(tiles)).toEqual({ live: 0, delayed: 1, stale: 1, missing: 0, closed: 1 });
  });

  it('drops the closed session date when a change says the tile is live again', () => {
    const tiles = buildTiles([row('A', { status: 'closed', closedSessionDate: '2026-11-27' })]);

    mergeChanges(indexTiles(tiles), [change('A', { status: 'live' })]);

    expect(tiles[0]!.status).toBe('live');
    expect(tiles[0]).not.toHaveProperty('closedSessionDate');
  });

  it('copies the time-frame performance of a live change, so 1w–1y colours refresh', () => {
    const perf = { '1d': 1, '1w': 2, '1m': 3, '3m': 4, ytd: 5, '1y': 6 };
    const tiles = buildTiles([row('A', { performance: perf })]);
    const moved = { ...perf, '1w': 7.5, '1y': -2 };

    expect(mergeChanges(indexTiles(tiles), [change('A', { performance: moved })])).toBe(1);
    expect(tiles[0]!.performance).toEqual(moved);
  });

  it('keeps the performance it has when a change carries none', () => {
    const perf = { '1d': 1, '1w': 2, '1m': 3, '3m': 4, ytd: 5, '1y': 6 };
    const tiles = buildTiles([row('A', { performance: perf })]);

    mergeChanges(indexTiles(tiles), [change('A')]);
    expect(tiles[0]!.performance).toEqual(perf);
  });

  it('does not take the performance of a change older than the quote held', () => {
    const perf = { '1d': 1, '1w': 2, '1m': 3, '3m': 4, ytd: 5, '1y': 6 };
    const tiles = buildTiles([row('A', { performance: perf })]);
    const old = change('A', {
      updatedAt: '2026-08-07T13:59:00Z',
      performance: { ...perf, '1w': 99 },
    });

    mergeChanges(indexTiles(tiles), [old]);
    expect(tiles[0]!.performance?.['1w']).toBe(2);
  });

  it('lists distinct sectors and categories for the filters', () => {
    const rows = [row('A'), row('B', { sector: 'Utilities', categories: ['dow30', 'stock'] })];
    expect(distinctValues(rows, 'sector')).toEqual(['Energy', 'Utilities']);
    expect(distinctValues(rows, 'categories')).toEqual(['dow30', 'sp500', 'stock']);
  });
});
