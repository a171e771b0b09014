import type { Tile } from '../../../src-renderer/lib/tiles';

/** A tile with plausible defaults; override what the test is about. */
export function makeTile(over: Partial<Tile> & { symbol: string }): Tile {
  return {
    name: `${over.symbol} Inc.`,
    sector: 'Information Technology',
    industry: 'Software',
    categories: ['sp500', 'stock'],
    marketCap: 1e11,
    price: 100,
    previousClose: 99,
    change: 1,
    changePercent: 1.01,
    volume: 1_000_000,
    updatedAt: '2026-08-07T15:00:00Z',
    status: 'live',
    size: over.marketCap ?? 1e11,
    sizeNote: 'exact',
    ...over,
  };
}
