/**
 * Polygon answers → domain values: nanosecond snapshot times, zero-filled fields after the
 * overnight clear (no data, never a price), grouped daily bars paired with the session before.
 */
import { buildQuote, type QuoteOutcome } from '../build-quote.js';
import { ProviderError } from '../errors.js';
import type { HttpResponse } from '../http-client.js';
import { rateLimitRetryAt } from '../http-response.js';
import { MINUTE_MS } from '../retry-after.js';
import { nanosToMs } from '../timestamps.js';
import type { PolygonErrorBody, PolygonGroupedBar, PolygonSnapshotTicker } from './polygon-wire.js';

const ID = 'polygon';
/** Polygon's 429 often lasts 2–3 minutes rather than "the next minute" (PROVIDERS.md §3.4). */
export const POLYGON_RATE_LIMIT_WAIT_MS = 2 * MINUTE_MS;

const positive = (value: number | null | undefined): number | null =>
  typeof value === 'number' && value > 0 ? value : null;

/** A quote from one snapshot ticker, or missing when the overnight clear left nothing. */
export function snapshotToQuote(
  symbol: string,
  ticker: PolygonSnapshotTicker,
  receivedAt: number,
): QuoteOutcome {
  const tradePrice = positive(ticker.lastTrade?.p);
  const price = tradePrice ?? positive(ticker.day?.c) ?? positive(ticker.min?.c);
  const stamp = positive(ticker.lastTrade?.t) ?? positive(ticker.updated);
  if (price === null || stamp === null) {
    return {
      ok: false,
      reason: 'no-data: Polygon cleared the snapshot overnight and has no trade yet today',
    };
  }
  return buildQuote(
    {
      symbol,
      price,
      previousClose: positive(ticker.prevDay?.c),
      changePercent: ticker.todaysChangePerc ?? null,
      volume: positive(ticker.day?.v),
      marketCap: null,
      timestamp: nanosToMs(stamp),
    },
    receivedAt,
  );
}

/** An end-of-day quote: a session's close against the session before it. */
export function groupedToQuote(
  symbol: string,
  bar: PolygonGroupedBar,
  previous: PolygonGroupedBar | undefined,
  receivedAt: number,
): QuoteOutcome {
  return buildQuote(
    {
      symbol,
      price: bar.c,
      previousClose: previous?.c ?? null,
      changePercent: null,
      volume: bar.v,
      marketCap: null,
      timestamp: bar.t,
    },
    receivedAt,
  );
}

/** Whether a 403 says "today before the close" (free plan): ask for an earlier session. */
export function isBeforeEndOfDay(body: PolygonErrorBody): boolean {
  return /before end of day/i.test(body.message ?? body.error ?? '');
}

/** Maps a Polygon error answer to a typed error. */
export function errorFromBody(
  response: HttpResponse,
  body: PolygonErrorBody | undefined,
): ProviderError {
  const text = body?.error ?? body?.message ?? (response.body.trim() || 'empty body');
  const message = `${ID}: HTTP ${response.status}, ${text}`;
  if (response.status === 429 || /exceeded the maximum requests/i.test(text)) {
    return new ProviderError(
      'rate-limited',
      message,
      rateLimitRetryAt(response, POLYGON_RATE_LIMIT_WAIT_MS),
    );
  }
  if (response.status === 401 || /api key/i.test(text))
    return new ProviderError('bad-key', message);
  if (response.status === 403 || body?.status === 'NOT_AUTHORIZED')
    return new ProviderError('plan-limit', message);
  if (response.status >= 500 || response.status === 404)
    return new ProviderError('provider-down', message);
  return new ProviderError('malformed', message);
}
