/**
 * Alpaca's market-data stream on 127.0.0.1: `connected`, auth by frame (key id `bad-key` fails
 * with 402), subscribe answered with the full subscription list, array frames throughout.
 */
import { fixture } from './fixtures.js';
import { type MockWsBehaviour, type MockWsServer, startMockWsServer } from './ws-mock.js';

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
