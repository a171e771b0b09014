import { afterEach, describe, expect, it, vi } from 'vitest';

import type { ProviderError } from '../../../src-main/core/providers/errors.js';
import { FinnhubProvider } from '../../../src-main/core/providers/finnhub/finnhub-provider.js';
import type {
  StreamHandle,
  StreamState,
  StreamTick,
} from '../../../src-main/core/providers/provider.js';
import {
  type FinnhubWsCase,
  sendFinnhubTrades,
  startFinnhubWsMock,
} from '../../mocks/providers/finnhub-ws-mock.js';
import type { MockWsServer } from '../../mocks/providers/ws-mock.js';

const NOW = Date.parse('2026-11-25T15:00:05Z');
let server: MockWsServer | undefined;
let handle: StreamHandle | undefined;

afterEach(async () => {
  await handle?.close();
  await server?.close();
  handle = undefined;
  server = undefined;
});

async function open(name: FinnhubWsCase, symbols: string[], apiKey = 'test-key', stallMs = 2_000) {
  server = await startFinnhubWsMock(name);
  const ticks: StreamTick[] = [];
  const states: StreamState[] = [];
  const errors: { error: ProviderError; symbol?: string }[] = [];
  const provider = new FinnhubProvider({
    apiKey,
    baseUrl: 'http://127.0.0.1:1/api/v1',
    streamUrl: server.url,
    clock: { now: () => NOW },
    stream: { stallMs, reconnectBaseMs: 10 },
  });
  handle = provider.stream(symbols, {
    onTicks: (batch) => ticks.push(...batch),
    onState: (state) => states.push(state),
    onError: (error, symbol) => errors.push({ error, symbol }),
  });
  return { ticks, states, errors, server };
}

describe('Finnhub trade stream', () => {
  it('sends the token in the URL and one subscribe frame per symbol', async () => {
    const { server } = await open('ping-only', ['AAPL', 'BRK.B']);
    await server.waitFor(() => server.connections[0]?.received.length === 2, 2_000, 'subscribes');
    expect(server.connections[0]!.url).toContain('token=test-key');
    expect(server.connections[0]!.received).toEqual([
      { type: 'subscribe', symbol: 'AAPL' },
      { type: 'subscribe', symbol: 'BRK.B' },
    ]);
  });

  it('turns trade frames into ticks with ms timestamps and dot-form symbols', async () => {
    const { ticks, server } = await open('trades', ['AAPL', 'BRK.B']);
    await server.waitFor(() => ticks.length === 3, 2_000, 'ticks');
    expect(ticks[0]).toEqual({
      symbol: 'AAPL',
      price: 187.43,
      size: 100,
      timestamp: 1795618800123,
      receivedAt: NOW,
    });
    expect(ticks[1]).toMatchObject({ symbol: 'BRK.B', price: 478.2, size: 5 });
  });

  it('stays live on ping-only hours without inventing ticks', async () => {
    const { ticks, states, server } = await open('ping-only', ['AAPL']);
    await server.waitFor(() => states.includes('live'), 2_000, 'live');
    expect(ticks).toEqual([]);
    expect(server.connections).toHaveLength(1);
  });

  it('notices a silent stall, reconnects and subscribes again', async () => {
    const { states, server } = await open('silent', ['AAPL'], 'test-key', 100);
    await server.waitFor(() => server.connections.length >= 2, 3_000, 'a reconnect');
    expect(states).toContain('stalled');
    expect(states).toContain('reconnecting');
    await server.waitFor(() => server.connections[1]!.received.length === 1, 2_000, 'resubscribe');
    expect(server.connections[1]!.received).toEqual([{ type: 'subscribe', symbol: 'AAPL' }]);
  });

  it('stops on a refused handshake (bad token) instead of reconnecting', async () => {
    const { errors, states, server } = await open('ping-only', ['AAPL'], 'bad-key');
    await server.waitFor(() => states.includes('closed'), 2_000, 'closed');
    expect(errors[0]!.error.kind).toBe('bad-key');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.rejected).toBe(1);
    expect(server.connections).toHaveLength(0);
  });

  it('reports error frames: an invalid symbol by name, a limit as rate-limited, and keeps streaming', async () => {
    const { errors, server } = await open('error-frames', ['ZZZZ', 'AAPL']);
    await server.waitFor(() => errors.length === 2, 2_000, 'error frames');
    expect(errors[0]).toMatchObject({ symbol: 'ZZZZ' });
    expect(errors[0]!.error.kind).toBe('unknown-symbol');
    expect(errors[1]!.error.kind).toBe('rate-limited');
    expect(server.connections).toHaveLength(1);
  });

  it('streams at most 50 symbols and reports the rest as a plan limit', async () => {
    const symbols = Array.from({ length: 60 }, (_, i) => `S${i}`);
    const { errors, server } = await open('ping-only', symbols);
    await server.waitFor(
      () => server.connections[0]?.received.length === 50,
      2_000,
      '50 subscribes',
    );
    expect(errors[0]!.error.kind).toBe('plan-limit');
  });

  it('subscribes and unsubscribes only the difference when the set changes', async () => {
    const { server } = await open('ping-only', ['AAPL', 'MSFT']);
    await server.waitFor(() => server.connections[0]?.received.length === 2);
    handle!.setSymbols(['MSFT', 'NVDA']);
    await server.waitFor(() => server.connections[0]!.received.length === 4);
    expect(server.connections[0]!.received.slice(2)).toEqual([
      { type: 'unsubscribe', symbol: 'AAPL' },
      { type: 'subscribe', symbol: 'NVDA' },
    ]);
  });

  it('receives on-demand trades for exactly the symbols subscribed now, stamped as asked', async () => {
    const { ticks, server } = await open('ping-only', ['AAPL', 'MSFT']);
    await server.waitFor(() => server.connections[0]?.received.length === 2);
    handle!.setSymbols(['MSFT', 'BRK.B']);
    await server.waitFor(() => server.connections[0]?.received.length === 4);

    const at = NOW - 250;
    expect(sendFinnhubTrades(server, at)).toBe(2);
    await server.waitFor(() => ticks.length === 2, 2_000, 'ticks');
    expect(ticks.map((t) => t.symbol).sort()).toEqual(['BRK.B', 'MSFT']);
    expect(ticks[0]).toMatchObject({ price: 187.43, timestamp: at, receivedAt: NOW });
  });
});

vi.setConfig({ testTimeout: 10_000 });
