import { afterEach, describe, expect, it } from 'vitest';

import { AlpacaStream } from '../../../src-main/core/providers/alpaca/alpaca-stream.js';
import type { ProviderError } from '../../../src-main/core/providers/errors.js';
import type { StreamState, StreamTick } from '../../../src-main/core/providers/provider.js';
import {
  type AlpacaWsCase,
  MOCK_SYMBOL_LIMIT,
  sendAlpacaTrades,
  startAlpacaWsMock,
} from '../../mocks/providers/alpaca-ws-mock.js';
import type { MockWsServer } from '../../mocks/providers/ws-mock.js';

const NOW = Date.parse('2026-11-25T15:04:07Z');
let server: MockWsServer | undefined;
let stream: AlpacaStream | undefined;

afterEach(async () => {
  await stream?.close();
  await server?.close();
  stream = undefined;
  server = undefined;
});

async function open(
  name: AlpacaWsCase,
  symbols: string[],
  keyId = 'key-id',
  symbolLimit = 30,
  stallMs = 2_000,
) {
  server = await startAlpacaWsMock(name);
  const ticks: StreamTick[] = [];
  const states: StreamState[] = [];
  const errors: ProviderError[] = [];
  stream = new AlpacaStream({
    url: server.url,
    keyId,
    secret: 'secret-key',
    clock: { now: () => NOW },
    symbolLimit,
    tuning: { stallMs, reconnectBaseMs: 10 },
    handlers: {
      onTicks: (batch) => ticks.push(...batch),
      onState: (state) => states.push(state),
      onError: (error) => errors.push(error),
    },
  });
  stream.setSymbols(symbols);
  return { ticks, states, errors, server };
}

describe('Alpaca stream', () => {
  it('authenticates by frame, then subscribes trades in one message', async () => {
    const { server, states } = await open('quiet', ['AAPL', 'BRK.B']);
    await server.waitFor(() => states.includes('live'), 2_000, 'live');
    expect(server.connections[0]!.received).toEqual([
      { action: 'auth', key: 'key-id', secret: 'secret-key' },
      { action: 'subscribe', trades: ['AAPL', 'BRK.B'] },
    ]);
  });

  it('turns trade items into ticks (ns time to ms) and skips quotes', async () => {
    const { ticks, server } = await open('trades', ['AAPL', 'BRK.B']);
    await server.waitFor(() => ticks.length === 2, 2_000, 'ticks');
    expect(ticks[0]).toEqual({
      symbol: 'AAPL',
      price: 187.43,
      size: 100,
      timestamp: Date.parse('2026-11-25T15:04:05.123Z'),
      receivedAt: NOW,
    });
    expect(ticks[1]).toMatchObject({ symbol: 'BRK.B', price: 478.2 });
  });

  it('stays connected through quiet hours: protocol pongs keep the watchdog fed', async () => {
    const { server, states } = await open('quiet', ['AAPL'], 'key-id', 30, 150);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(server.connections).toHaveLength(1);
    expect(states).not.toContain('stalled');
  });

  it('notices a stalled server (no pongs), reconnects and authenticates again', async () => {
    const { server, states } = await open('stall', ['AAPL'], 'key-id', 30, 150);
    await server.waitFor(() => server.connections.length >= 2, 3_000, 'a reconnect');
    expect(states).toContain('stalled');
    await server.waitFor(() => server.connections[1]!.received.length >= 1, 2_000, 'auth again');
    expect(server.connections[1]!.received[0]).toMatchObject({ action: 'auth' });
  });

  it('stops on auth failure (402) with bad-key and does not reconnect', async () => {
    const { server, errors, states } = await open('quiet', ['AAPL'], 'bad-key');
    await server.waitFor(() => states.includes('closed'), 2_000, 'closed');
    expect(errors[0]!.kind).toBe('bad-key');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.connections).toHaveLength(1);
  });

  it('reports the symbol-limit error (405) as plan-limit and keeps the connection', async () => {
    const many = Array.from({ length: MOCK_SYMBOL_LIMIT + 5 }, (_, i) => `S${i}`);
    const { server, errors } = await open('quiet', many, 'key-id', 100);
    await server.waitFor(() => errors.length === 1, 2_000, 'limit error');
    expect(errors[0]!.kind).toBe('plan-limit');
    expect(server.connections).toHaveLength(1);
  });

  it('caps the set at the plan limit itself and says so', async () => {
    const many = Array.from({ length: 35 }, (_, i) => `S${i}`);
    const { server, errors, states } = await open('quiet', many);
    await server.waitFor(() => states.includes('live'), 2_000, 'live');
    expect(errors[0]!.kind).toBe('plan-limit');
    expect((server.connections[0]!.received[1] as { trades: string[] }).trades).toHaveLength(30);
  });

  it('backs off on the connection-limit error (406) instead of hammering', async () => {
    const { server, errors } = await open('connection-limit', ['AAPL']);
    await server.waitFor(() => errors.length >= 1, 2_000, 'limit error');
    expect(errors[0]!.kind).toBe('plan-limit');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.connections).toHaveLength(1);
  });

  it('reconnects after an internal-error frame', async () => {
    const { server, errors } = await open('internal-error', ['AAPL']);
    await server.waitFor(() => server.connections.length >= 2, 2_000, 'a reconnect');
    expect(errors[0]!.kind).toBe('provider-down');
  });

  it('sends only the difference when the set changes', async () => {
    const { server, states } = await open('quiet', ['AAPL', 'MSFT']);
    await server.waitFor(() => states.includes('live'));
    stream!.setSymbols(['MSFT', 'NVDA']);
    await server.waitFor(() => server.connections[0]!.received.length === 4);
    expect(server.connections[0]!.received.slice(2)).toEqual([
      { action: 'unsubscribe', trades: ['AAPL'] },
      { action: 'subscribe', trades: ['NVDA'] },
    ]);
  });

  it('receives on-demand trades for exactly the symbols subscribed now, stamped as asked', async () => {
    const { server, states, ticks } = await open('quiet', ['AAPL', 'MSFT']);
    await server.waitFor(() => states.includes('live'));
    stream!.setSymbols(['MSFT', 'BRK.B']);
    await server.waitFor(() => server.connections[0]!.received.length === 4);

    const at = NOW - 250;
    expect(sendAlpacaTrades(server, at)).toBe(2);
    await server.waitFor(() => ticks.length === 2, 2_000, 'ticks');
    expect(ticks.map((t) => t.symbol).sort()).toEqual(['BRK.B', 'MSFT']);
    expect(ticks[0]).toMatchObject({ price: 187.43, timestamp: at, receivedAt: NOW });
  });
});
