/**
 * A WebSocket mock on 127.0.0.1 (port 0) built on `ws`. The provider's mock decides what to do
 * with each connection and message; this records every connection and every client message so
 * tests can assert reconnects, auth frames and subscriptions.
 */
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

import { type WebSocket, WebSocketServer } from 'ws';

export interface MockWsConnection {
  readonly socket: WebSocket;
  /** Path and query of the upgrade request (`/?token=…`). */
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  /** Client messages, parsed as JSON where possible. */
  readonly received: unknown[];
  /** Sends a value as JSON (strings are sent as they are). */
  send(frame: unknown): void;
}

export interface MockWsBehaviour {
  /** Refuse the upgrade with this HTTP status (a bad token), or undefined to accept. */
  rejectHandshake?(url: string, headers: IncomingMessage['headers']): number | undefined;
  onConnect?(connection: MockWsConnection): void;
  onMessage?(connection: MockWsConnection, message: unknown): void;
}

export interface MockWsServer {
  readonly url: string;
  readonly connections: MockWsConnection[];
  /** Upgrade requests refused by `rejectHandshake`. */
  readonly rejected: number;
  /** Swaps behaviour for later connections and messages. */
  setBehaviour(behaviour: MockWsBehaviour): void;
  /** Resolves once `predicate` holds (polled), or rejects after `timeoutMs`. */
  waitFor(predicate: () => boolean, timeoutMs?: number, what?: string): Promise<void>;
  close(): Promise<void>;
}

/** Starts a WebSocket mock; `path` mimics the provider's stream path (`/v2/iex`). */
export async function startMockWsServer(
  behaviour: MockWsBehaviour,
  path = '',
): Promise<MockWsServer> {
  let current = behaviour;
  const connections: MockWsConnection[] = [];
  let rejected = 0;
  const server = new WebSocketServer({
    host: '127.0.0.1',
    port: 0,
    verifyClient: (info, done) => {
      const status = current.rejectHandshake?.(info.req.url ?? '/', info.req.headers);
      if (status === undefined) return done(true);
      rejected += 1;
      done(false, status);
    },
  });

  server.on('connection', (socket, request) => {
    const connection: MockWsConnection = {
      socket,
      url: request.url ?? '/',
      headers: request.headers,
      received: [],
      send(frame) {
        if (socket.readyState === socket.OPEN) {
          socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
        }
      },
    };
    connections.push(connection);
    socket.on('message', (data) => {
      const raw = data.toString();
      let message: unknown = raw;
      try {
        message = JSON.parse(raw);
      } catch {
        // Not JSON: keep the raw text so the test can see exactly what was sent.
      }
      connection.received.push(message);
      current.onMessage?.(connection, message);
    });
    current.onConnect?.(connection);
  });

  await new Promise<void>((resolve) => server.on('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;

  return {
    url: `ws://127.0.0.1:${port}${path}`,
    connections,
    get rejected() {
      return rejected;
    },
    setBehaviour(next) {
      current = next;
    },
    async waitFor(predicate, timeoutMs = 2_000, what = 'condition') {
      const started = Date.now();
      while (!predicate()) {
        if (Date.now() - started > timeoutMs)
          throw new Error(`ws mock: timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
