import type {
  MarketSessionInfo,
  QuoteFreshness,
  SourceDelay,
} from '../../src-main/shared/api-types';

/*
 * A tile's freshness is the engine's typed `status` (QuoteStatus in api-types: live, delayed,
 * stale, missing, closed), judged there from the NYSE calendar, the quote's time and the source's
 * delay; the renderer never infers it from reason text. These helpers only put it into words.
 */

/** Whether a source delay means the prices are behind the market (not real-time). */
export function isDelayed(delay: SourceDelay | undefined): delay is SourceDelay {
  return delay !== undefined && delay.kind !== 'realtime';
}

/**
 * The words for a delayed tile: its own lag when the engine gives one ("Delayed 15 min"), else
 * the source's delay (an end-of-day close), else plain "Delayed".
 */
export function delayedTileText(
  row: Pick<QuoteFreshness, 'delayedByMinutes'>,
  delay: SourceDelay | undefined,
): string {
  if (row.delayedByMinutes !== undefined) return `Delayed ${row.delayedByMinutes} min`;
  return delay ? delayText(delay) : 'Delayed';
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

/** Whether the session is one where the market does not trade at all (night, weekend, holiday). */
export function isMarketClosed(session: MarketSessionInfo | undefined): boolean {
  return session?.state === 'closed' || session?.state === 'holiday';
}

/** A session's name alone, e.g. "Market holiday (Thanksgiving Day)" or "Pre-market". */
export function sessionName(session: MarketSessionInfo): string {
  const name = SESSION_NAMES[session.state];
  return session.state === 'holiday' && session.note ? `${name} (${session.note})` : name;
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

/**
 * The session whose close the map shows: the newest `closedSessionDate` among `closed` rows
 * (YYYY-MM-DD, so the text order is the date order), or null when no tile is closed.
 */
export function closedSessionOf(
  rows: ReadonlyArray<Pick<QuoteFreshness, 'status' | 'closedSessionDate'>>,
): string | null {
  let newest: string | null = null;
  for (const r of rows) {
    const date = r.status === 'closed' ? r.closedSessionDate : undefined;
    if (date !== undefined && (newest === null || date > newest)) newest = date;
  }
  return newest;
}

/** `Fri, 27 Nov 2026` for a New York date `YYYY-MM-DD` (the date itself when unreadable). */
export function sessionDateText(date: string): string {
  const at = Date.parse(`${date}T12:00:00Z`);
  if (!Number.isFinite(at)) return date;
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(at);
}
