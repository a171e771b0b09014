/**
 * Finnhub's trade WebSocket on 127.0.0.1: token in the query (`bad-key` refused with 401),
 * pings, trade frames and error frames from tests/fixtures/providers/finnhub/ws-*.json, and
 * trades on demand (`sendFinnhubTrades`) for whatever each connection has subscribed.
 */
import { fixture } from './fixtures.js';
import {
  type MockWsBehaviour,
  type MockWsConnection,
  type MockWsServer,
  startMockWsServer,
} from './ws-mock.js';

export type FinnhubWsCase = 'trades' | 'ping-only' | 'silent' | 'error-frames';

const f = (name: string): unknown => fixture('finnhub', name);

/** What the server does per case; `silent` accepts and never sends a frame (a stall). */
export function finnhubWsBehaviour(name: FinnhubWsCase): MockWsBehaviour {
  return {
    rejectHandshake: (url) => {
      const token = new URL(url, 'ws://127.0.0.1').searchParams.get('token');
      return token === 'bad-key' ? 401 : undefined;
    },
    onConnect: (connection) => {
      if (name === 'ping-only' || name === 'trades' || name === 'error-frames')
        connection.send(f('ws-ping.json'));
    },
    onMessage: (connection, message) => {
      const frame = message as { type?: string; symbol?: string };
      if (frame.type !== 'subscribe') return;
      if (name === 'trades' && frame.symbol === 'AAPL') connection.send(f('ws-trade.json'));
      if (name === 'error-frames' && frame.symbol === 'ZZZZ')
        connection.send(f('ws-error-invalid-symbol.json'));
      if (name === 'error-frames' && frame.symbol === 'AAPL')
        connection.send(f('ws-error-limit.json'));
    },
  };
}

export async function startFinnhubWsMock(name: FinnhubWsCase): Promise<MockWsServer> {
  return startMockWsServer(finnhubWsBehaviour(name));
}

/** What a connection streams now, replayed from its subscribe and unsubscribe frames. */
export function finnhubSubscriptions(connection: MockWsConnection): Set<string> {
  const symbols = new Set<string>();
  for (const message of connection.received) {
    const frame = message as { type?: string; symbol?: string };
    if (typeof frame.symbol !== 'string') continue;
    if (frame.type === 'subscribe') symbols.add(frame.symbol);
    if (frame.type === 'unsubscribe') symbols.delete(frame.symbol);
  }
  return symbols;
}

/**
 * Sends each open connection one trade frame holding a trade for every symbol it subscribed,
 * stamped `at` (ms), priced as the fixture's first trade. Returns how many trades were sent, so
 * a caller on virtual time can wait until they have all arrived.
 */
export function sendFinnhubTrades(server: MockWsServer, at: number): number {
  const template = (f('ws-trade.json') as { data: Record<string, unknown>[] }).data[0];
  let sent = 0;
  for (const connection of server.connections) {
    if (connection.socket.readyState !== connection.socket.OPEN) continue;
    const symbols = [...finnhubSubscriptions(connection)];
    if (symbols.length === 0) continue;
    connection.send({ type: 'trade', data: symbols.map((s) => ({ ...template, s, t: at })) });
    sent += symbols.length;
  }
  return sent;
}
