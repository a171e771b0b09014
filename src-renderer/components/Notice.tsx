import type { StreamStatus } from '../api/stream-client';
import { formatAgo, formatClock } from '../lib/format';

/**
 * After this long without any stream message the page says so. The replay sends every second;
 * a live provider on a free quota may take tens of seconds between batches, so this is generous.
 * While the market is closed nothing moves on purpose, so this stays quiet (the map's
 * MarketClosedNote says why).
 */
export const STALE_AFTER_MS = 60_000;

interface Props {
  status: StreamStatus;
  hasSnapshot: boolean;
  lastMessageAt: number | null;
  staleCount: number;
  total: number;
  now: number;
  onRetry(): void;
  /** The market is closed: no updates is expected, not a problem. */
  marketClosed?: boolean;
}

/**
 * The one banner above the map, most important first: unreachable server (with the next retry
 * time), then old data. Renders nothing when all is well.
 */
export function Notice(props: Props) {
  const { status, hasSnapshot, lastMessageAt, staleCount, total, now, onRetry, marketClosed } =
    props;
  if (status.kind === 'retrying') {
    const seconds = Math.max(0, Math.ceil((status.retryAt - now) / 1000));
    return (
      <div className="notice notice-error" role="alert">
        Server unreachable. Retrying in {seconds} s (at {formatClock(status.retryAt)}, attempt{' '}
        {status.attempt}).{hasSnapshot && ' The map shows the last data received.'}
        <button type="button" onClick={onRetry}>
          Retry now
        </button>
      </div>
    );
  }

  const age = lastMessageAt === null ? 0 : now - lastMessageAt;
  if (hasSnapshot && age > STALE_AFTER_MS && !marketClosed) {
    return (
      <div className="notice notice-warn" role="alert">
        No update received for {formatAgo(age).replace(' ago', '')}: the map may be out of date.
      </div>
    );
  }
  if (hasSnapshot && total > 0 && staleCount > total / 2) {
    return (
      <div className="notice notice-warn" role="alert">
        Data is stale: {staleCount} of {total} quotes are older than their refresh interval.
      </div>
    );
  }
  return null;
}
