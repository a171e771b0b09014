/**
 * Twelve Data `/quote` answers → domain quotes. Pure: the parsed body, the symbols asked for and
 * the arrival time in; quotes, missing symbols or one typed error out.
 */
import { buildQuote, type QuoteFields } from '../build-quote.js';
import { easternSessionClose } from '../eastern-time.js';
import { ProviderError } from '../errors.js';
import type { HttpResponse } from '../http-client.js';
import { nonJsonFailure, statusFailure, tryParseJson } from '../http-response.js';
import { parseDecimal, parsePercent } from '../numeric-strings.js';
import type { QuoteBatchResult } from '../provider.js';
import type { SymbolMapper } from '../symbols.js';
import { SYMBOL_ERROR_CODES, symbolErrorReason, twelveDataError } from './twelvedata-errors.js';
import {
  twelveDataBatchSchema,
  type TwelveDataErrorBody,
  twelveDataErrorSchema,
  type TwelveDataQuote,
  twelveDataQuoteSchema,
} from './twelvedata-wire.js';

const SECOND_MS = 1_000;

/** Codes that, when every symbol of a batch carries them, are really a whole-call failure. */
const WHOLE_CALL_CODES: ReadonlySet<number> = new Set([401, 403, 429]);

/**
 * The quote's own time: the last minute candle when given, else the daily bar's time, else the
 * session close of `datetime`'s date (a date alone says only which session it is).
 */
export function twelveDataTimestamp(wire: TwelveDataQuote): number | null {
  if (wire.last_quote_at && wire.last_quote_at > 0) return wire.last_quote_at * SECOND_MS;
  if (wire.timestamp && wire.timestamp > 0) return wire.timestamp * SECOND_MS;
  return wire.datetime ? easternSessionClose(wire.datetime.slice(0, 10)) : null;
}

/** One wire quote → neutral fields (strings to numbers, seconds to ms). */
export function twelveDataFields(symbol: string, wire: TwelveDataQuote): QuoteFields {
  return {
    symbol,
    price: parseDecimal(wire.close),
    previousClose: parseDecimal(wire.previous_close),
    changePercent: parsePercent(wire.percent_change),
    volume: parseDecimal(wire.volume),
    // Twelve Data's quote carries no market cap (only the 50-credit /statistics does).
    marketCap: null,
    timestamp: twelveDataTimestamp(wire),
  };
}

function asEnvelope(value: unknown): TwelveDataErrorBody | undefined {
  const parsed = twelveDataErrorSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Interprets one `/quote` answer for the symbols in `mapper`. Throws ProviderError for the call. */
export function interpretTwelveDataAnswer(
  response: HttpResponse,
  mapper: SymbolMapper,
  secrets: readonly string[] = [],
): QuoteBatchResult {
  const requested = mapper.providerSymbols();
  const body = tryParseJson(response.body);
  if (body === undefined) throw nonJsonFailure('twelvedata', response, secrets);

  const envelope = asEnvelope(body);
  if (envelope) {
    const only = requested.length === 1 ? requested[0] : undefined;
    if (only !== undefined && SYMBOL_ERROR_CODES.has(envelope.code)) {
      return {
        quotes: [],
        missing: [{ symbol: mapper.toEngine(only) ?? only, reason: symbolErrorReason(envelope) }],
      };
    }
    throw twelveDataError(envelope, response, secrets);
  }

  const byStatus = statusFailure('twelvedata', response, 'answered JSON without an error code');
  if (byStatus) throw byStatus;

  return collect(entriesOf(body, requested), mapper, response, secrets);
}

/** Pairs each requested provider symbol with its part of the body (single or keyed form). */
function entriesOf(body: unknown, requested: string[]): Map<string, unknown> {
  const single = twelveDataQuoteSchema.safeParse(body);
  if (requested.length === 1 && single.success) return new Map([[requested[0]!, body]]);

  const batch = twelveDataBatchSchema.safeParse(body);
  if (!batch.success) {
    throw new ProviderError(
      'malformed',
      'twelvedata /quote: the answer is neither a quote nor a map of quotes',
    );
  }
  const byUpper = new Map(
    Object.entries(batch.data).map(([key, value]) => [key.toUpperCase(), value]),
  );
  return new Map(requested.map((symbol) => [symbol, byUpper.get(symbol.toUpperCase())]));
}

function collect(
  entries: Map<string, unknown>,
  mapper: SymbolMapper,
  response: HttpResponse,
  secrets: readonly string[],
): QuoteBatchResult {
  const result: QuoteBatchResult = { quotes: [], missing: [] };
  const envelopes: TwelveDataErrorBody[] = [];

  for (const [providerSymbol, entry] of entries) {
    const symbol = mapper.toEngine(providerSymbol) ?? providerSymbol;
    if (entry === undefined) {
      result.missing.push({ symbol, reason: 'not in Twelve Data answer' });
      continue;
    }

    const envelope = asEnvelope(entry);
    if (envelope) {
      envelopes.push(envelope);
      result.missing.push({ symbol, reason: symbolErrorReason(envelope) });
      continue;
    }

    const wire = twelveDataQuoteSchema.safeParse(entry);
    if (!wire.success) {
      result.missing.push({ symbol, reason: 'malformed Twelve Data record' });
      continue;
    }
    const outcome = buildQuote(twelveDataFields(symbol, wire.data), response.receivedAt);
    if (outcome.ok) result.quotes.push(outcome.quote);
    else result.missing.push({ symbol, reason: outcome.reason });
  }

  // A batch where every symbol failed with the same key/credit error is a failed call.
  const first = envelopes[0];
  if (
    first &&
    result.quotes.length === 0 &&
    envelopes.length === entries.size &&
    WHOLE_CALL_CODES.has(first.code) &&
    envelopes.every((e) => e.code === first.code)
  ) {
    throw twelveDataError(first, response, secrets);
  }
  return result;
}
