/**
 * Alpaca's historical bars on the mock: `GET /v2/stocks/bars?symbols=…&timeframe=1Day`, as
 * Alpaca answers it: `{"bars":{"AAPL":[{t,o,h,l,c,v,n,vw}…]},"next_page_token":…}`, sorted by
 * symbol then time, at most `limit` bars a page (default 1000, max 10000), symbols without
 * bars left out, a daily bar's `t` New York midnight in UTC. Closes are generated
 * (generated-closes.ts); raw bars (no `adjustment`) are not modelled beyond being recorded.
 */
import { newYorkToEpoch } from '../../../../src-main/core/market/new-york-time.js';
import { json, type MockReply, type RecordedRequest } from '../mock-server.js';
import { generatedClose, tradingDates } from './generated-closes.js';

export const ALPACA_BARS_PATH = '/v2/stocks/bars';
const DEFAULT_LIMIT = 1_000;
const MAX_LIMIT = 10_000;

const unprocessable = (message: string): MockReply => json(422, { code: 42210000, message });

const barTimes = new Map<string, string>();
/** New York midnight of `date` in UTC, as Alpaca writes a daily bar's time. */
function barTime(date: string): string {
  let time = barTimes.get(date);
  if (time === undefined) {
    time = new Date(newYorkToEpoch(date, 0)).toISOString().replace('.000Z', 'Z');
    barTimes.set(date, time);
  }
  return time;
}

/** The bars answer, or undefined when the request is not for the bars endpoint. */
export function alpacaBarsRoute(request: RecordedRequest): MockReply | undefined {
  if (request.path !== ALPACA_BARS_PATH) return undefined;
  const { symbols, timeframe, start, end } = request.query;
  if (!symbols) return json(400, { message: 'missing symbols' });
  if (timeframe !== '1Day') return unprocessable(`invalid timeframe: ${timeframe ?? ''}`);
  if (!start) return unprocessable('invalid start: empty');
  const limit = Number(request.query.limit ?? DEFAULT_LIMIT);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    return unprocessable('invalid limit: must be between 1 and 10000');
  }

  const last = (end ?? start).slice(0, 10);
  const dates = tradingDates(start.slice(0, 10), last);
  const all = symbols
    .split(',')
    .filter((symbol) => symbol !== 'ZZZZ')
    .sort()
    .flatMap((symbol) => dates.map((date) => ({ symbol, date })));
  const offset = request.query.page_token ? Number(atob(request.query.page_token)) : 0;
  const page = all.slice(offset, offset + limit);

  const bars: Record<string, unknown[]> = {};
  for (const { symbol, date } of page) {
    const close = generatedClose(symbol, date);
    (bars[symbol] ??= []).push({
      t: barTime(date),
      o: close,
      h: close,
      l: close,
      c: close,
      v: 1_000_000,
      n: 10_000,
      vw: close,
    });
  }
  const more = offset + limit < all.length;
  return json(200, { bars, next_page_token: more ? btoa(String(offset + limit)) : null });
}
