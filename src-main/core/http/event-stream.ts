/**
 * `/api/stream`: Server-Sent Events. Each client gets `event: snapshot` (the full map for its
 * query) first, then `event: changes` batches filtered to its query, and a heartbeat comment
 * so proxies and the browser keep the connection open.
 *
 * Backpressure policy: while a client's socket buffer is full, change batches for it are
 * dropped (never queued); when the socket drains, the client gets a fresh snapshot, which
 * supersedes every batch it missed. A slow client therefore costs at most one buffered
 * event's memory and always converges to the current map.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { AlertEvent, AlertStreamEvent } from '../../shared/alert-types.js';
import type { StreamEvent } from '../../shared/api-types.js';
import type { AlertService } from '../alerts/alert-monitor.js';
import type { ChangeBatch, Engine, StockQuery } from '../engine-types.js';
import { createLogger, formatError } from '../log.js';

const log = createLogger('http-stream');

/** How often an idle stream gets a comment line, so nothing between us times it out. */
export const DEFAULT_HEARTBEAT_MS = 15_000;
/** How long the browser's EventSource waits before reconnecting after a drop. */
const CLIENT_RETRY_MS = 3_000;

const STREAM_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  Connection: 'keep-alive',
  // Tells buffering reverse proxies (nginx) to pass events through at once.
  'X-Accel-Buffering': 'no',
} as const;

export interface StreamOptions {
  engine: Engine;
  query: StockQuery;
  heartbeatMs: number;
  /** When given, every firing is sent to every stream as `event: alert`. */
  alerts?: Pick<AlertService, 'onAlert'>;
}

/** Formats one Server-Sent Event. JSON has no raw newlines, so one `data:` line suffices. */
export function formatEvent(event: StreamEvent | AlertStreamEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

/** Keeps only the changes of symbols in `symbols` (undefined: no filter). */
export function filterBatch(
  batch: ChangeBatch,
  symbols: ReadonlySet<string> | undefined,
): ChangeBatch {
  if (symbols === undefined) return batch;
  return { ...batch, changes: batch.changes.filter((change) => symbols.has(change.symbol)) };
}

function isUnfiltered(query: StockQuery, engineHasViews: boolean): boolean {
  // With a view layer the default universe (sp500) is itself a selection, so only `all`
  // without other criteria streams every symbol.
  const everyUniverse = query.universe === 'all' || !engineHasViews;
  return (
    query.sectors.length === 0 &&
    query.categories.length === 0 &&
    everyUniverse &&
    query.filter === undefined
  );
}

function sameMembers(a: ReadonlySet<string>, b: ReadonlySet<string> | undefined): boolean {
  return b !== undefined && a.size === b.size && [...a].every((symbol) => b.has(symbol));
}

/**
 * Opens the event stream on `res` and keeps it until the client goes away. Returns a function
 * that ends the stream from the server side (used on shutdown).
 */
export function openEventStream(
  req: IncomingMessage,
  res: ServerResponse,
  options: StreamOptions,
): () => void {
  const { engine, query } = options;
  if (req.method === 'HEAD') {
    res.writeHead(200, STREAM_HEADERS);
    res.end();
    return () => undefined;
  }

  // Read the snapshot before the headers, so an engine failure still gets a JSON 500.
  const first = engine.stocks(query);
  res.writeHead(200, STREAM_HEADERS);

  // The universe does not change while the server runs, so the query's symbols are fixed,
  // except under a `filter` expression over moving values (re-checked per batch below).
  let symbols = isUnfiltered(query, engine.views !== undefined)
    ? undefined
    : new Set(first.stocks.map((stock) => stock.symbol));

  let congested = false;
  // Set when a batch was dropped while congested: only then does a drain owe the client a
  // fresh snapshot. Re-sending on every drain would loop, since a snapshot larger than the
  // socket buffer congests the socket again by itself.
  let missedChanges = false;
  let closed = false;

  const write = (chunk: string): void => {
    if (closed) return;
    if (!res.write(chunk)) congested = true;
  };

  const sendSnapshot = (data = engine.stocks(query)): void => {
    write(formatEvent({ type: 'snapshot', data }));
  };

  const onChanges = (batch: ChangeBatch): void => {
    if (congested) {
      missedChanges = true;
      return;
    }
    try {
      if (query.filter) {
        // A tile entering or leaving the filter needs the whole map: send a fresh snapshot.
        const fresh = engine.stocks(query);
        const matching = new Set(fresh.stocks.map((stock) => stock.symbol));
        if (!sameMembers(matching, symbols)) {
          symbols = matching;
          sendSnapshot(fresh);
          return;
        }
      }
      const filtered = filterBatch(batch, symbols);
      if (filtered.changes.length === 0) return;
      write(formatEvent({ type: 'changes', data: filtered }));
    } catch (error) {
      log.error('stream changes: could not send a batch', formatError(error));
    }
  };

  const onDrain = (): void => {
    congested = false;
    if (!missedChanges) return;
    missedChanges = false;
    sendSnapshot();
  };

  write(`retry: ${CLIENT_RETRY_MS}\n\n`);
  sendSnapshot(first);

  const unsubscribe = engine.onChanges(onChanges);
  // The viewer looks at this stream's symbols: the scheduler spends quota there first.
  // TODO: an unfiltered stream watches every symbol, which gives no priority signal; visible
  // tiles (zoom) would need the renderer to report them.
  const unwatch = engine.watch(first.stocks.map((stock) => stock.symbol));
  const heartbeat = setInterval(() => {
    if (!congested) write(': heartbeat\n\n');
  }, options.heartbeatMs);
  heartbeat.unref();
  res.on('drain', onDrain);
  // Alerts are rare and small, and a missed one is not superseded by the next snapshot: they
  // are written even while the socket is congested.
  const unsubscribeAlerts = options.alerts?.onAlert((data: AlertEvent) => {
    if (!closed) res.write(formatEvent({ type: 'alert', data }));
  });

  const cleanup = (): void => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
    unsubscribeAlerts?.();
    unwatch();
    res.off('drain', onDrain);
  };
  res.on('close', cleanup);

  return () => {
    cleanup();
    res.end();
  };
}
