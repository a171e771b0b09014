/**
 * Finnhub's trade WebSocket on 127.0.0.1: token in the query (`bad-key` refused with 401),
 * pings, trade frames and error frames from tests/fixtures/providers/finnhub/ws-*.json.
 */
import { fixture } from './fixtures.js';
import { type MockWsBehaviour, type MockWsServer, startMockWsServer } from './ws-mock.js';

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
