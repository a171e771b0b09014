/**
 * Universe quotes (universe-quotes.ts) written in each provider's wire format, field for field
 * as ../shared/PROVIDERS.md and the recorded fixtures show them: numbers or strings, units
 * (seconds, milliseconds, nanoseconds, `%` strings), zone-less US Eastern times. `at` is the
 * time of the last trade in epoch ms; the mocks pass the request time for a live session.
 * Pure functions, so the benchmark's mocks could use them with a virtual clock.
 */
import { toNewYorkTime } from '../../../src-main/core/market/new-york-time.js';
import { cents, changeOf, type UniverseQuote } from './universe-quotes.js';

const NS_PER_MS = 1_000_000n;
/**
 * 16:00 New York on the last recorded session (2026-08-21): when the closed-market cases say
 * the last trade happened.
 */
export const LAST_SESSION_CLOSE_MS = Date.parse('2026-08-21T20:00:00Z');
const MS_PER_DAY = 86_400_000;

/** New York wall time of an instant: date `YYYY-MM-DD`, time `HH:MM:SS`, UTC offset in hours. */
export function newYork(at: number): { date: string; time: string; offsetHours: number } {
  const { date, minuteOfDay } = toNewYorkTime(at);
  // New York's offset is whole minutes: the seconds are the instant's own.
  const seconds = Math.floor(at / 1000) % 60;
  const time = [Math.floor(minuteOfDay / 60), minuteOfDay % 60, seconds]
    .map((n) => String(n).padStart(2, '0'))
    .join(':');
  const wallAsUtc = Date.parse(`${date}T${time}Z`);
  return { date, time, offsetHours: Math.round((at - wallAsUtc) / 3_600_000) };
}

/** The weekday before a `YYYY-MM-DD` date (holidays are not skipped). */
function previousWeekday(date: string): string {
  let day = Date.parse(`${date}T12:00:00Z`) - MS_PER_DAY;
  while ([0, 6].includes(new Date(day).getUTCDay())) day -= MS_PER_DAY;
  return new Date(day).toISOString().slice(0, 10);
}

/** Midnight New York of a date, in UTC (Alpaca's daily bar time). */
function newYorkMidnightUtc(date: string, offsetHours: number): string {
  return `${date}T${String(offsetHours).padStart(2, '0')}:00:00Z`;
}

/** Fixed decimals, as the string-typed providers send numbers. */
const fixed = (value: number, digits: number): string => value.toFixed(digits);
const round = (value: number, digits: number): number => Number(value.toFixed(digits));
const seconds = (at: number): number => Math.floor(at / 1000);
const isNasdaq = (q: UniverseQuote): boolean => q.categories.includes('nasdaq100');

/** Finnhub `/quote`: all numbers, `dp` in percent, `t` in epoch seconds. */
export function finnhubQuote(q: UniverseQuote, at: number): Record<string, number> {
  const { change, percent } = changeOf(q);
  return {
    c: q.price,
    d: cents(change),
    dp: round(percent, 4),
    h: q.high,
    l: q.low,
    o: q.open,
    pc: q.previousClose,
    t: seconds(at),
  };
}

/** Finnhub `/stock/profile2`: caps and shares in millions; `{}` for funds (no fundamentals). */
export function finnhubProfile(q: UniverseQuote, ticker: string): Record<string, unknown> {
  if (q.assetType === 'etf' || q.marketCap === null) return {};
  return {
    country: 'US',
    currency: 'USD',
    estimateCurrency: 'USD',
    exchange: isNasdaq(q) ? 'NASDAQ NMS - GLOBAL MARKET' : 'NEW YORK STOCK EXCHANGE, INC.',
    finnhubIndustry: 'N/A',
    ipo: '',
    logo: '',
    marketCapitalization: round(q.marketCap / 1e6, 2),
    name: q.name,
    phone: '',
    shareOutstanding: round(q.marketCap / q.price / 1e6, 2),
    ticker,
    weburl: '',
  };
}

