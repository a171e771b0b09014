/**
 * Polygon daily closes from grouped daily bars (`/v2/aggs/grouped/locale/us/market/stocks/
 * {date}`, `adjusted=true`): one call gives every US stock's bar for one session, which is why
 * a year of closes for the whole map costs one call per session date, whatever the map's size.
 */
import type { DailyCloseBatch, DailyCloseRequest } from '../provider.js';
import type { PolygonGroupedBody } from './polygon-wire.js';

/** The asked symbols' closes in one grouped answer, dated with the request's session date. */
export function groupedCloses(
  body: PolygonGroupedBody,
  request: DailyCloseRequest,
): DailyCloseBatch {
  const wanted = new Set(request.symbols);
  const closes: DailyCloseBatch['closes'] = [];
  for (const bar of body.results ?? []) {
    if (!wanted.has(bar.T) || !(bar.c > 0)) continue;
    closes.push({ symbol: bar.T, date: request.from, close: bar.c });
  }
  return { closes };
}
