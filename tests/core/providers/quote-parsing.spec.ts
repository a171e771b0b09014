import { describe, expect, it } from 'vitest';

import { buildQuote, type QuoteFields } from '../../../src-main/core/providers/build-quote.js';
import {
  impliedPreviousClose,
  parseDecimal,
  parsePercent,
} from '../../../src-main/core/providers/numeric-strings.js';

describe('parseDecimal', () => {
  it.each([
    ['187.42000', 187.42],
    ['-1.58000', -1.58],
    ['41233890', 41_233_890],
    [12.5, 12.5],
    ['1e3', 1000],
  ])('reads %j as %d', (input, expected) => {
    expect(parseDecimal(input)).toBe(expected);
  });

  it.each(['', '  ', 'None', 'NaN', '1,234', '12abc', null, undefined, {}, Number.NaN, Infinity])(
    'gives null, never 0, for %j',
    (input) => {
      expect(parseDecimal(input)).toBeNull();
    },
  );
});

describe('parsePercent', () => {
  it('strips the % sign Alpha Vantage sends and reads plain percent strings alike', () => {
    expect(parsePercent('-0.5852%')).toBe(-0.5852);
    expect(parsePercent('0.8451')).toBe(0.8451);
    expect(parsePercent('%')).toBeNull();
  });
});

describe('impliedPreviousClose', () => {
  it('derives the close from price and percent change', () => {
    expect(impliedPreviousClose(101, 1)).toBeCloseTo(100, 10);
  });

  it('gives null for −100 % or no change figure', () => {
    expect(impliedPreviousClose(1, -100)).toBeNull();
    expect(impliedPreviousClose(1, null)).toBeNull();
  });
});

describe('buildQuote', () => {
  const base: QuoteFields = {
    symbol: 'AAPL',
    price: 187.42,
    previousClose: 189,
    changePercent: -0.836,
    volume: 100,
    marketCap: 0,
    timestamp: 1_000,
  };

  it('builds a quote and drops a zero market cap to null', () => {
    expect(buildQuote(base, 2_000)).toEqual({
      ok: true,
      quote: {
        symbol: 'AAPL',
        price: 187.42,
        previousClose: 189,
        volume: 100,
        marketCap: null,
        timestamp: 1_000,
        receivedAt: 2_000,
      },
    });
  });

  it.each([0, null, -1])('refuses a price of %j', (price) => {
    expect(buildQuote({ ...base, price }, 2_000).ok).toBe(false);
  });

  it('refuses a record without a timestamp', () => {
    expect(buildQuote({ ...base, timestamp: null }, 2_000).ok).toBe(false);
  });

  it('never keeps a previous close of 0 (a −100 % tile); it implies one from the change instead', () => {
    const outcome = buildQuote({ ...base, price: 101, previousClose: 0, changePercent: 1 }, 2_000);
    expect(outcome.ok && outcome.quote.previousClose).toBeCloseTo(100, 10);

    const none = buildQuote({ ...base, previousClose: 0, changePercent: null }, 2_000);
    expect(none.ok && none.quote.previousClose).toBeNull();
  });

  it('caps a timestamp from the future at the arrival time', () => {
    const outcome = buildQuote({ ...base, timestamp: 9_000 }, 2_000);
    expect(outcome.ok && outcome.quote.timestamp).toBe(2_000);
  });
});