/** Alpaca snapshot: RFC 3339 UTC times with nanoseconds, daily bars at New York midnight. */
export function alpacaSnapshot(q: UniverseQuote, at: number): Record<string, unknown> {
  const { date, offsetHours } = newYork(at);
  const iso = new Date(at).toISOString();
  const nanos = iso.replace(/Z$/, `${String(q.volume % 1_000_000).padStart(6, '0')}Z`);
  const minute = `${iso.slice(0, 16)}:00Z`;
  const bar = (o: number, c: number, t: string) => ({
    t,
    o,
    h: cents(Math.max(o, c) * 1.004),
    l: cents(Math.min(o, c) * 0.996),
    c,
    v: q.volume,
    n: Math.floor(q.volume / 60),
    vw: cents((o + c) / 2),
  });
  return {
    latestTrade: { t: nanos, x: 'V', p: q.price, s: 100, c: ['@'], i: q.volume % 90_000, z: 'C' },
    latestQuote: {
      t: nanos,
      ax: 'V',
      ap: cents(q.price * 1.0002),
      as: 2,
      bx: 'V',
      bp: cents(q.price * 0.9998),
      bs: 3,
      c: ['R'],
      z: 'C',
    },
    minuteBar: { ...bar(q.price, q.price, minute), v: 1_000 + (q.volume % 5_000) },
    dailyBar: bar(q.open, q.price, newYorkMidnightUtc(date, offsetHours)),
    prevDailyBar: bar(
      q.previousClose,
      q.previousClose,
      newYorkMidnightUtc(previousWeekday(date), offsetHours),
    ),
  };
}

/** Polygon v2 snapshot ticker: numbers; `updated`/trade/quote `t` in ns, `min.t` in ms. */
export function polygonTicker(
  q: UniverseQuote,
  at: number,
  ticker: string,
): Record<string, unknown> {
  const ns = Number(BigInt(at) * NS_PER_MS);
  const { change, percent } = changeOf(q);
  const day = {
    o: q.open,
    h: q.high,
    l: q.low,
    c: q.price,
    v: q.volume,
    vw: cents((q.open + q.price) / 2),
  };
  return {
    ticker,
    day,
    lastQuote: { P: cents(q.price * 1.0002), S: 2, p: cents(q.price * 0.9998), s: 3, t: ns },
    lastTrade: { c: [14, 41], i: String(q.volume), p: q.price, s: 100, t: ns, x: 4 },
    min: {
      av: q.volume,
      o: q.price,
      h: q.price,
      l: q.price,
      c: q.price,
      v: 1_000,
      vw: q.price,
      n: 10,
      t: Math.floor(at / 60_000) * 60_000,
    },
    prevDay: {
      o: q.previousClose,
      h: q.previousClose,
      l: q.previousClose,
      c: q.previousClose,
      v: q.volume,
      vw: q.previousClose,
    },
    todaysChange: cents(change),
    todaysChangePerc: round(percent, 4),
    updated: ns,
  };
}

/** Twelve Data `/quote`: prices as strings with five decimals, times in epoch seconds. */
export function twelveDataQuote(
  q: UniverseQuote,
  at: number,
  symbol: string,
  marketOpen: boolean,
): Record<string, unknown> {
  const { date, offsetHours } = newYork(at);
  const { change, percent } = changeOf(q);
  const p = (value: number): string => fixed(value, 5);
  const low = cents(Math.min(q.price, q.previousClose) * 0.8);
  const high = cents(Math.max(q.price, q.previousClose) * 1.2);
  return {
    symbol,
    name: q.name,
    exchange: isNasdaq(q) ? 'NASDAQ' : 'NYSE',
    mic_code: isNasdaq(q) ? 'XNAS' : 'XNYS',
    currency: 'USD',
    datetime: date,
    // The 1day bar's open time (09:30 New York), not the last trade.
    timestamp: seconds(Date.parse(`${date}T09:30:00Z`) + offsetHours * 3_600_000),
    last_quote_at: Math.floor(seconds(at) / 60) * 60,
    open: p(q.open),
    high: p(q.high),
    low: p(q.low),
    close: p(q.price),
    volume: String(q.volume),
    previous_close: p(q.previousClose),
    change: p(change),
    percent_change: p(percent),
    average_volume: String(Math.round(q.volume * 1.1)),
    rolling_1d_change: p(percent),
    rolling_7d_change: p(percent * 2),
    rolling_change: p(percent),
    is_market_open: marketOpen,
    fifty_two_week: {
      low: p(low),
      high: p(high),
      low_change: p(q.price - low),
      high_change: p(q.price - high),
      low_change_percent: p(((q.price - low) / low) * 100),
      high_change_percent: p(((q.price - high) / high) * 100),
      range: `${fixed(low, 6)} - ${fixed(high, 6)}`,
    },
  };
}

