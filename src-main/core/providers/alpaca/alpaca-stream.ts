/**
 * Alpaca's market-data stream: `connected` → auth frame → `authenticated` → subscribe trades.
 * Every server frame is an array; errors come as `{"T":"error","code":…}` items. Alpaca sends
 * no application pings, so the connection pings and counts pongs to notice a stall.
 */
import type { Clock } from '../../domain/types.js';
import { createLogger } from '../../log.js';
import type { Timers } from '../../scheduler/timers.js';
import { ProviderError } from '../errors.js';
import type { StreamHandle, StreamHandlers, StreamState, StreamTick } from '../provider.js';
import type { StreamTuning } from '../registry.js';
import { planSubscription } from '../stream-subscription.js';
import { toProviderSymbol } from '../symbols.js';
import { WsConnection } from '../ws-connection.js';
import { streamError, toTick } from './alpaca-transform.js';
import { alpacaStreamMessageSchema } from './alpaca-wire.js';

export const ALPACA_STALL_MS = 45_000;
/** After "connection limit exceeded" (another app holds the connection) wait this long. */
export const CONNECTION_LIMIT_WAIT_MS = 60_000;

const log = createLogger('alpaca-stream');

export interface AlpacaStreamOptions {
  url: string;
  keyId: string;
  secret: string;
  clock: Clock;
  /** The connection's watchdog, pinger and reconnect delays wait on these (real by default). */
  timers?: Timers;
  handlers: StreamHandlers;
  symbolLimit: number;
  tuning?: StreamTuning;
  onClosed?: () => void;
}

/** One Alpaca trade stream; authenticates, subscribes, and heals itself. */
export class AlpacaStream implements StreamHandle {
  private symbols: string[] = [];
  private authenticated = false;
  private started = false;
  private state: StreamState | undefined;
  private readonly connection: WsConnection;

  constructor(private readonly options: AlpacaStreamOptions) {
    this.connection = new WsConnection({
      providerId: 'alpaca',
      url: () => options.url,
      stallMs: options.tuning?.stallMs ?? ALPACA_STALL_MS,
      pingForLiveness: true,
      reconnectBaseMs: options.tuning?.reconnectBaseMs,
      reconnectMaxMs: options.tuning?.reconnectMaxMs,
      clock: options.clock,
      ...(options.timers ? { timers: options.timers } : {}),
      onOpen: () => {
        this.authenticated = false;
      },
      onFrame: (frame) => this.onFrame(frame),
      onState: (state, detail) => this.setState(state, detail),
      onHandshakeStatus: (status) =>
        status === 401 || status === 403
          ? new ProviderError('bad-key', `alpaca stream: handshake refused (HTTP ${status})`)
          : new ProviderError('provider-down', `alpaca stream: handshake refused (HTTP ${status})`),
      onError: (error) => options.handlers.onError?.(error),
    });
  }

  setSymbols(symbols: readonly string[]): void {
    const { kept, added, removed, asked } = planSubscription(
      this.symbols,
      symbols,
      this.options.symbolLimit,
    );
    if (asked > kept.length) {
      this.options.handlers.onError?.(
        new ProviderError(
          'plan-limit',
          `alpaca stream: ${asked} symbols asked, the plan streams ${kept.length}; the rest stay on REST`,
        ),
      );
    }
    this.symbols = kept;

    if (this.authenticated) {
      if (removed.length > 0)
        this.connection.send({
          action: 'unsubscribe',
          trades: removed.map((s) => toProviderSymbol(s, 'dot')),
        });
      if (added.length > 0)
        this.connection.send({
          action: 'subscribe',
          trades: added.map((s) => toProviderSymbol(s, 'dot')),
        });
    }
    if (!this.started) {
      this.started = true;
      this.connection.start();
    }
  }

  async close(): Promise<void> {
    this.connection.stop('closed by the engine');
    this.options.onClosed?.();
  }

  private setState(state: StreamState, detail?: string): void {
    if (state === this.state && state === 'live') return;
    this.state = state;
    this.options.handlers.onState?.(state, detail);
  }

  private onFrame(frame: unknown): void {
    if (!Array.isArray(frame)) {
      log.warn('read frame: not an array, ignored');
      return;
    }
    const ticks: StreamTick[] = [];
    const receivedAt = this.options.clock.now();
    for (const item of frame) {
      const parsed = alpacaStreamMessageSchema.safeParse(item);
      if (!parsed.success) continue;
      const message = parsed.data;
      switch (message.T) {
        case 'success':
          this.onSuccess(message.msg);
          break;
        case 'error':
          this.onError(message.code, message.msg);
          break;
        case 'subscription':
          this.connection.markHealthy();
          this.setState('live');
          break;
        case 't': {
          const tick = toTick(message, receivedAt);
          if (tick) ticks.push(tick);
          break;
        }
        case 'q':
        case 'b':
          break;
        default: {
          const unreachable: never = message;
          log.warn('read frame: unknown message', unreachable);
        }
      }
    }
    if (ticks.length > 0) this.options.handlers.onTicks(ticks);
  }

  private onSuccess(msg: string): void {
    if (msg === 'connected') {
      this.connection.send({
        action: 'auth',
        key: this.options.keyId,
        secret: this.options.secret,
      });
      return;
    }
    if (msg === 'authenticated') {
      this.authenticated = true;
      if (this.symbols.length > 0) {
        this.connection.send({
          action: 'subscribe',
          trades: this.symbols.map((s) => toProviderSymbol(s, 'dot')),
        });
      } else {
        this.setState('live');
      }
    }
  }

  private onError(code: number, msg: string): void {
    const { error, action } = streamError(code, msg);
    this.options.handlers.onError?.(error);
    switch (action) {
      case 'stop':
        this.connection.stop(error.message);
        return;
      case 'reconnect':
        this.connection.reconnect(error.message);
        return;
      case 'wait':
        this.connection.reconnect(error.message, CONNECTION_LIMIT_WAIT_MS);
        return;
      case 'continue':
        return;
      default: {
        const unreachable: never = action;
        log.warn('handle stream error: unknown action', unreachable);
      }
    }
  }
}
