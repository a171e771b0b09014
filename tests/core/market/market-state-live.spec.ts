/** The market state's live-provider parts: stream ticks, provider switches, stale reasons. */
import { describe, expect, it } from 'vitest';

import type { Instrument, Quote } from '../../../src-main/core/domain/types.js';
import { MarketState } from '../../../src-main/core/market/market-state.js';
import { FakeClock } from '../helpers/fake-clock.js';

/** 14:31 ET. */
const T0 = Date.parse('2026-11-25T19:31:00Z');

const instrument = (symbol: string): Instrument => ({
  symbol,
  name: symbol,
  sector: 'Energy',
  industry: 'Oil',
  categories: ['sp500', 'stock'],
  assetType: 'stock',
  marketCap: 1e9,
});

const quote = (price: number, timestamp: number): Quote => ({
  symbol: 'XOM',
  price,
  previousClose: 100,
  volume: 5_000,
  marketCap: 4e11,
  timestamp,
  receivedAt: timestamp,
});

function setup() {
  const clock = new FakeClock(T0);
  const state = new MarketState({ instruments: [instrument('XOM')], clock, staleAfterMs: 60_000 });
  return { clock, state };
}

describe('MarketState with a live provider', () => {
  it('merges a newer trade into the last quote and keeps previous close, volume and cap', () => {
    const { state } = setup();
    state.apply([quote(110, T0)]);

    state.applyTicks([
      { symbol: 'XOM', price: 111, size: 10, timestamp: T0 + 5, receivedAt: T0 + 6 },
    ]);
    state.applyTicks([
      { symbol: 'XOM', price: 90, size: 10, timestamp: T0 + 1, receivedAt: T0 + 7 },
    ]);

    expect(state.rows()[0]).toMatchObject({
      price: 111,
      previousClose: 100,
      volume: 5_000,
      marketCap: 4e11,
      change: 11,
    });
  });

  it('drops a trade for a symbol with no quote yet (a trade knows no previous close)', () => {
    const { state } = setup();

    expect(
      state.applyTicks([{ symbol: 'XOM', price: 111, size: 1, timestamp: T0, receivedAt: T0 }]),
    ).toEqual([]);
  });

  it('keeps newer-wins across a live switch, but lets any quote replace simulated ones', () => {
    const live = setup().state;
    live.setSource('Finnhub');
    live.apply([quote(110, T0)]);
    live.markHeld((from) => `last good data from ${from}, waiting for Alpaca`, {
      replaceable: false,
    });
    live.apply([quote(90, T0 - 60_000)]);

    const fromReplay = setup().state;
    fromReplay.apply([quote(110, T0)]);
    fromReplay.markHeld((from) => `last good data from ${from}`, { replaceable: true });
    fromReplay.apply([quote(90, T0 - 60_000)]);

    expect(live.rows()[0]).toMatchObject({
      price: 110,
      status: 'stale',
      reason: 'last good data from Finnhub, waiting for Alpaca',
    });
    expect(fromReplay.rows()[0]?.price).toBe(90);
  });

  it('labels each held quote by the provider it came from, even after two switches', () => {
    const { state } = setup();
    state.setSource('Finnhub');
    state.apply([quote(110, T0)]);
    state.markHeld((from) => `last good data from ${from}, waiting for Alpaca`, {
      replaceable: false,
    });
    state.setSource('Alpaca');

    // Alpaca sent nothing for XOM before the next switch: the quote is still Finnhub's.
    state.markHeld((from) => `last good data from ${from}, waiting for Polygon`, {
      replaceable: false,
    });

    expect(state.rows()[0]).toMatchObject({
      price: 110,
      status: 'stale',
      reason: 'last good data from Finnhub, waiting for Polygon',
    });
  });

  it('labels a quote by the provider whose trade moved it last', () => {
    const { state } = setup();
    state.setSource('Replay');
    state.apply([quote(110, T0)]);
    state.setSource('Finnhub');
    state.applyTicks([
      { symbol: 'XOM', price: 111, size: 1, timestamp: T0 + 5, receivedAt: T0 + 6 },
    ]);

    state.markHeld((from) => `last good data from ${from}`, { replaceable: false });

    expect(state.rows()[0]?.reason).toBe('last good data from Finnhub');
  });

  it('shows the last good quote time and the condition on stale tiles', () => {
    const { state, clock } = setup();
    state.apply([quote(110, T0)]);
    clock.advance(5 * 60_000);

    state.setCondition('rate limited');

    expect(state.rows()[0]).toMatchObject({
      status: 'stale',
      reason: 'last good quote 14:31 ET — rate limited',
    });
  });
});
