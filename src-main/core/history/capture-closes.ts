/**
 * Daily closes for free, from quotes already fetched: a quote's previous close is the close of
 * the session before the quote's own session, so every live session adds one day per symbol at
 * no extra call. For Finnhub's and Alpha Vantage's free plans this is the only source (neither
 * has a free daily-history endpoint: Finnhub's /stock/candle is premium, Alpha Vantage's 25
 * calls a day cannot spare any).
 *
 * TODO: a quote seen after the close also carries that session's close (its price), which
 * would add the day a session earlier; left out because a provider's price after 16:00 may be
 * a post-market trade (Alpaca's IEX feed), and telling them apart needs each adapter's help.
 */
import type { Quote } from '../domain/types.js';
import type { NyseCalendar } from '../market/nyse-calendar.js';
import type { DailyCloseCache } from './daily-close-cache.js';
import { previousTradingDate, sessionDateOf } from './trading-dates.js';

/** Source tag of a close captured from `providerId`'s quotes. */
export const quoteSource = (providerId: string): string => `${providerId}:quote`;

/** Stores each quote's previous close under its session date; returns how many were new. */
export function captureCloses(
  cache: DailyCloseCache,
  calendar: NyseCalendar,
  providerId: string,
  quotes: readonly Quote[],
): number {
  let added = 0;
  for (const quote of quotes) {
    if (quote.previousClose === null || quote.previousClose <= 0) continue;
    const session = sessionDateOf(calendar, quote.timestamp);
    const previous = session === null ? null : previousTradingDate(calendar, session);
    if (previous === null) continue;
    if (cache.put(quote.symbol, previous, quote.previousClose, quoteSource(providerId), false)) {
      added += 1;
    }
  }
  return added;
}
