/**
 * The last step of every adapter's transform: provider-neutral fields in, a domain Quote or the
 * reason there is none out. It holds the invariants no provider quirk may break: no price of 0,
 * no close of 0 (which would draw a −100 % tile), no quote from the future.
 */
import type { Quote } from '../domain/types.js';
import { impliedPreviousClose, nonNegativeOrNull, positiveOrNull } from './numeric-strings.js';

/** What an adapter could read from one provider record, already in domain units. */
export interface QuoteFields {
  /** Our exchange dot form (`BRK.B`). */
  symbol: string;
  price: number | null;
  previousClose: number | null;
  /** Percent (1.25 = 1.25 %), used only to imply a missing previous close. */
  changePercent: number | null;
  volume: number | null;
  marketCap: number | null;
  /** Provider timestamp, epoch ms. */
  timestamp: number | null;
}

export type QuoteOutcome = { ok: true; quote: Quote } | { ok: false; reason: string };

/** Turns fields into a Quote, or says why the record is unusable. */
export function buildQuote(fields: QuoteFields, receivedAt: number): QuoteOutcome {
  const price = positiveOrNull(fields.price);
  if (price === null) return { ok: false, reason: 'the provider sent no usable price' };

  const stamped = positiveOrNull(fields.timestamp);
  if (stamped === null) return { ok: false, reason: 'the provider sent no timestamp' };

  const previousClose =
    positiveOrNull(fields.previousClose) ?? impliedPreviousClose(price, fields.changePercent);

  return {
    ok: true,
    quote: {
      symbol: fields.symbol,
      price,
      previousClose,
      volume: nonNegativeOrNull(fields.volume),
      marketCap: positiveOrNull(fields.marketCap),
      // A quote cannot be newer than its arrival; a skewed clock must not pin a future stamp.
      timestamp: Math.min(stamped, receivedAt),
      receivedAt,
    },
  };
}
