import { afterEach, describe, expect, it } from 'vitest';

import type { ChangeBatch } from '../../../src-main/core/engine-types.js';
import type { StocksResponse } from '../../../src-main/shared/api-types.js';
import { fakeChange } from '../../mocks/fake-engine.js';
import { send, startTestServer, type TestServer } from './helpers.js';
import { openSse, type SseClient } from './sse-client.js';

let server: TestServer | undefined;
let client: SseClient | undefined;

afterEach(async () => {
  client?.close();
  client = undefined;
  await server?.stop();
  server = undefined;
});

/** Waits until `check` holds, polling briefly; for effects of a socket closing. */
async function eventually(check: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('GET /api/stream', () => {
  it('sends event-stream headers and the full snapshot first', async () => {
    server = await startTestServer();
    client = await openSse(server.port, '/api/stream');

    expect(client.response.statusCode).toBe(200);
    expect(client.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(client.response.headers['cache-control']).toBe('no-cache, no-transform');

    const snapshot = JSON.parse((await client.next('snapshot')).data) as StocksResponse;
    expect(snapshot.stocks).toHaveLength(6);
  });

  it('forwards a change batch pushed by the engine', async () => {
    server = await startTestServer();
    client = await openSse(server.port, '/api/stream');
    await client.next('snapshot');

    server.engine.emit([fakeChange('AAPL', 201), fakeChange('XOM', 111)]);

    const batch = JSON.parse((await client.next('changes')).data) as ChangeBatch;
    expect(batch.changes.map((c) => [c.symbol, c.price])).toEqual([
      ['AAPL', 201],
      ['XOM', 111],
    ]);
    expect(batch.source.mode).toBe('replay');
  });

  it('filters the snapshot and the changes to the query', async () => {
    server = await startTestServer();
    client = await openSse(server.port, '/api/stream?sector=ENERGY');

    const snapshot = JSON.parse((await client.next('snapshot')).data) as StocksResponse;
    expect(snapshot.stocks.map((s) => s.symbol)).toEqual(['XOM', 'CVX']);

    // A batch with nothing in the query is not sent at all; the next one arrives filtered.
    server.engine.emit([fakeChange('AAPL', 202)]);
    server.engine.emit([fakeChange('MSFT', 401), fakeChange('CVX', 150)]);

    const batch = JSON.parse((await client.next('changes')).data) as ChangeBatch;
    expect(batch.changes.map((c) => c.symbol)).toEqual(['CVX']);
  });

  it('answers HEAD with the stream headers only, without subscribing', async () => {
    server = await startTestServer();
    const res = await send(server.port, '/api/stream', { method: 'HEAD' });

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.text).toBe('');
    expect(server.engine.onChanges).not.toHaveBeenCalled();
  });

  it('answers 400 JSON for a bad query instead of opening the stream', async () => {
    server = await startTestServer();
    const res = await send(server.port, '/api/stream?category=bogus');

    expect(res.status).toBe(400);
    expect(res.json()).toEqual({
      error: 'Unknown category "bogus".',
      accepted: ['dow30', 'nasdaq100', 'sp500', 'stock'],
    });
  });

  it('unsubscribes from the engine when the client disconnects', async () => {
    server = await startTestServer();
    client = await openSse(server.port, '/api/stream');
    await client.next('snapshot');
    expect(server.engine.listeners.size).toBe(1);

    client.close();

    const engine = server.engine;
    await eventually(() => engine.listeners.size === 0);
  });

  it('sends heartbeat comments while idle', async () => {
    server = await startTestServer({ heartbeatMs: 20 });
    client = await openSse(server.port, '/api/stream');

    expect((await client.next('comment')).data).toBe('heartbeat');
  });

  it('refuses a stream beyond the cap with 503 JSON', async () => {
    server = await startTestServer({ maxStreams: 1 });
    client = await openSse(server.port, '/api/stream');
    await client.next('snapshot');

    const res = await send(server.port, '/api/stream');

    expect(res.status).toBe(503);
    expect(res.json()).toEqual({
      error: 'Too many open event streams; close another tab and retry.',
    });
  });

  it('ends open streams and unsubscribes when the server stops', async () => {
    server = await startTestServer();
    client = await openSse(server.port, '/api/stream');
    await client.next('snapshot');
    const ended = new Promise<void>((resolve) => client?.response.on('close', resolve));

    await server.stop();

    await ended;
    expect(server.engine.listeners.size).toBe(0);
    server = undefined;
  });
});
