/**
 * Alpaca's market-data stream on 127.0.0.1: `connected`, auth by frame (key id `bad-key` fails
 * with 402), subscribe answered with the full subscription list, array frames throughout, and
 * trades on demand (`sendAlpacaTrades`) for whatever each connection has subscribed.
 */
import { fixture } from './fixtures.js';
import {
  type MockWsBehaviour,
  type MockWsConnection,
  type MockWsServer,
  startMockWsServer,
} from './ws-mock.js';

export type AlpacaWsCase = 'trades' | 'quiet' | 'stall' | 'connection-limit' | 'internal-error';

const f = (name: string): unknown => fixture('alpaca', name);
/** The free IEX plan's trade symbol limit the mock enforces. */
export const MOCK_SYMBOL_LIMIT = 30;

export function alpacaWsBehaviour(name: AlpacaWsCase): MockWsBehaviour {
  return {
    onConnect: (connection) => {
      if (name === 'connection-limit') {
        connection.send(f('ws-error-406.json'));
        connection.socket.close(1008);
        return;
      }
      connection.send(f('ws-connected.json'));
    },
    onMessage: (connection, message) => {
      const frame = message as { action?: string; key?: string; trades?: string[] };
      if (frame.action === 'auth') {
        if (frame.key === 'bad-key') {
          connection.send(f('ws-error-402.json'));
          connection.socket.close(1008);
          return;
        }
        connection.send(f('ws-authenticated.json'));
        // A stalled server: the TCP connection stays up but nothing is read or answered, not even pings.
        if (name === 'stall') connection.socket.pause();
        return;
      }
      if (frame.action === 'subscribe') {
        if ((frame.trades ?? []).length > MOCK_SYMBOL_LIMIT) {
          connection.send(f('ws-error-405.json'));
          return;
        }
        connection.send([{ T: 'subscription', trades: frame.trades ?? [], quotes: [], bars: [] }]);
        if (name === 'trades') connection.send(f('ws-trades.json'));
        if (name === 'internal-error') connection.send(f('ws-error-500.json'));
      }
    },
  };
}

export async function startAlpacaWsMock(name: AlpacaWsCase): Promise<MockWsServer> {
  return startMockWsServer(alpacaWsBehaviour(name), '/v2/iex');
}

/** What a connection streams now: its accepted trade subscriptions less its unsubscriptions. */
export function alpacaSubscriptions(connection: MockWsConnection): Set<string> {
  const symbols = new Set<string>();
  for (const message of connection.received) {
    const frame = message as { action?: string; trades?: unknown };
    if (!Array.isArray(frame.trades)) continue;
    const trades = frame.trades.filter((s): s is string => typeof s === 'string');
    // The mock refuses an oversized subscribe (405) and keeps the earlier set.
    if (frame.action === 'subscribe' && trades.length <= MOCK_SYMBOL_LIMIT) {
      for (const symbol of trades) symbols.add(symbol);
    }
    if (frame.action === 'unsubscribe') for (const symbol of trades) symbols.delete(symbol);
  }
  return symbols;
}

/**
 * Sends each open connection one array frame holding a trade for every symbol it subscribed,
 * stamped `at` (ms), priced as the fixture's first trade. Returns how many trades were sent, so
 * a caller on virtual time can wait until they have all arrived.
 */
export function sendAlpacaTrades(server: MockWsServer, at: number): number {
  const template = (f('ws-trades.json') as Record<string, unknown>[])[0];
  let sent = 0;
  for (const connection of server.connections) {
    if (connection.socket.readyState !== connection.socket.OPEN) continue;
    const symbols = [...alpacaSubscriptions(connection)];
    if (symbols.length === 0) continue;
    const t = new Date(at).toISOString();
    connection.send(symbols.map((S, i) => ({ ...template, S, i: at + i, t })));
    sent += symbols.length;
  }
  return sent;
}
