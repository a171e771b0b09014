import { describe, expect, it } from 'vitest';

import { summarizeBreadth } from '../../../src-main/core/summary/breadth.js';
import type { StockRow } from '../../../src-main/shared/api-types.js';

function row(
  symbol: string,
  sector: string,
  cap: number | null,
  change: number | null,
  week: number | null = null,
): StockRow {
  return {
    symbol,
    name: symbol,
    sector,
    industry: 'x',
    categories: ['sp500'],
    marketCap: cap,
    price: change === null ? null : 100,
    previousClose: 100,
    change,
    changePercent: change,
    volume: null,
    updatedAt: null,
    status: change === null ? 'missing' : 'live',
    performance: { '1d': change, '1w': week, '1m': null, '3m': null, ytd: null, '1y': null },
  };
}

describe('summarizeBreadth', () => {
  const rows = [
    row('A', 'Tech', 300, 2, 10),
    row('B', 'Tech', 100, -2, -10),
    row('C', 'Energy', 50, 0, 5),
    row('D', 'Energy', null, 1, null),
    row('E', 'Energy', 80, null),
  ];

  it('counts advancers, decliners, unchanged and missing', () => {
    expect(summarizeBreadth(rows, '1d')).toMatchObject({
      advancers: 2,
      decliners: 1,
      unchanged: 1,
      missing: 1,
    });
  });

  it('weights each sector and the whole by market cap, leaving capless rows out of the average', () => {
    const summary = summarizeBreadth(rows, '1d');

    expect(summary.changePercent).toBeCloseTo((300 * 2 + 100 * -2 + 50 * 0) / 450, 12);
    expect(summary.sectors.map((s) => s.sector)).toEqual(['Tech', 'Energy']);
    expect(summary.sectors[0]).toMatchObject({
      changePercent: 1,
      marketCap: 400,
      advancers: 1,
      decliners: 1,
    });
    expect(summary.sectors[1]).toMatchObject({
      changePercent: 0,
      marketCap: 50,
      advancers: 1,
      unchanged: 1,
      missing: 1,
    });
  });

  it('uses the time frame asked for and counts rows without it as missing', () => {
    const summary = summarizeBreadth(rows, '1w');

    expect(summary).toMatchObject({ advancers: 2, decliners: 1, unchanged: 0, missing: 2 });
    expect(summary.changePercent).toBeCloseTo((300 * 10 - 100 * 10 + 50 * 5) / 450, 12);
  });

  it('gives null changes for an empty selection', () => {
    expect(summarizeBreadth([], '1d')).toEqual({
      advancers: 0,
      decliners: 0,
      unchanged: 0,
      missing: 0,
      changePercent: null,
      sectors: [],
    });
  });
});
