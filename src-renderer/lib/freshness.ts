import type { MarketSessionInfo, QuoteStatus } from '../../src-main/shared/api-types';

/**
 * How a tile reads on the map: the engine's status, plus `closed` for a quote the engine calls
 * stale only because the market is closed (its reason ends with "market closed"). After the
 * close every quote's time is its last trade, so the engine's age rule marks the whole map stale
 * at night; those are the last session's closes, not broken data, and must not fade.
 */
export type Freshness = QuoteStatus | 'closed';
// TODO: a 'delayed' look (issue 4, point 4) for providers whose quotes are delayed or end-of-day
// (Polygon's grouped daily bars, Alpaca's IEX feed). The renderer cannot tell today: the engine
// states it only in prose (`ProviderHealth.limitations`). It needs a typed field from the engine,
// e.g. `SourceInfo.delay: 'realtime' | 'delayed' | 'end-of-day'`; then `freshnessOf` returns
// 'delayed' for live quotes of such a source, the painter gives them a mark of their own (like
// the stale corner) and the status bar names the delay.

/**
 * The engine's condition text for stale quotes outside market hours (live/condition.ts).
 * TODO: matching prose couples us to the engine's wording, and a restored snapshot's reason
 * also ends with it at night (so a days-old snapshot reads as "last close" too). A typed
 * `QuoteStatus` 'closed' (or a `closedAt` on the row) from the engine would fix both.
 */
export const MARKET_CLOSED_REASON = 'market closed';

/** A tile's freshness from its engine status and reason; pure. */
export function freshnessOf(row: { status: QuoteStatus; reason?: string }): Freshness {
  if (row.status === 'stale' && row.reason?.endsWith(MARKET_CLOSED_REASON)) return 'closed';
  return row.status;
}

/** Whether the session is one where the map shows the last session's closes. */
export function isMarketClosed(session: MarketSessionInfo | undefined): boolean {
  return session?.state === 'closed' || session?.state === 'holiday';
}

/** The status bar's words for a session, e.g. "Regular session · early close 13:00". */
export function sessionText(session: MarketSessionInfo): string {
  const name = SESSION_NAMES[session.state];
  const parts = [session.note ? `${name} (${session.note})` : name];
  if (session.earlyClose && session.closesAt) {
    parts.push(`early close ${newYorkClock(session.closesAt)}`);
  }
  if (session.replayed) parts.push(`replayed ${session.date}`);
  return parts.join(' · ');
}

const SESSION_NAMES: Readonly<Record<MarketSessionInfo['state'], string>> = {
  pre: 'Pre-market',
  regular: 'Regular session',
  post: 'After-hours',
  closed: 'Market closed',
  holiday: 'Market holiday',
};

/** `13:00` New York time of an ISO instant. */
export function newYorkClock(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'America/New_York',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/** New York date `YYYY-MM-DD` of the newest `updatedAt` among rows, or null when none has one. */
export function lastCloseDate(rows: ReadonlyArray<{ updatedAt: string | null }>): string | null {
  let newest = -Infinity;
  for (const r of rows) {
    const t = r.updatedAt ? Date.parse(r.updatedAt) : NaN;
    if (t > newest) newest = t;
  }
  if (!Number.isFinite(newest)) return null;
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(newest);
}
