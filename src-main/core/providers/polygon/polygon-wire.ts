/**
 * Polygon.io / Massive wire formats (PROVIDERS.md §3). Only this folder knows these names.
 */
import { z } from 'zod';

const dayBar = z.object({
  o: z.number(),
  h: z.number(),
  l: z.number(),
  c: z.number(),
  v: z.number(),
  vw: z.number().optional(),
});

/** One ticker of the v2 snapshot; after the 3:30 AM ET clear `day`/`min` are zero-filled. */
export const polygonSnapshotTickerSchema = z.object({
  ticker: z.string(),
  day: dayBar.partial().nullable().optional(),
  min: dayBar.extend({ t: z.number().optional() }).partial().nullable().optional(),
  prevDay: dayBar.partial().nullable().optional(),
  lastTrade: z
    .object({ p: z.number(), s: z.number().optional(), t: z.number() })
    .loose()
    .nullable()
    .optional(),
  lastQuote: z
    .object({ P: z.number().optional(), p: z.number().optional(), t: z.number().optional() })
    .loose()
    .nullable()
    .optional(),
  todaysChange: z.number().nullable().optional(),
  todaysChangePerc: z.number().nullable().optional(),
  /** Epoch nanoseconds; 0 after the overnight clear. */
  updated: z.number().nullable().optional(),
});
export type PolygonSnapshotTicker = z.infer<typeof polygonSnapshotTickerSchema>;

export const polygonSnapshotSchema = z.object({
  status: z.string(),
  count: z.number().optional(),
  tickers: z.array(polygonSnapshotTickerSchema).optional(),
});

/** Grouped daily bars; a weekend or holiday answers OK with no `results` key at all. */
export const polygonGroupedSchema = z.object({
  status: z.string(),
  resultsCount: z.number().optional(),
  results: z
    .array(
      z.object({
        T: z.string(),
        o: z.number(),
        h: z.number(),
        l: z.number(),
        c: z.number(),
        v: z.number(),
        vw: z.number().optional(),
        n: z.number().optional(),
        /** Epoch ms of the session (16:00 or midnight ET, by era). */
        t: z.number(),
      }),
    )
    .optional(),
});
export type PolygonGroupedBody = z.infer<typeof polygonGroupedSchema>;
export type PolygonGroupedBar = NonNullable<
  z.infer<typeof polygonGroupedSchema>['results']
>[number];

/** `GET /v1/marketstatus/now` (the key test). */
export const polygonMarketStatusSchema = z
  .object({ market: z.string(), serverTime: z.string().optional() })
  .loose();

/** Error bodies: `{"status":"ERROR","error":"…"}` or `{"status":"NOT_AUTHORIZED","message":"…"}`. */
export const polygonErrorSchema = z.object({
  status: z.string(),
  request_id: z.string().optional(),
  error: z.string().optional(),
  message: z.string().optional(),
});
export type PolygonErrorBody = z.infer<typeof polygonErrorSchema>;
