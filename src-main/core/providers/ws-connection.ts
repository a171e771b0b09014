/**
 * A WebSocket that stays up: it reconnects with exponential backoff and jitter, and a watchdog
 * notices a silent stall (no frame, and no pong where we ping, for `stallMs`) and reconnects.
 * Providers plug in what to send on open and how to read frames; they stop it for good on a
 * bad key, since reconnecting with the same key cannot help. The watchdog, the pinger and the
 * reconnect delays run on the injected `timers` (real ones by default), so tests and the
 * benchmark can run a stream on virtual time; the socket itself is always real I/O.
 */
import WebSocket from 'ws';

import { type Clock, SYSTEM_CLOCK } from '../domain/types.js';
import { createLogger } from '../log.js';
import { SYSTEM_TIMERS, type TimerHandle, type Timers } from '../scheduler/timers.js';
import type { ProviderError } from './errors.js';
import type { StreamState } from './provider.js';

export const DEFAULT_STALL_MS = 60_000;
export const DEFAULT_RECONNECT_BASE_MS = 1_000;
export const DEFAULT_RECONNECT_MAX_MS = 60_000;

const log = createLogger('ws-connection');

export interface WsConnectionOptions {
  providerId: string;
  /** Built on each connect, so a changed key or symbol list is picked up. */
  url: () => string;
  headers?: Record<string, string>;
  /** No frame (or pong) for this long means stalled. */
  stallMs?: number;
  /** Send protocol pings every stallMs / 3 and count pongs as life (servers that send no pings). */
  pingForLiveness?: boolean;
  reconnectBaseMs?: number;
  reconnectMaxMs?: number;
  /**
   * Waits for the watchdog, pinger and reconnects. Node's timers by default, unref'd: an open
   * socket keeps the process alive, a pending reconnect alone does not.
   */
  timers?: Timers;
  /** Reads "now" for a handshake's retry time; the system clock by default. */
  clock?: Clock;
  /** Called on each open; send auth or subscribe frames here. */
  onOpen(connection: WsConnection): void;
  /** Called with each parsed JSON frame. */
  onFrame(frame: unknown, connection: WsConnection): void;
  onState(state: StreamState, detail?: string): void;
  /** Handshake refused with an HTTP status (bad token answered 401, and so on). */
  onHandshakeStatus(status: number): ProviderError;
  onError(error: ProviderError): void;
}

/** One long-lived, self-healing connection. */
export class WsConnection {
  private socket: WebSocket | undefined;
  private watchdog: TimerHandle | undefined;
  private pinger: TimerHandle | undefined;
  private reconnectTimer: TimerHandle | undefined;
  private attempts = 0;
  private stopped = false;
  private readonly stallMs: number;
  private readonly timers: Timers;
  private readonly clock: Clock;

  constructor(private readonly options: WsConnectionOptions) {
    this.stallMs = options.stallMs ?? DEFAULT_STALL_MS;
    this.timers = options.timers ?? SYSTEM_TIMERS;
    this.clock = options.clock ?? SYSTEM_CLOCK;
    if (!(this.stallMs > 0))
      throw new TypeError(`ws connection: stallMs must be > 0, received ${this.stallMs}`);
  }

  /** Opens the first connection. */
  start(): void {
    this.stopped = false;
    this.connect();
  }

  /** Sends a JSON frame if the socket is open; frames sent while down are dropped (onOpen resends). */
  send(frame: unknown): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(frame));
  }

  /** Marks the current connection healthy, so the next reconnect starts from the base delay. */
  markHealthy(): void {
    this.attempts = 0;
  }

  /** Drops the connection and reconnects after a backoff (`minDelayMs` at least). */
  reconnect(reason: string, minDelayMs = 0): void {
    if (this.stopped) return;
    this.teardown();
    const {
      reconnectBaseMs = DEFAULT_RECONNECT_BASE_MS,
      reconnectMaxMs = DEFAULT_RECONNECT_MAX_MS,
    } = this.options;
    const backoff = Math.min(reconnectBaseMs * 2 ** this.attempts, reconnectMaxMs);
    const delay = Math.max(minDelayMs, backoff * (0.5 + Math.random() / 2));
    this.attempts += 1;
    log.info(
      `reconnect ${this.options.providerId}: ${reason}; next try in ${Math.round(delay)} ms`,
    );
    this.options.onState('reconnecting', reason);
    this.reconnectTimer = this.timers.setTimeout(() => this.connect(), delay);
  }

  /** Stops for good (bad key, closed by the engine). */
  stop(reason = 'closed'): void {
    this.stopped = true;
    this.teardown();
    this.options.onState('closed', reason);
  }

  private connect(): void {
    if (this.stopped) return;
    this.options.onState('connecting');
    const socket = new WebSocket(this.options.url(), {
      headers: this.options.headers,
      handshakeTimeout: this.stallMs,
    });
    this.socket = socket;

    socket.on('open', () => {
      this.armWatchdog();
      if (this.options.pingForLiveness) this.schedulePing(socket);
      this.options.onOpen(this);
    });
    socket.on('pong', () => this.armWatchdog());
    socket.on('message', (data) => {
      if (socket !== this.socket) return;
      this.armWatchdog();
      let frame: unknown;
      try {
        frame = JSON.parse(data.toString()) as unknown;
      } catch {
        log.warn(`read ${this.options.providerId} frame: not JSON, ignored`);
        return;
      }
      this.options.onFrame(frame, this);
    });
    socket.on('unexpected-response', (request, response) => {
      // The handshake failed with an HTTP answer: drop it ourselves (ws leaves that to us).
      response.resume();
      request.destroy();
      if (socket !== this.socket) return;
      this.socket = undefined;
      const error = this.options.onHandshakeStatus(response.statusCode ?? 0);
      this.options.onError(error);
      if (error.kind === 'bad-key') this.stop(error.message);
      else this.reconnect(error.message, error.retryAt ? error.retryAt - this.clock.now() : 0);
    });
    socket.on('error', (error) => {
      if (socket !== this.socket) return;
      log.warn(`connect ${this.options.providerId} stream: ${error.message}`);
    });
    socket.on('close', (code) => {
      if (socket !== this.socket || this.stopped) return;
      this.reconnect(`connection closed (code ${code})`);
    });
  }

  /** Pings every stallMs / 3 (a chain of timeouts: `Timers` has no interval). */
  private schedulePing(socket: WebSocket): void {
    this.pinger = this.timers.setTimeout(
      () => {
        if (socket !== this.socket) return;
        socket.ping();
        this.schedulePing(socket);
      },
      Math.max(1, Math.floor(this.stallMs / 3)),
    );
  }

  private armWatchdog(): void {
    this.timers.clearTimeout(this.watchdog);
    this.watchdog = this.timers.setTimeout(() => {
      this.options.onState('stalled', `no frame for ${this.stallMs} ms`);
      this.reconnect(`stalled: no frame for ${this.stallMs} ms`);
    }, this.stallMs);
  }

  private teardown(): void {
    this.timers.clearTimeout(this.watchdog);
    this.timers.clearTimeout(this.pinger);
    this.timers.clearTimeout(this.reconnectTimer);
    const socket = this.socket;
    this.socket = undefined;
    if (socket) {
      socket.removeAllListeners('close');
      socket.on('error', () => {
        // Errors after we dropped the socket on purpose carry no news.
      });
      socket.terminate();
    }
  }
}
