import type { MarketSessionInfo } from '../../src-main/shared/api-types';
import { sessionDateText, sessionName } from '../lib/freshness';

interface Props {
  session: MarketSessionInfo | undefined;
  /** New York date of the session whose close the closed tiles show; null when none is closed. */
  closedSession: string | null;
}

/**
 * A label over the map while tiles show the last session's close (the engine's `closed`
 * status: nights, weekends, holidays, pre-market and after-hours), so full-colour tiles read as
 * that close, not as live prices: "Market closed · showing the close of Fri, 27 Nov 2026".
 * Renders nothing while no tile is closed.
 */
export function MarketClosedNote({ session, closedSession }: Props) {
  if (closedSession === null) return null;
  const name = session ? sessionName(session) : 'Market closed';
  return (
    <p className="market-closed-note" role="note" aria-label="Market closed">
      <strong>{name}</strong> · showing the close of {sessionDateText(closedSession)}
    </p>
  );
}
