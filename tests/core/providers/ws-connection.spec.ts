import { afterEach, describe, expect, it } from 'vitest';

import { ProviderError } from '../../../src-main/core/providers/errors.js';
import type { StreamState } from '../../../src-main/core/providers/provider.js';
import { WsConnection } from '../../../src-main/core/providers/ws-connection.js';
import { type MockWsServer, startMockWsServer } from '../../mocks/providers/ws-mock.js';
import { VirtualTime } from '../helpers/virtual-time.js';

const START = Date.parse('2026-11-25T15:00:00Z');
const STALL_MS = 60_000;
const RECONNECT_BASE_MS = 1_000;

let server: MockWsServer | undefined;
let connection: WsConnection | undefined;

afterEach(async () => {
  connection?.stop();
  await server?.close();
  connection = undefined;
  server = undefined;
});

/** A connection to a mock that says nothing (a silent stall), on virtual time. */
async function openSilent(pingForLiveness = false) {
  server = await startMockWsServer({});
  const time = new VirtualTime(START);
  const states: StreamState[] = [];
  let opened = 0;
  connection = new WsConnection({
    providerId: 'test',
    url: () => server!.url,
    stallMs: STALL_MS,
    pingForLiveness,
    reconnectBaseMs: RECONNECT_BASE_MS,
    timers: time,
    clock: time,
    onOpen: () => {
      opened += 1;
    },
    onFrame: () => undefined,
    onState: (state) => states.push(state),
    onHandshakeStatus: (status) => new ProviderError('provider-down', `HTTP ${status}`),
    onError: () => undefined,
  });
  connection.start();
  await server.waitFor(() => opened === 1, 2_000, 'the first open');
  return { server, time, states, opened: () => opened };
}

describe('WsConnection on injected timers', () => {
  it('notices a stall only after stallMs of virtual time, then reconnects after the virtual backoff', async () => {
    const { server, time, states, opened } = await openSilent();

    // Real time passes while the socket opens; the virtual watchdog has not moved.
    await time.advance(STALL_MS - 1);
    expect(states).not.toContain('stalled');
    expect(server.connections).toHaveLength(1);

    await time.advance(1);
    expect(states).toContain('stalled');
    expect(states.at(-1)).toBe('reconnecting');

    // The reconnect waits on virtual time too: jitter keeps it within [base / 2, base].
    await time.advance(RECONNECT_BASE_MS / 2 - 1);
    expect(states.at(-1)).toBe('reconnecting');
    await time.advance(RECONNECT_BASE_MS / 2 + 1);
    await server.waitFor(() => opened() === 2, 2_000, 'the reconnect');
    expect(server.connections).toHaveLength(2);
    expect(states.at(-1)).toBe('connecting');
  });

  it('pings every stallMs / 3 of virtual time and counts the pongs as life', async () => {
    const { server, time, states } = await openSilent(true);
    let pings = 0;
    server.connections[0]!.socket.on('ping', () => {
      pings += 1;
    });

    // Each ping's pong re-arms the watchdog, so three stall periods pass without a stall.
    for (let i = 0; i < 9; i += 1) {
      await time.advance(STALL_MS / 3);
      await server.waitFor(() => pings === i + 1, 2_000, `ping ${i + 1}`);
    }
    expect(states).not.toContain('stalled');
    expect(server.connections).toHaveLength(1);
  });

  it('stops its virtual timers when stopped', async () => {
    const { time, states } = await openSilent(true);
    expect(time.nextAt()).toBe(START + STALL_MS / 3);
    connection!.stop();

    expect(time.nextAt()).toBeUndefined();
    await time.advance(10 * STALL_MS);
    expect(states).not.toContain('stalled');
  });
});
