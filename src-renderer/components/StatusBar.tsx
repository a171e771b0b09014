import type { SourceInfo } from '../../src-main/shared/api-types';
import type { StreamStatus } from '../api/stream-client';
import { formatAgo } from '../lib/format';
import type { StatusCounts } from '../lib/tiles';

interface Props {
  source: SourceInfo | null;
  counts: StatusCounts;
  status: StreamStatus;
  lastMessageAt: number | null;
  now: number;
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
export function StatusBar({ source, counts, status, lastMessageAt, now }: Props) {
  const total = counts.live + counts.stale + counts.missing;
  const isReplay = source?.mode === 'replay';

  return (
    <footer className="status-bar" role="status" aria-label="Market status" aria-live="off">
      <span className={`source ${isReplay ? 'source-replay' : ''}`} title={source?.detail ?? ''}>
        {isReplay && <span className="badge">REPLAY</span>}
        {source?.label ?? 'No data source yet'}
      </span>
      <span>
        {total} stocks · {counts.live} live · {counts.stale} stale · {counts.missing} no data
      </span>
      <span className={`connection connection-${status.kind}`}>{connectionText(status)}</span>
      <span>
        {lastMessageAt === null ? 'Waiting for data' : `Updated ${formatAgo(now - lastMessageAt)}`}
      </span>
    </footer>
  );
}
