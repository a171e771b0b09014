/**
 * Alpaca daily closes: `GET /v2/stocks/bars?symbols=…&timeframe=1Day&adjustment=split`, many
 * symbols and a range of dates per call, sorted by symbol then time and paginated with
 * `next_page_token` (Alpaca docs, "Historical bars"). Without `adjustment` Alpaca sends raw
 * bars, which would break every time frame across a split. A daily bar's `t` is New York
 * midnight in UTC, so the session date is its New York date.
 */
import { z } from 'zod';

import { ProviderError } from '../errors.js';
import type { HttpClient } from '../http-client.js';
import { nonJsonFailure, statusFailure, tryParseJson, validate } from '../http-response.js';
import type { DailyCloseBatch, DailyCloseRequest } from '../provider.js';
import { SymbolMapper } from '../symbols.js';
import { newYorkDate } from '../timestamps.js';
import { errorFromBody } from './alpaca-transform.js';
import { alpacaErrorSchema } from './alpaca-wire.js';

const ID = 'alpaca';
/** Bars per page: the endpoint's maximum, so a year of 100 symbols takes 3 pages. */
export const ALPACA_BARS_PER_PAGE = 10_000;
/** Symbols per bars call: the same URL length as the snapshots batch. */
export const ALPACA_HISTORY_SYMBOLS = 100;

const barsSchema = z.object({
  bars: z
    .record(z.string(), z.array(z.object({ t: z.string(), c: z.number() }).loose()).nullable())
    .nullable(),
  next_page_token: z.string().nullable().optional(),
});

/** One page of split-adjusted daily closes for the request's symbols and dates. */
export async function fetchAlpacaDailyCloses(
  http: HttpClient,
  secrets: readonly string[],
  feed: string,
  request: DailyCloseRequest,
  signal?: AbortSignal,
): Promise<DailyCloseBatch> {
  const mapper = new SymbolMapper(request.symbols, 'dot');
  const response = await http.get('v2/stocks/bars', {
    searchParams: {
      symbols: mapper.providerSymbols().join(','),
      timeframe: '1Day',
      start: request.from,
      end: request.to,
      adjustment: 'split',
      feed,
      limit: ALPACA_BARS_PER_PAGE,
      ...(request.pageToken === undefined ? {} : { page_token: request.pageToken }),
    },
    signal,
  });
  const body = tryParseJson(response.body);
  if (body === undefined) throw nonJsonFailure(ID, response, secrets);
  if (response.status < 200 || response.status >= 300) {
    const errorBody = alpacaErrorSchema.safeParse(body);
    if (errorBody.success) {
      throw errorFromBody(response, errorBody.data.code, errorBody.data.message);
    }
    throw (
      statusFailure(ID, response, 'unrecognised error body') ??
      new ProviderError('malformed', `${ID}: HTTP ${response.status}`)
    );
  }

  const parsed = validate(ID, '/v2/stocks/bars', barsSchema, body);
  const closes: DailyCloseBatch['closes'] = [];
  // Every symbol's bars share the same few hundred times: date each once (Intl is slow).
  const dates = new Map<string, string | null>();
  const dateOf = (t: string): string | null => {
    let date = dates.get(t);
    if (date === undefined) {
      const time = Date.parse(t);
      date = Number.isFinite(time) ? newYorkDate(time) : null;
      dates.set(t, date);
    }
    return date;
  };
  for (const [providerSymbol, bars] of Object.entries(parsed.bars ?? {})) {
    const symbol = mapper.toEngine(providerSymbol);
    if (!symbol) continue;
    for (const bar of bars ?? []) {
      const date = dateOf(bar.t);
      if (date === null || bar.c <= 0) continue;
      closes.push({ symbol, date, close: bar.c });
    }
  }
  const next = parsed.next_page_token ?? undefined;
  return { closes, ...(next ? { nextPageToken: next } : {}) };
}
