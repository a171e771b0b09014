/**
 * Financial Modeling Prep's wire format for the stable `/quote` and `/batch-quote` endpoints
 * (PROVIDERS.md §5.3): always a JSON array of numeric records; errors are objects with an
 * `Error Message` key. These types never leave the adapter folder.
 */
import { z } from 'zod';

const num = z.number().nullish();

/** One quote record. Unlisted fields (dayLow, yearHigh, priceAvg50…) are dropped by parsing. */
export const fmpQuoteSchema = z.object({
  symbol: z.string(),
  name: z.string().nullish(),
  price: num,
  /** Percent units (−0.83598 = −0.84 %). */
  changePercentage: num,
  /** The legacy v3 spelling; some mirrors and older plans still send it. Same unit. */
  changesPercentage: num,
  change: num,
  volume: num,
  /** Whole dollars. */
  marketCap: num,
  previousClose: num,
  /** Epoch seconds. */
  timestamp: num,
  exchange: z.string().nullish(),
});

export type FmpQuote = z.infer<typeof fmpQuoteSchema>;

/** Data answers are arrays; validate items one by one so one odd record costs only its symbol. */
export const fmpQuoteListSchema = z.array(z.unknown());

/** Error bodies: `{"Error Message": …}`, and in some eras `{"error": …}`. */
export const fmpErrorSchema = z.union([
  z.object({ 'Error Message': z.string() }),
  z.object({ error: z.string() }),
]);

export type FmpErrorBody = z.infer<typeof fmpErrorSchema>;

/** The provider's error text, whichever key carried it. */
export function fmpErrorText(body: FmpErrorBody): string {
  return 'Error Message' in body ? body['Error Message'] : body.error;
}
