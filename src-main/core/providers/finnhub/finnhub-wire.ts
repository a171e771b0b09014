/**
 * Finnhub's wire formats, as PROVIDERS.md §1 records them. Only this folder knows these names.
 */
import { z } from 'zod';

/** `GET /quote`: t in epoch seconds; d/dp null (and everything 0) for unknown symbols. */
export const finnhubQuoteSchema = z.object({
  c: z.number(),
  d: z.number().nullable().optional(),
  dp: z.number().nullable().optional(),
  h: z.number().nullable().optional(),
  l: z.number().nullable().optional(),
  o: z.number().nullable().optional(),
  pc: z.number().nullable().optional(),
  t: z.number(),
});
export type FinnhubQuote = z.infer<typeof finnhubQuoteSchema>;

/** `GET /stock/profile2`: `{}` when Finnhub has no fundamentals; caps and shares in millions. */
export const finnhubProfileSchema = z.object({
  ticker: z.string().optional(),
  name: z.string().optional(),
  finnhubIndustry: z.string().optional(),
  marketCapitalization: z.number().nullable().optional(),
  shareOutstanding: z.number().nullable().optional(),
  currency: z.string().optional(),
});
export type FinnhubProfile = z.infer<typeof finnhubProfileSchema>;

/** `GET /stock/market-status?exchange=US`. */
export const finnhubMarketStatusSchema = z.object({
  exchange: z.string(),
  holiday: z.string().nullable().optional(),
  isOpen: z.boolean(),
  session: z.string().nullable().optional(),
  timezone: z.string().optional(),
  t: z.number(),
});
export type FinnhubMarketStatus = z.infer<typeof finnhubMarketStatusSchema>;

/** Every non-2xx JSON body (and some 200s): `{"error":"…"}`. */
export const finnhubErrorSchema = z.object({ error: z.string() });

/** WebSocket frames. */
export const finnhubTradeSchema = z.object({
  s: z.string(),
  p: z.number(),
  t: z.number(),
  v: z.number().nullable().optional(),
  c: z.array(z.string()).nullable().optional(),
});

export const finnhubFrameSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('trade'), data: z.array(finnhubTradeSchema) }),
  z.object({ type: z.literal('ping') }),
  z.object({ type: z.literal('error'), msg: z.string().optional() }),
]);
export type FinnhubFrame = z.infer<typeof finnhubFrameSchema>;
