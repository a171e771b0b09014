/**
 * Alpaca answers → domain values. Alpaca sends no change fields: the previous close is chosen
 * by comparing New York dates, because before the open the daily bar is the LAST session.
 */
import { buildQuote, type QuoteOutcome } from '../build-quote.js';
import { ProviderError } from '../errors.js';
import type { HttpResponse } from '../http-client.js';
import { rateLimitRetryAt } from '../http-response.js';
import type { StreamTick } from '../provider.js';
import { fromProviderSymbol } from '../symbols.js';
import { newYorkDate, parseRfc3339Ms } from '../timestamps.js';
import type { AlpacaSnapshot } from './alpaca-wire.js';

const ID = 'alpaca';

/**
 * A quote from one snapshot. Price: the latest trade, else the daily bar's close. Previous
 * close: the bar before the price's session. Volume only for the consolidated feed (IEX volume
 * is a small slice of the day's and would mislead).
 */
export function toQuote(
  symbol: string,
  snapshot: AlpacaSnapshot | null,
  receivedAt: number,
  consolidatedVolume: boolean,
): QuoteOutcome {
  if (!snapshot) return { ok: false, reason: 'unknown-symbol: Alpaca sent an empty snapshot' };
  const { latestTrade, dailyBar, prevDailyBar } = snapshot;

  const tradeAt = latestTrade ? parseRfc3339Ms(latestTrade.t) : null;
  const dailyAt = dailyBar ? parseRfc3339Ms(dailyBar.t) : null;
  const price = latestTrade && tradeAt !== null ? latestTrade.p : (dailyBar?.c ?? null);
  const timestamp = tradeAt ?? dailyAt;

  // A trade on a later New York day than the daily bar (pre-market on IEX) moves against that bar.
  const tradeIsNewerSession =
    tradeAt !== null && dailyAt !== null && newYorkDate(tradeAt) > newYorkDate(dailyAt);
  const previousClose = tradeIsNewerSession ? (dailyBar?.c ?? null) : (prevDailyBar?.c ?? null);
  const volume = consolidatedVolume && !tradeIsNewerSession ? (dailyBar?.v ?? null) : null;

  return buildQuote(
    { symbol, price, previousClose, changePercent: null, volume, marketCap: null, timestamp },
    receivedAt,
  );
}

/** Maps an Alpaca error answer (`{code, message}`) to a typed error. */
export function errorFromBody(
  response: HttpResponse,
  code: number | undefined,
  message: string,
): ProviderError {
  const text = `${ID}: HTTP ${response.status}${code ? ` (${code})` : ''}, ${message}`;
  if (response.status === 429 || code === 42910000) {
    return new ProviderError('rate-limited', text, rateLimitRetryAt(response));
  }
  if (code === 40110000 || response.status === 401) return new ProviderError('bad-key', text);
  if (code === 42210000 || /subscription|permit/i.test(message))
    return new ProviderError('plan-limit', text);
  if (response.status === 403) return new ProviderError('bad-key', text);
  if (response.status === 400 && /invalid symbol/i.test(message))
    return new ProviderError('unknown-symbol', text);
  if (response.status >= 500) return new ProviderError('provider-down', text);
  return new ProviderError('malformed', text);
}

/** The symbol an `invalid symbol: X` message names, in dot form. */
export function invalidSymbolIn(message: string): string | undefined {
  const match = /invalid symbol:?\s*(\S+)/i.exec(message);
  return match?.[1] ? fromProviderSymbol(match[1], 'dot') : undefined;
}

/** A stream trade as a tick; null when its time or price is unusable. */
export function toTick(
  trade: { S: string; p: number; s?: number | undefined; t: string },
  receivedAt: number,
): StreamTick | null {
  const timestamp = parseRfc3339Ms(trade.t);
  if (timestamp === null || !(trade.p > 0)) return null;
  return {
    symbol: fromProviderSymbol(trade.S, 'dot'),
    price: trade.p,
    size: trade.s ?? null,
    timestamp: Math.min(timestamp, receivedAt),
    receivedAt,
  };
}

/** Stream error codes (Alpaca docs) → typed error, and whether reconnecting can help. */
export function streamError(
  code: number,
  msg: string,
): { error: ProviderError; action: 'stop' | 'reconnect' | 'continue' | 'wait' } {
  const text = `${ID} stream: ${msg} (${code})`;
  switch (code) {
    case 402:
      return { error: new ProviderError('bad-key', text), action: 'stop' };
    case 405:
      return { error: new ProviderError('plan-limit', text), action: 'continue' };
    case 406:
      // Another app or tab holds the one connection the plan allows: try again much later.
      return { error: new ProviderError('plan-limit', text), action: 'wait' };
    case 409:
      return { error: new ProviderError('plan-limit', text), action: 'stop' };
    case 400:
      return { error: new ProviderError('malformed', text), action: 'continue' };
    default:
      // 401 not authenticated, 404 auth timeout, 407 slow client, 500 internal: start over.
      return { error: new ProviderError('provider-down', text), action: 'reconnect' };
  }
}
