/**
 * A tiny market for alert and summary tests: rows whose price and change a test sets, behind
 * the slice of the Engine the alert monitor uses.
 */
import type { ChangeBatch, Engine } from '../../../src-main/core/engine-types.js';
import type { StockRow } from '../../../src-main/shared/api-types.js';

export function stockRow(
  symbol: string,
  sector: string,
  marketCap: number | null,
  changePercent: number | null,
  price: number | null = 100,
): StockRow {
  return {
    symbol,
    name: `${symbol} Inc.`,
    sector,
    industry: `${sector} industry`,
    categories: ['sp500', 'stock'],
    marketCap,
    price,
    previousClose: price,
    change: null,
    changePercent,
    volume: null,
    updatedAt: '2026-08-07T15:00:00.000Z',
    status: price === null ? 'missing' : 'live',
  };
}

export class TestMarket implements Pick<Engine, 'stocks' | 'onChanges' | 'sectors'> {
  readonly listeners = new Set<(batch: ChangeBatch) => void>();
  rows: StockRow[] = [
    stockRow('AAPL', 'Information Technology', 3e12, 0.5, 200),
    stockRow('MSFT', 'Information Technology', 3e12, -0.5, 400),
    stockRow('JPM', 'Financials', 5e11, 1, 150),
    stockRow('XOM', 'Energy', 4e11, -2, 110),
  ];

  sectors = (): string[] => [...new Set(this.rows.map((r) => r.sector))].sort();

  stocks: Engine['stocks'] = () => ({
    asOf: '2026-08-07T15:00:00.000Z',
    source: { provider: 'replay', mode: 'replay', label: 'test' },
    stocks: this.rows.map((r) => ({ ...r })),
  });

  onChanges = (listener: (batch: ChangeBatch) => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes one symbol's price and/or % change. */
  set(symbol: string, changes: Partial<Pick<StockRow, 'price' | 'changePercent'>>): void {
    this.rows = this.rows.map((r) => (r.symbol === symbol ? { ...r, ...changes } : r));
  }

  emit(): void {
    const batch: ChangeBatch = {
      asOf: '2026-08-07T15:00:00.000Z',
      source: { provider: 'replay', mode: 'replay', label: 'test' },
      changes: [],
    };
    for (const listener of this.listeners) listener(batch);
  }
}
