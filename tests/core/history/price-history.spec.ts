import { describe, expect, it } from 'vitest';

import {
  HISTORY_CAPACITY,
  MIN_SPACING_MS,
  PriceHistory,
} from '../../../src-main/core/history/price-history.js';

const T0 = Date.parse('2026-08-07T14:00:00Z');

describe('PriceHistory', () => {
  it('keeps the newest points, oldest first, once the ring is full', () => {
    const history = new PriceHistory();
    for (let i = 0; i < HISTORY_CAPACITY + 10; i += 1) {
      history.record('AAPL', '2026-08-07', T0 + i * MIN_SPACING_MS, 100 + i);
    }

    const points = history.points('AAPL');

    expect(points).toHaveLength(HISTORY_CAPACITY);
    expect(points[0]?.price).toBe(110);
    expect(points.at(-1)?.price).toBe(100 + HISTORY_CAPACITY + 9);
  });

  it('drops points closer than the spacing and clears on a new session', () => {
    const history = new PriceHistory();
    history.record('AAPL', 'd1', T0, 1);
    history.record('AAPL', 'd1', T0 + MIN_SPACING_MS - 1, 2);
    history.record('AAPL', 'd2', T0 + 10 * MIN_SPACING_MS, 3);

    expect(history.points('AAPL').map((p) => p.price)).toEqual([3]);
    expect(history.points('MSFT')).toEqual([]);
  });

  it('holds about 4 KB of price data per symbol (measured)', () => {
    const history = new PriceHistory();
    const before = process.memoryUsage().arrayBuffers;
    for (let s = 0; s < 650; s += 1) history.record(`S${s}`, 'd', T0, 1);
    const measured = (process.memoryUsage().arrayBuffers - before) / 650;

    expect(history.bytes() / 650).toBe(4096);
    // Typed arrays this small live in V8's heap or a pooled buffer, so the external count may
    // stay flat; when it moves, it moves by about the payload.
    expect(measured).toBeLessThan(8 * 1024);
  });
});
