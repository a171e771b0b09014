/**
 * Polygon grouped daily bars for any session date, for backfill tests: every symbol of the
 * universe with a generated close (generated-closes.ts), in Polygon's exact shape; a weekend or
 * holiday answers OK with no `results` key (as Polygon does), and the mock's "today" before
 * the end of day answers the free plan's 403.
 */
import { json, type MockReply, type RecordedRequest } from '../mock-server.js';
import { calendar, generatedClose, MARKET_SYMBOLS } from './generated-closes.js';

const GROUPED = /^\/v2\/aggs\/grouped\/locale\/us\/market\/stocks\/(\d{4}-\d{2}-\d{2})$/;
const REQUEST_ID = '6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d';

/** Grouped bars of a generated market, or undefined for any other path. */
export function polygonGroupedHistoryRoute(
  request: RecordedRequest,
  today: string,
  beforeEndOfDay: MockReply,
): MockReply | undefined {
  const date = GROUPED.exec(request.path)?.[1];
  if (date === undefined) return undefined;
  if (date >= today) return beforeEndOfDay;
  if (!calendar.isTradingDay(date)) {
    return json(200, {
      adjusted: true,
      queryCount: 0,
      resultsCount: 0,
      status: 'OK',
      request_id: REQUEST_ID,
    });
  }
  const t = Date.parse(`${date}T21:00:00Z`);
  const results = MARKET_SYMBOLS.map((symbol) => {
    const c = generatedClose(symbol, date);
    return { T: symbol, o: c, h: c, l: c, c, v: 1_000_000, vw: c, n: 10_000, t };
  });
  return json(200, {
    adjusted: true,
    queryCount: results.length,
    resultsCount: results.length,
    status: 'OK',
    request_id: REQUEST_ID,
    results,
  });
}
