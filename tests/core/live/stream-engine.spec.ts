/**
 * The engine's Finnhub trade stream against the REST and WebSocket mocks on 127.0.0.1: the
 * stream feed subscribes the biggest tiles within Finnhub's symbol limit, and a trade frame
 * moves the served row's price while the REST quote's previous close stays.
 */
import { afterEach, describe, expect, it } from 'vitest';

import { createEngine, type RunningEngine } from '../../../src-main/core/engine.js';
import { FINNHUB_STREAM_SYMBOL_LIMIT } from '../../../src-main/core/providers/finnhub/finnhub-provider.js';
import { MemoryUsageStore } from '../../../src-main/core/scheduler/usage-store.js';
import { loadUniverse } from '../../../src-main/core/universe/universe.js';
import { startFinnhubMock } from '../../mocks/providers/finnhub-mock.js';
import { startFinnhubWsMock } from '../../mocks/providers/finnhub-ws-mock.js';
import type { MockServer } from '../../mocks/providers/mock-server.js';
import type { MockWsServer } from '../../mocks/providers/ws-mock.js';
import { RESOURCES_DIR } from '../helpers/resources.js';
import { settleWhen, VirtualTime } from '../helpers/virtual-time.js';

/** 15:00 ET on Wednesday 2026-11-25, an hour before the close; the fixtures' day. */
const T0 = Date.parse('2026-11-25T20:00:00Z');
const SECOND = 1_000;
const ALL = { sectors: [], categories: [] };

const closers: { close(): Promise<void> }[] = [];

afterEach(async () => {
  for (const closer of closers.splice(0).reverse()) await closer.close();
});

async function streamingEngine(): Promise<{
  engine: RunningEngine;
  ws: MockWsServer;
  rest: MockServer;
  advance(ms: number): Promise<void>;
}> {
  const rest = await startFinnhubMock();
  const ws = await startFinnhubWsMock('ping-only');
  closers.push(rest, ws);
  const time = new VirtualTime(T0);
  const engine = await createEngine({
    resourcesDir: RESOURCES_DIR,
    clock: time,
    timers: time,
    providerSettings: { provider: 'finnhub', apiKey: 'k', baseUrl: rest.url, streamUrl: ws.url },
    providerTuning: { http: { retryLimit: 0, timeoutMs: 200 } },
    usageStore: new MemoryUsageStore(),
    random: () => 0,
  });
  closers.push({ close: () => engine.stop() });
  const settle = settleWhen(() => engine.driver.status().callsInFlight);
  return { engine, ws, rest, advance: (ms) => time.advance(ms, settle) };
}

function subscribed(ws: MockWsServer): string[] {
  return (ws.connections[0]?.received ?? []).flatMap((m) => {
    const frame = m as { type?: string; symbol?: string };
    return frame.type === 'subscribe' && frame.symbol ? [frame.symbol] : [];
  });
}

function row(engine: RunningEngine, symbol: string) {
  return engine.stocks(ALL).stocks.find((s) => s.symbol === symbol);
}

describe('engine with the Finnhub trade stream', () => {
  it('subscribes the biggest tiles by area, no more than the symbol limit', async () => {
    const { engine, ws } = await streamingEngine();

    await engine.start();
    await ws.waitFor(
      () => subscribed(ws).length >= FINNHUB_STREAM_SYMBOL_LIMIT,
      5_000,
      'subscriptions',
    );
    const symbols = subscribed(ws);

    const caps = new Map(
      loadUniverse(RESOURCES_DIR).instruments.map((i) => [
        i.symbol.replace('-', '.'),
        i.marketCap ?? 0,
      ]),
    );
    const smallestStreamed = Math.min(...symbols.map((s) => caps.get(s) ?? 0));
    const biggestLeftOut = Math.max(
      ...[...caps].filter(([s]) => !symbols.includes(s)).map(([, cap]) => cap),
    );
    expect(symbols).toHaveLength(FINNHUB_STREAM_SYMBOL_LIMIT);
    expect(new Set(symbols).size).toBe(symbols.length);
    expect(symbols).toEqual(expect.arrayContaining(['AAPL', 'MSFT', 'NVDA']));
    expect(smallestStreamed).toBeGreaterThanOrEqual(biggestLeftOut);
  });

  it('closes the stream while paused and opens it again on resume', async () => {
    const { engine, ws } = await streamingEngine();
    await engine.start();
    await ws.waitFor(() => subscribed(ws).length > 0, 5_000, 'subscriptions');
    const first = ws.connections[0]!.socket;

    await engine.pause();
    await ws.waitFor(() => first.readyState === first.CLOSED, 5_000, 'the socket to close');
    engine.resume();
    await ws.waitFor(() => ws.connections.length === 2, 5_000, 'a new connection');

    expect(first.readyState).toBe(first.CLOSED);
  });

  it('moves the served price with a streamed trade and keeps the previous close', async () => {
    const { engine, ws, advance } = await streamingEngine();
    await engine.start();
    await advance(5 * SECOND);
    await ws.waitFor(() => subscribed(ws).includes('AAPL'), 5_000, 'AAPL subscription');
    const before = row(engine, 'AAPL');
    expect(before?.price).toBeGreaterThan(0);

    const price = (before?.price ?? 0) + 1.23;
    ws.connections[0]?.send({
      type: 'trade',
      data: [{ p: price, s: 'AAPL', t: T0 + 10 * 60 * SECOND, v: 100 }],
    });
    await ws.waitFor(() => row(engine, 'AAPL')?.price === price, 5_000, 'the streamed price');

    const after = row(engine, 'AAPL');
    expect(after).toMatchObject({ price, previousClose: before?.previousClose, status: 'live' });
    expect(after?.previousClose).toBeGreaterThan(0);
  });
});
