/**
 * `/api/alerts` on the real HTTP layer: list, create (small JSON bodies only, validated with
 * clear 400s), delete, CSRF defences (JSON content type, same origin), and `event: alert` on
 * the stream.
 */
import { afterEach, describe, expect, it } from 'vitest';

import {
  type AlertMonitor,
  createAlertMonitor,
} from '../../../src-main/core/alerts/alert-monitor.js';
import type { AlertRule, AlertsResponse } from '../../../src-main/shared/alert-types.js';
import { FakeEngine } from '../../mocks/fake-engine.js';
import { send, startTestServer, type TestServer } from './helpers.js';
import { openSse } from './sse-client.js';

const JSON_HEADERS = { 'content-type': 'application/json' };
const RULE = { kind: 'price', symbol: 'AAPL', direction: 'above', level: 250 };

let server: TestServer | undefined;
let monitor: AlertMonitor;

afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function start(): Promise<number> {
  monitor = createAlertMonitor({ engine: new FakeEngine() });
  server = await startTestServer({ alerts: monitor });
  return server.port;
}

function post(port: number, body: string, headers: Record<string, string> = JSON_HEADERS) {
  return send(port, '/api/alerts', { method: 'POST', headers, body });
}

describe('/api/alerts', () => {
  it('creates, lists and deletes a rule', async () => {
    const port = await start();

    const created = await post(port, JSON.stringify(RULE));
    expect(created.status).toBe(201);
    const rule = created.json<AlertRule>();
    expect(rule).toMatchObject({ ...RULE, id: expect.any(String) });

    const listed = await send(port, '/api/alerts');
    expect(listed.status).toBe(200);
    expect(listed.headers['cache-control']).toBe('no-store');
    expect(listed.json<AlertsResponse>().rules.map((r) => r.rule.id)).toEqual([rule.id]);

    const deleted = await send(port, `/api/alerts/${rule.id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    const again = await send(port, `/api/alerts/${rule.id}`, { method: 'DELETE' });
    expect(again.status).toBe(404);
  });

  it('answers a bad rule with a 400 naming the field', async () => {
    const port = await start();

    const res = await post(port, JSON.stringify({ ...RULE, level: 'high' }));

    expect(res.status).toBe(400);
    expect(res.json<{ error: string }>().error).toMatch(/^Invalid alert rule: level: /);
    expect(monitor.list().rules).toEqual([]);
  });

  it('answers an unknown sector with the accepted ones', async () => {
    const port = await start();

    const sector = { kind: 'sector', sector: 'Crypto', direction: 'up', percent: 2 };
    const res = await post(port, JSON.stringify(sector));

    expect(res.status).toBe(400);
    expect(res.json<{ accepted: string[] }>().accepted).toContain('Energy');
  });

  it('answers unparsable JSON with 400', async () => {
    const port = await start();

    const res = await post(port, '{"kind": ');

    expect(res.status).toBe(400);
    expect(res.json()).toEqual({ error: 'Request body is not valid JSON.' });
  });

  it('requires Content-Type application/json (a cross-site form cannot send it)', async () => {
    const port = await start();

    const formTypes = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'];
    for (const type of formTypes) {
      const res = await post(port, JSON.stringify(RULE), { 'content-type': type });
      expect(res.status, type).toBe(415);
    }
    expect((await post(port, JSON.stringify(RULE), {})).status).toBe(415);
    expect(monitor.list().rules).toEqual([]);
  });

  it('refuses a foreign origin before reading the body', async () => {
    const port = await start();

    const res = await post(port, JSON.stringify(RULE), {
      ...JSON_HEADERS,
      origin: 'http://evil.example',
    });

    expect(res.status).toBe(403);
    expect(monitor.list().rules).toEqual([]);
  });

  it('caps the body at 16 KiB, announced or chunked', async () => {
    const port = await start();
    const big = JSON.stringify({ ...RULE, padding: 'x'.repeat(17 * 1024) });

    expect((await post(port, big)).status).toBe(413);
    const chunked = await post(port, big, { ...JSON_HEADERS, 'transfer-encoding': 'chunked' });
    expect(chunked.status).toBe(413);
  });

  it('answers other methods with 405 and Allow', async () => {
    const port = await start();

    const put = await send(port, '/api/alerts', { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe('GET, HEAD, POST');
    const getItem = await send(port, '/api/alerts/abc');
    expect(getItem.status).toBe(405);
    expect(getItem.headers.allow).toBe('DELETE');
  });

  it('still refuses bodies on the read-only routes (405 for a write method, 413 on a read)', async () => {
    const port = await start();

    const post = await send(port, '/api/stocks', {
      method: 'POST',
      headers: JSON_HEADERS,
      body: '{}',
    });
    const get = await send(port, '/api/stocks', {
      headers: { ...JSON_HEADERS, 'content-length': '2' },
      body: '{}',
    });

    expect(post.status).toBe(405);
    expect(get.status).toBe(413);
  });

  it('answers 404 where the server runs without alerts', async () => {
    server = await startTestServer();

    expect((await send(server.port, '/api/alerts')).status).toBe(404);
  });

  it('sends each firing on the stream as event: alert', async () => {
    const engine = new FakeEngine();
    monitor = createAlertMonitor({ engine });
    server = await startTestServer({ alerts: monitor });
    monitor.addRule(RULE);
    const client = await openSse(server.port, '/api/stream');

    engine.stocks.mockImplementation((query) => {
      const rows = new FakeEngine().stocks(query);
      return {
        ...rows,
        stocks: rows.stocks.map((r) => (r.symbol === 'AAPL' ? { ...r, price: 260 } : r)),
      };
    });
    monitor.evaluate();

    const message = await client.next('alert');
    expect(JSON.parse(message.data)).toMatchObject({ kind: 'price', symbol: 'AAPL', value: 260 });
    client.close();
  });
});
