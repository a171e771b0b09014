/**
 * A small fake of the engine for HTTP tests: six stocks in three sectors, a fixed source, and
 * `emit` to push a change batch to subscribers as the real engine would.
 */
import { vi } from 'vitest';

import type {
  ChangeBatch,
  Engine,
  KeyTestResult,
  ProviderSettings,
  StockQuery,
} from '../../src-main/core/engine-types.js';
import type {
  HealthResponse,
  ProviderHealth,
  QuoteChange,
  SourceInfo,
  StockRow,
  StocksResponse,
} from '../../src-main/shared/api-types.js';

export const FAKE_SOURCE: SourceInfo = {
  provider: 'replay',
  mode: 'replay',
  label: 'Replay of 2026-08-07 closes (fake)',
};

const AS_OF = '2026-08-07T15:00:00.000Z';

export const FAKE_PROVIDER_STATE: ProviderHealth = {
  state: 'ok',
  message: 'Playing the embedded replay.',
  retryAt: null,
  callsToday: 0,
  callsLeftToday: null,
  fullRefreshSeconds: null,
  limitations: [],
};

function row(symbol: string, sector: string, categories: string[], price: number | null): StockRow {
  return {
    symbol,
    name: `${symbol} Inc.`,
    sector,
    industry: `${sector} industry`,
    categories,
    marketCap: price === null ? null : price * 1e9,
    price,
    previousClose: price === null ? null : price - 1,
    change: price === null ? null : 1,
    changePercent: price === null ? null : 100 / (price - 1),
    volume: 1000,
    updatedAt: price === null ? null : AS_OF,
    status: price === null ? 'missing' : 'live',
  };
}

export const FAKE_STOCKS: readonly StockRow[] = [
  row('AAPL', 'Information Technology', ['dow30', 'nasdaq100', 'sp500', 'stock'], 200),
  row('MSFT', 'Information Technology', ['dow30', 'nasdaq100', 'sp500', 'stock'], 400),
  row('JPM', 'Financials', ['dow30', 'sp500', 'stock'], 150),
  row('BRK.B', 'Financials', ['sp500', 'stock'], 450),
  row('XOM', 'Energy', ['sp500', 'stock'], 110),
  row('CVX', 'Energy', ['sp500', 'stock'], null),
];

/** A change for one symbol, for `emit`. */
export function fakeChange(symbol: string, price: number): QuoteChange {
  return {
    symbol,
    price,
    previousClose: price - 1,
    change: 1,
    changePercent: 100 / (price - 1),
    volume: 2000,
    marketCap: price * 1e9,
    updatedAt: AS_OF,
    status: 'live',
  };
}

function matches(stock: StockRow, query: StockQuery): boolean {
  const sectorOk = query.sectors.length === 0 || query.sectors.includes(stock.sector);
  const categoryOk =
    query.categories.length === 0 || query.categories.some((c) => stock.categories.includes(c));
  return sectorOk && categoryOk;
}

export class FakeEngine implements Engine {
  readonly listeners = new Set<(batch: ChangeBatch) => void>();

  sectors = vi.fn(() => [...new Set(FAKE_STOCKS.map((s) => s.sector))].sort());

  categories = vi.fn(() => [...new Set(FAKE_STOCKS.flatMap((s) => s.categories))].sort());

  stocks = vi.fn((query: StockQuery): StocksResponse => ({
    asOf: AS_OF,
    source: FAKE_SOURCE,
    stocks: FAKE_STOCKS.filter((stock) => matches(stock, query)),
  }));

  health = vi.fn((): HealthResponse => ({
    status: 'ok',
    provider: 'replay',
    mode: 'replay',
    source: FAKE_SOURCE,
    lastUpdate: AS_OF,
    counts: { live: 5, stale: 0, missing: 1 },
    providerState: FAKE_PROVIDER_STATE,
    uptimeSeconds: 1,
    version: '0.0.0-test',
  }));

  onChanges = vi.fn((listener: (batch: ChangeBatch) => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  });

  configureProvider = vi.fn(async (_settings: ProviderSettings) => undefined);

  testKey = vi.fn(async (_settings: ProviderSettings): Promise<KeyTestResult> => ({
    ok: true,
    detail: 'fake',
  }));

  /** Symbol lists registered by `watch` and not yet released. */
  readonly watched = new Set<readonly string[]>();

  watch = vi.fn((symbols: readonly string[]) => {
    this.watched.add(symbols);
    return () => {
      this.watched.delete(symbols);
    };
  });

  start = vi.fn(async () => undefined);

  stop = vi.fn(async () => undefined);

  /** Pushes one batch of changes to every subscriber. */
  emit(changes: QuoteChange[]): void {
    const batch: ChangeBatch = { asOf: AS_OF, source: FAKE_SOURCE, changes };
    for (const listener of this.listeners) listener(batch);
  }
}
