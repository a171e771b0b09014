/**
 * FMP quote answers → domain quotes. Pure: the answer and the symbols asked for in; quotes,
 * missing symbols or one typed error out.
 */
import { buildQuote, type QuoteFields } from '../build-quote.js';
import { ProviderError } from '../errors.js';
import type { HttpResponse } from '../http-client.js';
import { statusFailure, tryParseJson } from '../http-response.js';
import type { QuoteBatchResult } from '../provider.js';
import type { SymbolMapper } from '../symbols.js';
import { fmpError, fmpNonJsonError } from './fmp-errors.js';
import {
  fmpErrorSchema,
  fmpErrorText,
  type FmpQuote,
  fmpQuoteListSchema,
  fmpQuoteSchema,
} from './fmp-wire.js';

const SECOND_MS = 1_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One wire record → neutral fields (seconds to ms; percent kept in percent). */
export function fmpFields(symbol: string, wire: FmpQuote): QuoteFields {
  return {
    symbol,
    price: wire.price ?? null,
    previousClose: wire.previousClose ?? null,
    changePercent: wire.changePercentage ?? wire.changesPercentage ?? null,
    volume: wire.volume ?? null,
    marketCap: wire.marketCap ?? null,
    timestamp: wire.timestamp && wire.timestamp > 0 ? wire.timestamp * SECOND_MS : null,
  };
}

/** Interprets a `/quote` or `/batch-quote` answer. Throws ProviderError for the whole call. */
export function interpretFmpAnswer(
  response: HttpResponse,
  mapper: SymbolMapper,
  secrets: readonly string[] = [],
): QuoteBatchResult {
  const body = tryParseJson(response.body);
  if (body === undefined) throw fmpNonJsonError(response, secrets);

  const error = fmpErrorSchema.safeParse(body);
  if (error.success) throw fmpError(fmpErrorText(error.data), response, secrets);

  const byStatus = statusFailure('fmp', response, 'answered JSON without an error message');
  if (byStatus) throw byStatus;

  const list = fmpQuoteListSchema.safeParse(body);
  if (!list.success) throw new ProviderError('malformed', 'fmp quote: the answer is not an array');

  return collect(list.data, mapper, response.receivedAt);
}

function collect(items: unknown[], mapper: SymbolMapper, receivedAt: number): QuoteBatchResult {
  const result: QuoteBatchResult = { quotes: [], missing: [] };
  const answered = new Set<string>();

  for (const item of items) {
    const wire = fmpQuoteSchema.safeParse(item);
    if (!wire.success) {
      const named =
        isRecord(item) && typeof item.symbol === 'string'
          ? mapper.toEngine(item.symbol)
          : undefined;
      if (named !== undefined && !answered.has(named)) {
        answered.add(named);
        result.missing.push({ symbol: named, reason: 'malformed FMP record' });
      }
      continue;
    }
    const symbol = mapper.toEngine(wire.data.symbol);
    // Records for symbols we did not ask for (FMP sometimes adds share classes) are ignored.
    if (symbol === undefined || answered.has(symbol)) continue;
    answered.add(symbol);

    const outcome = buildQuote(fmpFields(symbol, wire.data), receivedAt);
    if (outcome.ok) result.quotes.push(outcome.quote);
    else result.missing.push({ symbol, reason: outcome.reason });
  }

  for (const providerSymbol of mapper.providerSymbols()) {
    const symbol = mapper.toEngine(providerSymbol) ?? providerSymbol;
    if (!answered.has(symbol))
      result.missing.push({ symbol, reason: 'unknown symbol at FMP (empty answer)' });
  }
  return result;
}
