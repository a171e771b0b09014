/**
 * Alpha Vantage's wire format (PROVIDERS.md §2.3–2.4): every value a string, keys with numeric
 * prefixes, and every error, throttle and plan notice an HTTP 200 with a one-key object. These
 * types never leave the adapter folder.
 */
import { z } from 'zod';

/** The inner object of `GLOBAL_QUOTE`. All strings; `{}` for an unknown symbol. */
export const globalQuoteSchema = z.object({
  '01. symbol': z.string(),
  '05. price': z.string().nullish(),
  '06. volume': z.string().nullish(),
  /** Date only (`2026-11-25`), in US-Eastern terms. */
  '07. latest trading day': z.string().nullish(),
  '08. previous close': z.string().nullish(),
  /** With a `%` sign: `"-0.5852%"`. */
  '10. change percent': z.string().nullish(),
});

export type GlobalQuote = z.infer<typeof globalQuoteSchema>;

export const globalQuoteAnswerSchema = z.object({
  'Global Quote': z.record(z.string(), z.unknown()),
});

/** One row of the premium `REALTIME_BULK_QUOTES`. */
export const bulkQuoteSchema = z.object({
  symbol: z.string(),
  /** Zone-less US-Eastern date-time with ms: `2026-11-25 15:59:58.102`. */
  timestamp: z.string().nullish(),
  close: z.string().nullish(),
  volume: z.string().nullish(),
  previous_close: z.string().nullish(),
  /** Percent **without** a `%` sign, unlike GLOBAL_QUOTE. */
  change_percent: z.string().nullish(),
});

export type BulkQuote = z.infer<typeof bulkQuoteSchema>;

export const bulkAnswerSchema = z.object({
  endpoint: z.string().nullish(),
  /** Present when the data is a sample (no entitlement): then `data` holds made-up prices. */
  message: z.string().nullish(),
  data: z.array(z.unknown()),
});

/** The HTTP-200 notices: errors (`Error Message`) and throttle/plan texts (`Information`, `Note`). */
export const noticeSchema = z.union([
  z.object({ 'Error Message': z.string() }),
  z.object({ Information: z.string() }),
  z.object({ Note: z.string() }),
]);

export type Notice = z.infer<typeof noticeSchema>;
