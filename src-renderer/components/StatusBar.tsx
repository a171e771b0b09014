import type { MarketSessionInfo, SourceInfo } from '../../src-main/shared/api-types';
import type { StreamStatus } from '../api/stream-client';
import { formatAgo } from '../lib/format';
import { delayText, isDelayed, isMarketClosed, sessionText } from '../lib/freshness';
import type { StatusCounts } from '../lib/tiles';

interface Props {
  source: SourceInfo | null;
  counts: StatusCounts;
  status: StreamStatus;
  lastMessageAt: number | null;
  now: number;
  /** The market session (the stream's source, else /api/health); none before either answers. */
  session?: MarketSessionInfo | undefined;
}

function connectionText(status: StreamStatus): string {
  switch (status.kind) {
    case 'open':
      return 'Connected';
    case 'connecting':
      return 'Connecting…';
    case 'retrying':
      return 'Disconnected';
    default: {
      const never: never = status;
      return String(never);
    }
  }
}

/** Bottom bar: where the data comes from, how much of it is live, and how fresh it is. */
export function StatusBar({ source, counts, status, lastMessageAt, now, session }: Props) {
  const delayed = counts.delayed;
  const total = counts.live + delayed + counts.stale + counts.missing + counts.closed;
  const delay = source?.delay && isDelayed(source.delay) ? source.delay : undefined;
  const isReplay = source?.mode === 'replay';
  const closed = isMarketClosed(session);

  return (
    <footer className="status-bar" role="status" aria-label="Market status" aria-live="off">
      <span className={`source ${isReplay ? 'source-replay' : ''}`} title={source?.detail ?? ''}>
        {isReplay && <span className="badge">REPLAY</span>}
        {source?.label ?? 'No data source yet'}
      </span>
      {delay && (
        <span className="source-delay" title={delay.note}>
          {delayText(delay)}
        </span>
      )}
      {session && (
        <span
          className={`session session-${session.state} ${closed ? 'session-closed' : ''}`}
          aria-label={`Market session: ${sessionText(session)}`}
        >
          {sessionText(session)}
        </span>
      )}
      <span>
        {total} stocks · {counts.live} live
        {delayed > 0 && ` · ${delayed} delayed`}
        {counts.closed > 0 && ` · ${counts.closed} at last close`} · {counts.stale} stale ·{' '}
        {counts.missing} no data
      </span>
      <span className={`connection connection-${status.kind}`}>{connectionText(status)}</span>
      <span>
        {lastMessageAt === null ? 'Waiting for data' : `Updated ${formatAgo(now - lastMessageAt)}`}
      </span>
    </footer>
  );
}
