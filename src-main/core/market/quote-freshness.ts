/**
 * A quote's freshness (QuoteStatus in api-types): pure over the quote, the time, the NYSE
 * calendar's facts and the source's delay, so the market state only keeps the entries.
 *
 * Outside the regular session a quote from the last session is that session's close: `closed`,
 * whatever its age, so the map does not turn stale every night and weekend. In the session the
 * age rule holds, shifted by a delayed source's documented lag.
 */
import type { SourceDelay } from '../../shared/api-types.js';
import type { Quote } from '../domain/types.js';
import { formatDuration } from '../live/format-duration.js';
import { formatEasternDateMinute, formatEasternMinute } from './eastern-clock.js';
import type { FinishedSession, NyseCalendar } from './nyse-calendar.js';
import type { SymbolStatus } from './quote-rows.js';

const MS_PER_MINUTE = 60_000;
/** Past this age a stale reason names the quote's day as well as its time. */
const SAME_DAY_MS = 12 * 60 * MS_PER_MINUTE;

/** What the calendar says at one instant; the same for every symbol, so computed once. */
export interface SessionFacts {
  /** Whether the regular session (early closes included) is on. */
  regular: boolean;
  /** The latest regular session that has closed, or null (none within ten days). */
  last: FinishedSession | null;
}

/** The calendar's facts at `now`. */
export function sessionFacts(calendar: NyseCalendar, now: number): SessionFacts {
  return {
    regular: calendar.sessionAt(now).session === 'regular',
    last: calendar.lastSessionAtOrBefore(now),
  };
}

export interface FreshnessInput {
  quote: Quote;
  now: number;
  staleAfterMs: number;
  /** Why a held quote (restored snapshot, previous provider) is kept; it is never live. */
  heldReason?: string | undefined;
  /** Why quotes are not refreshing now ("rate limited"), added to stale reasons. */
  condition?: string | undefined;
  /** The calendar's facts, when the quote trades on the NYSE calendar (not the replay's). */
  session?: SessionFacts | undefined;
  /** How late the source is, as its adapter states it. */
  delay?: SourceDelay | undefined;
}

/** The quote's status and reason; see the module comment. */
export function judgeQuote(input: FreshnessInput): SymbolStatus {
  const { quote, now, session, delay } = input;
  const last = session?.last ?? null;
  const ofLastSession = last !== null && quote.timestamp >= last.dayStart;

  // TODO: an extended-hours trade older than the stale age also reads as the last close here;
  // a typed extended-hours state (with the trade's own session) would tell them apart.
  if (session && !session.regular && last && ofLastSession && !isFreshTrade(input, last)) {
    return { status: 'closed', closedSessionDate: last.date };
  }
  if (input.heldReason) {
    const reason = input.condition ? `${input.heldReason} — ${input.condition}` : input.heldReason;
    return { status: 'stale', reason };
  }
  // An end-of-day source's closes of the latest finished session are as fresh as it gets.
  if (delay?.kind === 'end-of-day' && session && ofLastSession) return { status: 'delayed' };

  const lateBy = delay?.kind === 'delayed' ? (delay.minutes ?? 0) * MS_PER_MINUTE : 0;
  const age = now - quote.timestamp;
  if (age - lateBy > input.staleAfterMs) return { status: 'stale', reason: staleReason(input) };

  if (delay === undefined || delay.kind === 'realtime') return { status: 'live' };
  return delay.minutes === undefined
    ? { status: 'delayed' }
    : { status: 'delayed', delayedByMinutes: delay.minutes };
}

/** A current trade after the last close (post-market): live while young, like any other. */
function isFreshTrade(input: FreshnessInput, last: FinishedSession): boolean {
  const { quote, now, staleAfterMs, heldReason } = input;
  return (
    heldReason === undefined &&
    quote.timestamp > last.close &&
    now - quote.timestamp <= staleAfterMs
  );
}

function staleReason({ quote, now, condition }: FreshnessInput): string {
  const age = now - quote.timestamp;
  if (!condition) return `no update for ${formatDuration(age)}`;
  const when =
    age > SAME_DAY_MS
      ? formatEasternDateMinute(quote.timestamp)
      : formatEasternMinute(quote.timestamp);
  return `last good quote ${when} — ${condition}`;
}
