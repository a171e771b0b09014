import { describe, expect, it } from 'vitest';

import { compileFilter } from '../../../src-main/core/filter/compile-filter.js';
import type { StockRow } from '../../../src-main/shared/api-types.js';

function stock(overrides: Partial<StockRow> = {}): StockRow {
  return {
    symbol: 'XOM',
    name: 'Exxon Mobil',
    sector: 'Energy',
    industry: 'Integrated Oil & Gas',
    categories: ['sp500', 'stock'],
    marketCap: 450e9,
    price: 110,
    previousClose: 100,
    change: 10,
    changePercent: 10,
    volume: null,
    updatedAt: '2026-08-07T15:00:00.000Z',
    status: 'live',
    performance: { '1d': 10, '1w': -3, '1m': 4, '3m': null, ytd: null, '1y': null },
    ...overrides,
  };
}

function matches(expression: string, row: StockRow): boolean {
  const result = compileFilter(expression);
  if (!result.ok) throw new Error(result.error.message);
  return result.filter.test(row);
}

describe('compiled filters', () => {
  it('match the examples of the issue', () => {
    expect(matches('changePercent > 2 and marketCap > 100e9', stock())).toBe(true);
    expect(matches('changePercent > 2 and marketCap > 500B', stock())).toBe(false);
    expect(matches('sector = "Energy" or symbol in ("AAPL","MSFT")', stock())).toBe(true);
    expect(
      matches(
        'sector = "Energy" or symbol in ("AAPL","MSFT")',
        stock({ sector: 'IT', symbol: 'MSFT' }),
      ),
    ).toBe(true);
    expect(matches('not (price < 10)', stock())).toBe(true);
  });

  it('compare text case-insensitively', () => {
    expect(matches('sector = "energy"', stock())).toBe(true);
    expect(matches('name contains "MOBIL"', stock())).toBe(true);
    expect(matches('symbol not in ("xom")', stock())).toBe(false);
  });

  it('read the time-frame fields from performance', () => {
    expect(matches('change1w < 0 and change1m > 3', stock())).toBe(true);
    expect(matches('change1d = 10', stock())).toBe(true);
  });

  it('never match a comparison with a missing value, even negated', () => {
    const missing = stock({ price: null, changePercent: null, status: 'missing' });

    expect(matches('price < 10', missing)).toBe(false);
    expect(matches('price >= 10', missing)).toBe(false);
    expect(matches('not (price < 10)', missing)).toBe(false);
    expect(matches('price != 5', missing)).toBe(false);
    expect(matches('change3m > 0', stock())).toBe(false);
    expect(matches('not (change3m > 0)', stock())).toBe(false);
  });

  it('let a definite side decide and/or when the other is unknown', () => {
    const missing = stock({ price: null });

    expect(matches('price > 1 or sector = "Energy"', missing)).toBe(true);
    expect(matches('price > 1 and sector = "Energy"', missing)).toBe(false);
    expect(matches('not (price > 1 and sector = "Utilities")', missing)).toBe(true);
  });

  it('treat a row without performance as unknown for the time frames', () => {
    const { performance: _unused, ...bare } = stock();

    expect(matches('change1w < 100', bare)).toBe(false);
  });

  it('select missing rows by status', () => {
    expect(matches('status = "missing"', stock({ status: 'missing' }))).toBe(true);
  });

  it("selects the last session's closes and delayed quotes by status", () => {
    expect(matches('status = "closed"', stock({ status: 'closed' }))).toBe(true);
    expect(matches('status = "closed"', stock({ status: 'stale' }))).toBe(false);
    expect(matches('status = "delayed"', stock({ status: 'delayed' }))).toBe(true);
  });
});
