/**
 * A WebSocket that stays up: it reconnects with exponential backoff and jitter, and a watchdog
 * notices a silent stall (no frame, and no pong where we ping, for `stallMs`) and reconnects.
 * Providers plug in what to send on open and how to read frames; they stop it for good on a
 * bad key, since reconnecting with the same key cannot help.
 */
import WebSocket from 'ws';

import { createLogger } from '../log.js';
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
  private watchdog: NodeJS.Timeout | undefined;
  private pinger: NodeJS.Timeout | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private attempts = 0;
  private stopped = false;
  private readonly stallMs: number;

  constructor(private readonly options: WsConnectionOptions) {
    this.stallMs = options.stallMs ?? DEFAULT_STALL_MS;
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
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
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
      if (this.options.pingForLiveness) {
        this.pinger = setInterval(() => socket.ping(), Math.max(1, Math.floor(this.stallMs / 3)));
      }
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
      else this.reconnect(error.message, error.retryAt ? error.retryAt - Date.now() : 0);
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

  private armWatchdog(): void {
    clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => {
      this.options.onState('stalled', `no frame for ${this.stallMs} ms`);
      this.reconnect(`stalled: no frame for ${this.stallMs} ms`);
    }, this.stallMs);
  }

  private teardown(): void {
    clearTimeout(this.watchdog);
    clearInterval(this.pinger);
    clearTimeout(this.reconnectTimer);
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
