/**
 * The market session for the API (`/api/health`, the stream's source info): the NYSE calendar's
 * answer for an instant, with early closes and the regular close spelled out. For the replay the
 * instant is the replayed market time, so the status bar shows the replayed session.
 */
import type { MarketSessionInfo } from '../../shared/api-types.js';
import { type NyseCalendar, REGULAR_CLOSE } from './nyse-calendar.js';

/** The session at `epochMs`; `replayed` says whether that instant is simulated. */
export function marketSessionAt(
  calendar: NyseCalendar,
  epochMs: number,
  replayed: boolean,
): MarketSessionInfo {
  const info = calendar.sessionAt(epochMs);
  const hours = calendar.regularHours(info.date);
  const earlyClose = info.regularCloseMinute !== null && info.regularCloseMinute < REGULAR_CLOSE;
  return {
    state: info.session,
    date: info.date,
    earlyClose,
    closesAt: hours ? new Date(hours.close).toISOString() : null,
    ...(info.note === undefined ? {} : { note: info.note }),
    replayed,
  };
}
