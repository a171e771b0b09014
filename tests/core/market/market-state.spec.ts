import { describe, expect, it, vi } from 'vitest';

import type { Instrument, Quote } from '../../../src-main/core/domain/types.js';
import { MarketState } from '../../../src-main/core/market/market-state.js';
import { FakeClock } from '../helpers/fake-clock.js';

const T0 = Date.parse('2026-08-07T14:00:00Z');
const STALE_AFTER = 10_000;

function instrument(symbol: string, marketCap: number | null = 1e9): Instrument {
  return {
    symbol,
    name: `${symbol} Inc.`,
    sector: 'Information Technology',
    industry: 'Software',
    categories: ['sp500', 'stock'],
    assetType: 'stock',
    marketCap,
  };
}

function quote(
  symbol: string,
  price: number,
  timestamp: number,
  previousClose: number | null = 100,
): Quote {
  return {
    symbol,
    price,
    previousClose,
    volume: null,
    marketCap: null,
    timestamp,
    receivedAt: timestamp,
  };
}

function setup(): { state: MarketState; clock: FakeClock } {
  const clock = new FakeClock(T0);
  const state = new MarketState({
    instruments: [instrument('AAA'), instrument('BBB'), instrument('CCC', null)],
    clock,
    staleAfterMs: STALE_AFTER,
  });
  return { state, clock };
}

describe('MarketState', () => {
  it('never lets an older quote replace a newer one', () => {
    const { state } = setup();

    state.apply([quote('AAA', 110, T0)]);
    const changed = state.apply([quote('AAA', 90, T0 - 1)]);

    expect(changed).toEqual([]);
    expect(state.rows()[0]?.price).toBe(110);
  });

  it('replaces a quote with a newer one and computes change from the previous close', () => {
    const { state } = setup();

    state.apply([quote('AAA', 110, T0)]);
    state.apply([quote('AAA', 105, T0 + 1)]);

    expect(state.rows()[0]).toMatchObject({
      price: 105,
      change: 5,
      changePercent: 5,
      status: 'live',
    });
  });

  it('gives null change, never 0 or NaN, when the previous close is null or 0', () => {
    const { state } = setup();

    state.apply([quote('AAA', 110, T0, null), quote('BBB', 110, T0, 0)]);
    const [a, b, c] = state.rows();

    expect(a).toMatchObject({ change: null, changePercent: null, volume: null });
    expect(b).toMatchObject({ change: null, changePercent: null });
    expect(c).toMatchObject({ price: null, marketCap: null, updatedAt: null, status: 'missing' });
  });

  it('marks a quote stale once it is older than the configured age, and says why', () => {
    const { state, clock } = setup();
    state.apply([quote('AAA', 110, T0)]);

    clock.advance(STALE_AFTER + 1);

    expect(state.status('AAA')).toEqual({ status: 'stale', reason: 'no update for 10 s' });
  });

  it('says a long silence in words, not seconds', () => {
    const { state, clock } = setup();
    state.apply([quote('AAA', 110, T0)]);

    clock.advance(759_854_000);

    expect(state.status('AAA')).toEqual({ status: 'stale', reason: 'no update for 8 days' });
  });

  it('reports missing symbols with the provider reason and keeps their universe cap', () => {
    const { state } = setup();
    state.apply([quote('BBB', 110, T0)]);

    state.markMissing([{ symbol: 'BBB', reason: 'no close in the replay data for 2026-08-07' }]);

    expect(state.rows()[1]).toMatchObject({
      status: 'missing',
      reason: 'no close in the replay data for 2026-08-07',
      price: null,
      marketCap: 1e9,
    });
    expect(state.counts()).toEqual({ live: 0, delayed: 0, stale: 0, missing: 3, closed: 0 });
  });

  it('emits only the symbols that changed', () => {
    const { state } = setup();
    const listener = vi.fn();
    state.onChange(listener);
    state.apply([quote('AAA', 110, T0), quote('BBB', 120, T0)]);
    listener.mockClear();

    state.apply([quote('AAA', 111, T0 + 1), quote('BBB', 119, T0 - 5)]);

    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]?.[0].map((c: { symbol: string }) => c.symbol)).toEqual(['AAA']);
  });

  it('emits a change when a quote turns stale with time, once', () => {
    const { state, clock } = setup();
    state.apply([quote('AAA', 110, T0)]);
    const listener = vi.fn();
    state.onChange(listener);

    clock.advance(STALE_AFTER + 1);
    state.sweep();
    state.sweep();

    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]?.[0][0]).toMatchObject({ symbol: 'AAA', status: 'stale' });
  });

  it('keeps restored quotes stale with their reason until a fresh quote arrives', () => {
    const { state } = setup();

    state.restore(
      [quote('AAA', 99, T0 - 60_000)],
      'restored from the snapshot of 2026-08-07T13:59:00.000Z',
    );
    const restored = state.status('AAA');
    state.apply([quote('AAA', 101, T0)]);

    expect(restored).toEqual({
      status: 'stale',
      reason: 'restored from the snapshot of 2026-08-07T13:59:00.000Z',
    });
    expect(state.status('AAA')).toEqual({ status: 'live' });
    expect(state.lastUpdate()).toBe(T0);
  });

  it("adds the provider's current problem to a restored quote's reason", () => {
    const { state } = setup();
    state.restore([quote('AAA', 99, T0 - 60_000)], 'restored from the snapshot of Aug 7, 09:59 ET');

    state.setCondition('the provider refused the key');

    expect(state.status('AAA')).toEqual({
      status: 'stale',
      reason: 'restored from the snapshot of Aug 7, 09:59 ET — the provider refused the key',
    });
  });

  it('ignores quotes for symbols outside the universe', () => {
    const { state } = setup();

    expect(state.apply([quote('ZZZ', 1, T0)])).toEqual([]);
  });
});
