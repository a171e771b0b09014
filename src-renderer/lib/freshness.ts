import type { MarketSessionInfo, QuoteStatus, SourceDelay } from '../../src-main/shared/api-types';

/**
 * How a tile reads on the map: the engine's status, plus `closed` for a quote the engine calls
 * stale only because the market is closed (its reason ends with "market closed"). After the
 * close every quote's time is its last trade, so the engine's age rule marks the whole map stale
 * at night; those are the last session's closes, not broken data, and must not fade. `delayed`
 * is a live quote from a source the engine says is delayed or end-of-day (`SourceInfo.delay`).
 */
export type Freshness = QuoteStatus | 'closed' | 'delayed';

/** Whether a source delay means the prices are behind the market (not real-time). */
export function isDelayed(delay: SourceDelay | undefined): delay is SourceDelay {
  return delay !== undefined && delay.kind !== 'realtime';
}

/**
 * The engine's condition text for stale quotes outside market hours (live/condition.ts).
 * TODO: matching prose couples us to the engine's wording, and a restored snapshot's reason
 * also ends with it at night (so a days-old snapshot reads as "last close" too). A typed
 * `QuoteStatus` 'closed' (or a `closedAt` on the row) from the engine would fix both.
 */
export const MARKET_CLOSED_REASON = 'market closed';

/** A tile's freshness from its engine status and reason; pure. */
export function freshnessOf(row: {
  status: QuoteStatus;
  reason?: string;
  delay?: SourceDelay | undefined;
}): Freshness {
  if (row.status === 'stale' && row.reason?.endsWith(MARKET_CLOSED_REASON)) return 'closed';
  // Stale and missing outrank delayed: an old or absent quote is worse than a late one.
  if (row.status === 'live' && isDelayed(row.delay)) return 'delayed';
  return row.status;
}

/** The words for a delay, e.g. "Delayed 15 min" or "Delayed: end-of-day close of 2026-11-24". */
export function delayText(delay: SourceDelay): string {
  switch (delay.kind) {
    case 'realtime':
      return 'Real-time';
    case 'delayed':
      return delay.minutes ? `Delayed ${delay.minutes} min` : 'Delayed';
    case 'end-of-day':
      return delay.sessionDate
        ? `Delayed: end-of-day close of ${delay.sessionDate}`
        : 'Delayed: end-of-day close';
    default: {
      const never: never = delay.kind;
      return String(never);
    }
  }
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
