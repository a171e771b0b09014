/**
 * Twelve Data's wire format for `GET /quote` (PROVIDERS.md §4.3). Prices and volumes arrive as
 * strings, timestamps as epoch seconds, and the docs warn that any field may be null. These
 * types never leave the adapter folder.
 */
import { z } from 'zod';

/** A number sent as text (`"187.42000"`); some mirrors send plain numbers, so both pass. */
const numericText = z.union([z.string(), z.number()]).nullish();

/** One symbol's quote. Unlisted fields (fifty_two_week, rolling_*) are dropped by parsing. */
export const twelveDataQuoteSchema = z.object({
  symbol: z.string(),
  name: z.string().nullish(),
  exchange: z.string().nullish(),
  currency: z.string().nullish(),
  /** Session date (or date-time) in the exchange's zone, e.g. `2026-11-25`. */
  datetime: z.string().nullish(),
  /** Open time of the current daily bar, epoch seconds (not the last trade). */
  timestamp: z.number().nullish(),
  /** Time of the last minute candle, epoch seconds: the quote's real age. */
  last_quote_at: z.number().nullish(),
  close: numericText,
  volume: numericText,
  previous_close: numericText,
  change: numericText,
  percent_change: numericText,
  is_market_open: z.boolean().nullish(),
});

export type TwelveDataQuote = z.infer<typeof twelveDataQuoteSchema>;

/**
 * The error envelope Twelve Data uses for everything, often inside an HTTP 200: for a whole call
 * at the top level, and per symbol inside a batch.
 */
export const twelveDataErrorSchema = z.object({
  code: z.number(),
  message: z.string().default(''),
  status: z.literal('error'),
});

export type TwelveDataErrorBody = z.infer<typeof twelveDataErrorSchema>;

/** A multi-symbol answer: an object keyed by the requested symbol, values quote or error. */
export const twelveDataBatchSchema = z.record(z.string(), z.unknown());
