/**
 * Alpaca market-data wire formats (PROVIDERS.md §7). Only this folder knows these names.
 */
import { z } from 'zod';

const trade = z.object({
  t: z.string(),
  p: z.number(),
  s: z.number().optional(),
  x: z.string().optional(),
});
const quote = z.object({ t: z.string(), ap: z.number().optional(), bp: z.number().optional() });
const bar = z.object({
  t: z.string(),
  o: z.number(),
  h: z.number(),
  l: z.number(),
  c: z.number(),
  v: z.number(),
  n: z.number().optional(),
  vw: z.number().optional(),
});

/** One symbol of `GET /v2/stocks/snapshots`; any part may be absent or null. */
export const alpacaSnapshotSchema = z.object({
  latestTrade: trade.nullable().optional(),
  latestQuote: quote.nullable().optional(),
  minuteBar: bar.nullable().optional(),
  dailyBar: bar.nullable().optional(),
  prevDailyBar: bar.nullable().optional(),
});
export type AlpacaSnapshot = z.infer<typeof alpacaSnapshotSchema>;

/** The snapshots answer: an object keyed by symbol; unknown symbols are simply left out. */
export const alpacaSnapshotsSchema = z.record(z.string(), alpacaSnapshotSchema.nullable());

/** Error body: `{"code":40110000,"message":"…"}`, sometimes only `{"message":"…"}`. */
export const alpacaErrorSchema = z.object({ code: z.number().optional(), message: z.string() });

/** Stream messages; every server frame is an array of these. */
export const alpacaStreamMessageSchema = z.discriminatedUnion('T', [
  z.object({ T: z.literal('success'), msg: z.string() }),
  z.object({ T: z.literal('error'), code: z.number(), msg: z.string() }),
  z.object({ T: z.literal('subscription'), trades: z.array(z.string()).optional() }).loose(),
  z
    .object({
      T: z.literal('t'),
      S: z.string(),
      p: z.number(),
      s: z.number().optional(),
      t: z.string(),
    })
    .loose(),
  z.object({ T: z.literal('q'), S: z.string() }).loose(),
  z.object({ T: z.literal('b'), S: z.string() }).loose(),
]);
export type AlpacaStreamMessage = z.infer<typeof alpacaStreamMessageSchema>;