/** FMP stable `/quote` record: numbers, `changePercentage` in percent, `timestamp` in seconds. */
export function fmpQuote(q: UniverseQuote, at: number, symbol: string): Record<string, unknown> {
  const { change, percent } = changeOf(q);
  return {
    symbol,
    name: q.name,
    price: q.price,
    changePercentage: round(percent, 5),
    change: cents(change),
    volume: q.volume,
    dayLow: q.low,
    dayHigh: q.high,
    yearHigh: cents(Math.max(q.price, q.previousClose) * 1.2),
    yearLow: cents(Math.min(q.price, q.previousClose) * 0.8),
    marketCap: q.marketCap ?? 0,
    priceAvg50: q.previousClose,
    priceAvg200: cents(q.previousClose * 0.97),
    exchange: isNasdaq(q) ? 'NASDAQ' : 'NYSE',
    open: q.open,
    previousClose: q.previousClose,
    timestamp: seconds(at),
  };
}

/** Alpha Vantage GLOBAL_QUOTE: numbered keys, strings with four decimals, `%` in the percent. */
export function alphaVantageGlobalQuote(
  q: UniverseQuote,
  at: number,
  symbol: string,
): Record<string, string> {
  const { change, percent } = changeOf(q);
  return {
    '01. symbol': symbol,
    '02. open': fixed(q.open, 4),
    '03. high': fixed(q.high, 4),
    '04. low': fixed(q.low, 4),
    '05. price': fixed(q.price, 4),
    '06. volume': String(q.volume),
    '07. latest trading day': newYork(at).date,
    '08. previous close': fixed(q.previousClose, 4),
    '09. change': fixed(change, 4),
    '10. change percent': `${fixed(percent, 4)}%`,
  };
}

/** Alpha Vantage REALTIME_BULK_QUOTES row: strings, percent without `%`, zone-less Eastern time. */
export function alphaVantageBulkRow(
  q: UniverseQuote,
  at: number,
  symbol: string,
): Record<string, string> {
  const { date, time } = newYork(at);
  const { change, percent } = changeOf(q);
  return {
    symbol,
    timestamp: `${date} ${time}.${String(at % 1000).padStart(3, '0')}`,
    open: fixed(q.open, 2),
    high: fixed(q.high, 2),
    low: fixed(q.low, 2),
    close: fixed(q.price, 2),
    volume: String(q.volume),
    previous_close: fixed(q.previousClose, 2),
    change: fixed(change, 2),
    change_percent: fixed(percent, 4),
    extended_hours_quote: fixed(q.price, 2),
    extended_hours_change: '0.00',
    extended_hours_change_percent: '0.0000',
  };
}

/** 16:00 New York on a `YYYY-MM-DD` date, in epoch ms. */
export function newYorkCloseMs(date: string): number {
  const { offsetHours } = newYork(Date.parse(`${date}T16:00:00Z`));
  return Date.parse(`${date}T16:00:00Z`) + offsetHours * 3_600_000;
}

/**
 * Polygon grouped daily bar of a session: the latest session closes at the quote's price, any
 * earlier one at its previous close (a flat history: these mocks model one day's move).
 */
export function polygonGroupedBar(
  q: UniverseQuote,
  date: string,
  latest: boolean,
  ticker: string,
): Record<string, unknown> {
  const [o, h, l, c] = latest
    ? [q.open, q.high, q.low, q.price]
    : [q.previousClose, q.previousClose, q.previousClose, q.previousClose];
  return {
    T: ticker,
    o,
    h,
    l,
    c,
    v: q.volume,
    vw: cents((o + c) / 2),
    n: Math.floor(q.volume / 60),
    t: newYorkCloseMs(date),
  };
}
