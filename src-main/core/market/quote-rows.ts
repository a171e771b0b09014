/**
 * Turns an instrument and its latest quote into the API's StockRow and QuoteChange shapes.
 * Every missing or non-finite value becomes null, never 0 or NaN.
 */
import type { QuoteChange, QuoteFreshness, StockRow } from '../../shared/api-types.js';
import type { Instrument, Quote } from '../domain/types.js';

/** A symbol's freshness as the market state judges it. */
export type SymbolStatus = QuoteFreshness;

function finiteOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Change and percent change from price and previous close; null when either is unusable. */
export function computeChange(
  price: number | null,
  previousClose: number | null,
): { change: number | null; changePercent: number | null } {
  if (price === null || previousClose === null || previousClose === 0) {
    return { change: null, changePercent: null };
  }
  const change = price - previousClose;
  return {
    change: finiteOrNull(change),
    changePercent: finiteOrNull((change / previousClose) * 100),
  };
}

/** The moving fields of a symbol, as streamed to the renderer. */
export function toQuoteChange(
  instrument: Instrument,
  quote: Quote | undefined,
  status: SymbolStatus,
): QuoteChange {
  const price = finiteOrNull(quote?.price);
  const previousClose = finiteOrNull(quote?.previousClose);
  return {
    symbol: instrument.symbol,
    price,
    previousClose,
    ...computeChange(price, previousClose),
    volume: finiteOrNull(quote?.volume),
    // The universe's cap keeps a tile sized while its quote is missing.
    marketCap: finiteOrNull(quote?.marketCap) ?? instrument.marketCap,
    updatedAt: quote ? new Date(quote.timestamp).toISOString() : null,
    status: status.status,
    ...(status.reason === undefined ? {} : { reason: status.reason }),
    ...(status.delayedByMinutes === undefined ? {} : { delayedByMinutes: status.delayedByMinutes }),
    ...(status.closedSessionDate === undefined
      ? {}
      : { closedSessionDate: status.closedSessionDate }),
  };
}

/** A full row of `/api/stocks`. */
export function toStockRow(
  instrument: Instrument,
  quote: Quote | undefined,
  status: SymbolStatus,
): StockRow {
  const { symbol: _symbol, ...moving } = toQuoteChange(instrument, quote, status);
  return {
    symbol: instrument.symbol,
    name: instrument.name,
    sector: instrument.sector,
    industry: instrument.industry,
    categories: [...instrument.categories],
    ...moving,
  };
}
