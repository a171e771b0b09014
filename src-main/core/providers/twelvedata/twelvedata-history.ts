/**
 * Twelve Data daily closes: batch `GET /time_series?symbol=A,B&interval=1day&adjust=splits`.
 * One credit per symbol whatever the range (Twelve Data's batch article), so a year per symbol
 * costs what one day does. A batch answer is an object keyed by symbol (an unknown symbol is an
 * error envelope in its slot); a one-symbol answer is the series itself. Prices are strings.
 * `adjust` defaults to `splits` (the API spec); it is sent anyway, as the maths depends on it.
 */
import { z } from 'zod';

import type { HttpClient } from '../http-client.js';
import { nonJsonFailure, statusFailure, tryParseJson, validate } from '../http-response.js';
import { parseDecimal } from '../numeric-strings.js';
import type { DailyCloseBatch, DailyCloseRequest } from '../provider.js';
import { SymbolMapper } from '../symbols.js';
import { SYMBOL_ERROR_CODES, twelveDataError } from './twelvedata-errors.js';
import { twelveDataErrorSchema } from './twelvedata-wire.js';

const ID = 'twelvedata';
/** Half the free plan's 8 credits a minute: history never takes a whole minute from quotes. */
export const TWELVE_DATA_HISTORY_SYMBOLS = 4;
/** The endpoint's largest `outputsize`: more than a year of sessions per symbol. */
export const TWELVE_DATA_MAX_POINTS = 5_000;
const DAY_MS = 86_400_000;

const seriesSchema = z
  .object({
    values: z
      .array(z.object({ datetime: z.string(), close: z.string().nullable() }).loose())
      .nullable()
      .optional(),
    status: z.string().optional(),
  })
  .loose();

/** Closes of the request's symbols from `from` to `to` (both included). */
export async function fetchTwelveDataDailyCloses(
  http: HttpClient,
  secrets: readonly string[],
  request: DailyCloseRequest,
  signal?: AbortSignal,
): Promise<DailyCloseBatch> {
  const mapper = new SymbolMapper(request.symbols, 'dot');
  const asked = mapper.providerSymbols();
  // The day after `to`: whether end_date is inclusive for daily bars is not documented.
  const endDate = new Date(Date.parse(`${request.to}T00:00:00Z`) + DAY_MS).toISOString();
  const response = await http.get('time_series', {
    searchParams: {
      symbol: asked.join(','),
      interval: '1day',
      start_date: request.from,
      end_date: endDate.slice(0, 10),
      adjust: 'splits',
      outputsize: TWELVE_DATA_MAX_POINTS,
    },
    signal,
  });
  const body = tryParseJson(response.body);
  if (body === undefined) throw nonJsonFailure(ID, response, secrets);

  const envelope = twelveDataErrorSchema.safeParse(body);
  if (envelope.success) {
    // One unknown symbol asked alone: no closes, not a failure of the call.
    if (asked.length === 1 && SYMBOL_ERROR_CODES.has(envelope.data.code)) return { closes: [] };
    throw twelveDataError(envelope.data, response, secrets);
  }
  const byStatus = statusFailure(ID, response, 'answered JSON without an error code');
  if (byStatus) throw byStatus;

  const slots: [string, unknown][] =
    asked.length === 1 ? [[asked[0] ?? '', body]] : Object.entries(body as object);
  const closes: DailyCloseBatch['closes'] = [];
  for (const [providerSymbol, slot] of slots) {
    const symbol = mapper.toEngine(providerSymbol);
    if (!symbol || twelveDataErrorSchema.safeParse(slot).success) continue;
    const series = validate(ID, '/time_series', seriesSchema, slot);
    for (const value of series.values ?? []) {
      const date = value.datetime.slice(0, 10);
      const close = parseDecimal(value.close);
      if (close === null || close <= 0 || date < request.from || date > request.to) continue;
      closes.push({ symbol, date, close });
    }
  }
  return { closes };
}
