import type { MarketSessionInfo } from '../../src-main/shared/api-types';
import { isMarketClosed } from '../lib/freshness';

interface Props {
  session: MarketSessionInfo | undefined;
  /** New York date of the last session's close the tiles show, when known. */
  lastClose: string | null;
}

/**
 * A light note over the map while the market is closed, so full-colour tiles at night read as
 * the last session's close, not as live prices. Renders nothing during a session.
 */
export function MarketClosedNote({ session, lastClose }: Props) {
  if (!session || !isMarketClosed(session)) return null;
  const why = session.state === 'holiday' && session.note ? ` (${session.note})` : '';
  return (
    <p className="market-closed-note" role="note">
      Market closed{why} — last close{lastClose ? ` of ${lastClose}` : ''}
    </p>
  );
}
