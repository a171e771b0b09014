/**
 * Alpha Vantage answers → domain quotes, for `GLOBAL_QUOTE` (one symbol) and the premium
 * `REALTIME_BULK_QUOTES`. Pure: answer, symbols asked for and arrival time in.
 */
import { buildQuote, type QuoteFields } from '../build-quote.js';
import { easternSessionClose, parseEasternDateTime } from '../eastern-time.js';
import { ProviderError } from '../errors.js';
import type { HttpResponse } from '../http-client.js';
import { nonJsonFailure, statusFailure, tryParseJson } from '../http-response.js';
import { parseDecimal, parsePercent } from '../numeric-strings.js';
import type { QuoteBatchResult } from '../provider.js';
import type { SymbolMapper } from '../symbols.js';
import { classifyNotice } from './alphavantage-errors.js';
import {
  bulkAnswerSchema,
  type BulkQuote,
  bulkQuoteSchema,
  type GlobalQuote,
  globalQuoteAnswerSchema,
  globalQuoteSchema,
  noticeSchema,
} from './alphavantage-wire.js';

/** One GLOBAL_QUOTE record → neutral fields. The trading day stands for its 16:00 ET close. */
export function globalQuoteFields(symbol: string, wire: GlobalQuote): QuoteFields {
  const day = wire['07. latest trading day'];
  return {
    symbol,
    price: parseDecimal(wire['05. price']),
    previousClose: parseDecimal(wire['08. previous close']),
    changePercent: parsePercent(wire['10. change percent']),
    volume: parseDecimal(wire['06. volume']),
    marketCap: null,
    timestamp: day ? easternSessionClose(day) : null,
  };
}

/** One bulk row → neutral fields; its timestamp is zone-less US-Eastern. */
export function bulkQuoteFields(symbol: string, wire: BulkQuote): QuoteFields {
  return {
    symbol,
    price: parseDecimal(wire.close),
    previousClose: parseDecimal(wire.previous_close),
    changePercent: parsePercent(wire.change_percent),
    volume: parseDecimal(wire.volume),
    marketCap: null,
    timestamp: wire.timestamp ? parseEasternDateTime(wire.timestamp) : null,
  };
}

/**
 * Parses the body and handles what every Alpha Vantage answer may be instead of data: not JSON,
 * a non-2xx status, or a notice. Returns the body, or the unknown-symbol reason from a notice.
 */
function readBody(
  response: HttpResponse,
  secrets: readonly string[],
): { body: unknown } | { unknownSymbol: string } {
  const body = tryParseJson(response.body);
  if (body === undefined) throw nonJsonFailure('alphavantage', response, secrets);

  const notice = noticeSchema.safeParse(body);
  if (notice.success) {
    const meaning = classifyNotice(notice.data, response, secrets);
    if (meaning.kind === 'error') throw meaning.error;
    return { unknownSymbol: meaning.reason };
  }

  const byStatus = statusFailure('alphavantage', response, 'answered JSON without a notice');
  if (byStatus) throw byStatus;
  return { body };
}

/** Interprets a GLOBAL_QUOTE answer for its one symbol. */
export function interpretGlobalQuote(
  response: HttpResponse,
  symbol: string,
  secrets: readonly string[] = [],
): QuoteBatchResult {
  const read = readBody(response, secrets);
  if ('unknownSymbol' in read)
    return { quotes: [], missing: [{ symbol, reason: read.unknownSymbol }] };

  const answer = globalQuoteAnswerSchema.safeParse(read.body);
  const wire = answer.success
    ? globalQuoteSchema.safeParse(answer.data['Global Quote'])
    : undefined;
  if (!wire?.success) {
    // `{"Global Quote": {}}` and a bare `{}` (seen for weeks on some symbols) mean "no such symbol".
    const isEmpty =
      answer.success ||
      (typeof read.body === 'object' && read.body !== null && Object.keys(read.body).length === 0);
    if (isEmpty)
      return {
        quotes: [],
        missing: [{ symbol, reason: 'unknown symbol at Alpha Vantage (empty quote)' }],
      };
    throw new ProviderError('malformed', 'alphavantage GLOBAL_QUOTE: unexpected answer shape');
  }

  const outcome = buildQuote(globalQuoteFields(symbol, wire.data), response.receivedAt);
  return outcome.ok
    ? { quotes: [outcome.quote], missing: [] }
    : { quotes: [], missing: [{ symbol, reason: outcome.reason }] };
}

/**
 * Interprets a REALTIME_BULK_QUOTES answer. Without entitlement the body still carries a `data`
 * array of artificial sample prices, flagged only by `message`; that is a plan limit, never data.
 */
export function interpretBulkQuotes(
  response: HttpResponse,
  mapper: SymbolMapper,
  secrets: readonly string[] = [],
): QuoteBatchResult {
  const read = readBody(response, secrets);
  const missingAll = (reason: string): QuoteBatchResult => ({
    quotes: [],
    missing: mapper.providerSymbols().map((s) => ({ symbol: mapper.toEngine(s) ?? s, reason })),
  });
  if ('unknownSymbol' in read) return missingAll(read.unknownSymbol);

  const answer = bulkAnswerSchema.safeParse(read.body);
  if (!answer.success)
    throw new ProviderError(
      'malformed',
      'alphavantage REALTIME_BULK_QUOTES: unexpected answer shape',
    );
  const { message } = answer.data;
  if (message && /premium|artificial|illustration/i.test(message)) {
    throw new ProviderError(
      'plan-limit',
      'alphavantage: REALTIME_BULK_QUOTES needs a premium plan (the answer held sample data only)',
    );
  }

  const result: QuoteBatchResult = { quotes: [], missing: [] };
  const answered = new Set<string>();
  for (const row of answer.data.data) {
    const wire = bulkQuoteSchema.safeParse(row);
    const symbol = wire.success ? mapper.toEngine(wire.data.symbol) : undefined;
    if (!wire.success || symbol === undefined || answered.has(symbol)) continue;
    answered.add(symbol);
    const outcome = buildQuote(bulkQuoteFields(symbol, wire.data), response.receivedAt);
    if (outcome.ok) result.quotes.push(outcome.quote);
    else result.missing.push({ symbol, reason: outcome.reason });
  }
  for (const providerSymbol of mapper.providerSymbols()) {
    const symbol = mapper.toEngine(providerSymbol) ?? providerSymbol;
    if (!answered.has(symbol))
      result.missing.push({ symbol, reason: 'not in Alpha Vantage answer' });
  }
  return result;
}
