import type { QuoteChange, SourceInfo, StocksResponse } from '../../src-main/shared/api-types';
import { backoffDelay } from '../lib/backoff';
import { createLogger } from '../lib/log';

const log = createLogger('stream');

export interface ChangesBatch {
  asOf: string;
  source: SourceInfo;
  changes: QuoteChange[];
}

/** Connection state of the stream, as the UI shows it. */
export type StreamStatus =
  | { kind: 'connecting' }
  | { kind: 'open' }
  | { kind: 'retrying'; attempt: number; retryAt: number };

export interface StreamHandlers {
  onSnapshot(data: StocksResponse): void;
  onChanges(data: ChangesBatch): void;
  onStatus(status: StreamStatus): void;
}

/** What the client needs from the platform; tests pass fakes. */
export interface StreamDeps {
  createEventSource(url: string): EventSource;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
  random(): number;
}

const browserDeps = (): StreamDeps => ({
  createEventSource: (url) => new EventSource(url),
  setTimeout: (fn, ms) => window.setTimeout(fn, ms),
  clearTimeout: (h) => window.clearTimeout(h as number),
  now: () => Date.now(),
  random: Math.random,
});

export interface StreamConnection {
  close(): void;
  /** Skips the back-off wait and reconnects at once. */
  retryNow(): void;
}

function parse<T>(event: MessageEvent, what: string): T | null {
  try {
    return JSON.parse(String(event.data)) as T;
  } catch (error: unknown) {
    log.warn(`parse ${what}: dropped a malformed event`, error);
    return null;
  }
}

/**
 * Opens `/api/stream` with `query` (from `buildQuery`). On any error it closes the EventSource
 * and reconnects itself with exponential back-off, so the UI can say when the next try is;
 * the browser's own silent retry would hide that. A snapshot resets the back-off.
 */
export function connectStream(
  query: string,
  handlers: StreamHandlers,
  deps: StreamDeps = browserDeps(),
): StreamConnection {
  let source: EventSource | null = null;
  let timer: unknown = null;
  let attempt = 0;
  let closed = false;

  const open = () => {
    timer = null;
    handlers.onStatus({ kind: 'connecting' });
    const es = deps.createEventSource(`/api/stream${query}`);
    source = es;

    es.addEventListener('snapshot', (event) => {
      const data = parse<StocksResponse>(event as MessageEvent, 'snapshot');
      if (!data || closed || source !== es) return;
      attempt = 0;
      handlers.onStatus({ kind: 'open' });
      handlers.onSnapshot(data);
    });
    es.addEventListener('changes', (event) => {
      const data = parse<ChangesBatch>(event as MessageEvent, 'changes');
      if (data && !closed && source === es) handlers.onChanges(data);
    });
    es.onerror = () => {
      if (closed || source !== es) return;
      es.close();
      source = null;
      scheduleRetry();
    };
  };

  const scheduleRetry = () => {
    const delay = backoffDelay(attempt, deps.random);
    attempt++;
    log.info(`connect stream: failed, retry ${attempt} in ${delay} ms`);
    handlers.onStatus({ kind: 'retrying', attempt, retryAt: deps.now() + delay });
    timer = deps.setTimeout(open, delay);
  };

  open();

  return {
    close() {
      closed = true;
      if (timer !== null) deps.clearTimeout(timer);
      source?.close();
      source = null;
    },
    retryNow() {
      if (closed || timer === null) return;
      deps.clearTimeout(timer);
      open();
    },
  };
}
