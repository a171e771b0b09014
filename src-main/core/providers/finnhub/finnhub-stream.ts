/**
 * Finnhub's trade WebSocket: `?token=` in the URL, one subscribe frame per symbol, trade frames
 * with arrays of trades, `{"type":"ping"}` keep-alives, and errors as frames (not closes).
 * Free keys go silent after some hours (Finnhub-API #517): the watchdog reconnects.
 */
import type { Clock } from '../../domain/types.js';
import { createLogger } from '../../log.js';
import type { Timers } from '../../scheduler/timers.js';
import { ProviderError } from '../errors.js';
import type { StreamHandle, StreamHandlers, StreamState } from '../provider.js';
import type { StreamTuning } from '../registry.js';
import { planSubscription } from '../stream-subscription.js';
import { toProviderSymbol } from '../symbols.js';
import { WsConnection } from '../ws-connection.js';
import { errorFromFrame, toTicks } from './finnhub-transform.js';
import { finnhubFrameSchema } from './finnhub-wire.js';

/** Finnhub sends pings every few seconds to a minute; none for this long means a dead socket. */
export const FINNHUB_STALL_MS = 60_000;
const SYMBOL_LIMIT = 50;

const log = createLogger('finnhub-stream');

export interface FinnhubStreamOptions {
  url: string;
  apiKey: string;
  clock: Clock;
  /** The connection's watchdog, pinger and reconnect delays wait on these (real by default). */
  timers?: Timers;
  handlers: StreamHandlers;
  tuning?: StreamTuning;
  onClosed?: () => void;
}

/** One Finnhub trade stream; reconnects and resubscribes by itself. */
export class FinnhubStream implements StreamHandle {
  private symbols: string[] = [];
  private started = false;
  private state: StreamState | undefined;
  private readonly connection: WsConnection;

  constructor(private readonly options: FinnhubStreamOptions) {
    const url = new URL(options.url);
    url.searchParams.set('token', options.apiKey);
    this.connection = new WsConnection({
      providerId: 'finnhub',
      url: () => url.toString(),
      stallMs: options.tuning?.stallMs ?? FINNHUB_STALL_MS,
      reconnectBaseMs: options.tuning?.reconnectBaseMs,
      reconnectMaxMs: options.tuning?.reconnectMaxMs,
      clock: options.clock,
      ...(options.timers ? { timers: options.timers } : {}),
      onOpen: (connection) => {
        for (const symbol of this.symbols)
          connection.send({ type: 'subscribe', symbol: toProviderSymbol(symbol, 'dot') });
      },
      onFrame: (frame) => this.onFrame(frame),
      onState: (state, detail) => this.setState(state, detail),
      onHandshakeStatus: (status) =>
        status === 401 || status === 403
          ? new ProviderError('bad-key', `finnhub stream: handshake refused (HTTP ${status})`)
          : status === 429
            ? new ProviderError('rate-limited', 'finnhub stream: handshake refused (HTTP 429)')
            : new ProviderError(
                'provider-down',
                `finnhub stream: handshake refused (HTTP ${status})`,
              ),
      onError: (error) => options.handlers.onError?.(error),
    });
  }

  setSymbols(symbols: readonly string[]): void {
    const { kept, added, removed, asked } = planSubscription(this.symbols, symbols, SYMBOL_LIMIT);
    if (asked > SYMBOL_LIMIT) {
      this.options.handlers.onError?.(
        new ProviderError(
          'plan-limit',
          `finnhub stream: ${asked} symbols asked, the free plan streams ${SYMBOL_LIMIT}; the rest stay on REST`,
        ),
      );
    }

    if (this.started) {
      for (const symbol of removed)
        this.connection.send({ type: 'unsubscribe', symbol: toProviderSymbol(symbol, 'dot') });
      for (const symbol of added)
        this.connection.send({ type: 'subscribe', symbol: toProviderSymbol(symbol, 'dot') });
    }
    this.symbols = kept;
    if (!this.started) {
      this.started = true;
      this.connection.start();
    }
  }

  async close(): Promise<void> {
    this.connection.stop('closed by the engine');
    this.options.onClosed?.();
  }

  /** Tells the handlers about a state change (not every ping). */
  private setState(state: StreamState, detail?: string): void {
    if (state === this.state && state === 'live') return;
    this.state = state;
    this.options.handlers.onState?.(state, detail);
  }

  private onFrame(raw: unknown): void {
    const parsed = finnhubFrameSchema.safeParse(raw);
    if (!parsed.success) {
      log.warn('read frame: unexpected shape, ignored');
      return;
    }
    const frame = parsed.data;
    switch (frame.type) {
      case 'ping':
        this.setState('live');
        this.connection.markHealthy();
        return;
      case 'trade': {
        this.connection.markHealthy();
        this.setState('live');
        const ticks = toTicks(frame.data, this.options.clock.now());
        if (ticks.length > 0) this.options.handlers.onTicks(ticks);
        return;
      }
      case 'error': {
        const { error, symbol } = errorFromFrame(frame.msg);
        this.options.handlers.onError?.(error, symbol);
        if (error.kind === 'bad-key') this.connection.stop(error.message);
        return;
      }
      default: {
        const unreachable: never = frame;
        log.warn('read frame: unknown type', unreachable);
      }
    }
  }
}
