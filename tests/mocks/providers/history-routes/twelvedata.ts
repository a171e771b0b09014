/**
 * Twelve Data's batch `/time_series?symbol=A,B&interval=1day` on the mock, as Twelve Data
 * answers it: one symbol → `{meta, values, status}`; several → an object keyed by symbol, an
 * unknown symbol's slot holding the `{code: 404, …, status: "error"}` envelope (HTTP 200 and
 * `is_batch: true`, as for `/quote`). Values are newest first with string prices; closes are
 * generated (generated-closes.ts). `ZZZZ` is the unknown symbol.
 */
import { json, type MockReply, type RecordedRequest } from '../mock-server.js';
import { generatedClose, tradingDates } from './generated-closes.js';

export const TWELVEDATA_SERIES_PATH = '/time_series';

function series(symbol: string, from: string, endExclusive: string): unknown {
  const values = tradingDates(from, endExclusive)
    .filter((date) => date < endExclusive)
    .reverse()
    .map((date) => {
      const close = generatedClose(symbol, date).toFixed(5);
      return { datetime: date, open: close, high: close, low: close, close, volume: '1000000' };
    });
  return {
    meta: {
      symbol,
      interval: '1day',
      currency: 'USD',
      exchange_timezone: 'America/New_York',
      exchange: 'NASDAQ',
      mic_code: 'XNAS',
      type: 'Common Stock',
    },
    values,
    status: 'ok',
  };
}

const notFound = (symbol: string): unknown => ({
  code: 404,
  message: `**symbol** not found: ${symbol}. Please specify it correctly according to API Documentation.`,
  status: 'error',
  meta: { symbol, interval: '1day', exchange: '' },
});

/** The time-series answer, or undefined when the request is for another path. */
export function twelveDataSeriesRoute(request: RecordedRequest): MockReply | undefined {
  if (request.path !== TWELVEDATA_SERIES_PATH) return undefined;
  const { symbol, interval, start_date: from, end_date: end } = request.query;
  if (!symbol || interval !== '1day' || !from || !end) {
    return json(200, {
      code: 400,
      message: '**interval** or **symbol** is missing or incorrect',
      status: 'error',
    });
  }
  const symbols = symbol.split(',');
  const one = (s: string): unknown => (s === 'ZZZZ' ? notFound(s) : series(s, from, end));
  if (symbols.length === 1) return json(200, one(symbols[0]!));
  return json(200, Object.fromEntries(symbols.map((s) => [s, one(s)])), { is_batch: 'true' });
}
