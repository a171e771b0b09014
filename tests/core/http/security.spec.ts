import { connect } from 'node:net';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { PortInUseError } from '../../../src-main/core/http/errors.js';
import { createHttpServer } from '../../../src-main/core/http/server.js';
import type { ApiError } from '../../../src-main/shared/api-types.js';
import { FakeEngine } from '../../mocks/fake-engine.js';
import { send, startTestServer, type TestServer } from './helpers.js';

let server: TestServer;

beforeEach(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  await server.stop();
});

describe('Host header (DNS rebinding protection)', () => {
  it('accepts 127.0.0.1, localhost and [::1] at our port', async () => {
    for (const name of ['127.0.0.1', 'localhost', 'LOCALHOST', '[::1]']) {
      const res = await send(server.port, '/api/health', {
        headers: { host: `${name}:${server.port}` },
      });
      expect(res.status, name).toBe(200);
    }
  });

  it('refuses a foreign host name with 403 JSON', async () => {
    const res = await send(server.port, '/api/health', {
      headers: { host: `evil.example:${server.port}` },
    });

    expect(res.status).toBe(403);
    expect(res.json<ApiError>().error).toContain('DNS rebinding protection');
  });

  it('refuses a loopback host at another port or without a port', async () => {
    for (const host of [`127.0.0.1:${server.port + 1}`, 'localhost', '127.0.0.1']) {
      const res = await send(server.port, '/api/health', { headers: { host } });
      expect(res.status, host).toBe(403);
    }
  });

  it('guards static files too', async () => {
    const res = await send(server.port, '/', { headers: { host: 'rebound.example' } });

    expect(res.status).toBe(403);
  });
});

describe('Origin header', () => {
  it('accepts our own origin', async () => {
    const res = await send(server.port, '/api/stocks', {
      headers: { origin: `http://localhost:${server.port}` },
    });

    expect(res.status).toBe(200);
  });

  it('refuses a foreign or null origin with 403 and sends no CORS headers', async () => {
    for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${server.port + 1}`]) {
      const res = await send(server.port, '/api/stocks', { headers: { origin } });

      expect(res.status, origin).toBe(403);
      expect(res.json<ApiError>().error).toBe('Cross-origin requests are not accepted.');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    }
  });
});

describe('request bodies and headers', () => {
  it('refuses a GET that carries a body with 413', async () => {
    const body = 'x'.repeat(64);
    const res = await send(server.port, '/api/stocks', {
      body,
      headers: { 'content-length': String(body.length) },
    });

    expect(res.status).toBe(413);
    expect(res.json<ApiError>().error).toBe('Request bodies are not accepted.');
    expect(res.headers.connection).toBe('close');
  });

  it('refuses a chunked body with 413 without reading it', async () => {
    const res = await send(server.port, '/api/stocks', {
      body: 'y'.repeat(1024),
      headers: { 'transfer-encoding': 'chunked' },
    });

    expect(res.status).toBe(413);
  });

  it('answers a wrong method 405 with Allow, and an unknown path 404, before the body guard', async () => {
    const body = '{"name":"x"}';
    const withBody = (method: string, path: string) =>
      send(server.port, path, {
        method,
        body,
        headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
      });

    const wrong: [string, string, string][] = [
      ['PUT', '/api/stocks', 'GET, HEAD'],
      ['PUT', '/api/watchlists', 'GET, HEAD, POST'],
      ['POST', '/api/filters/mine', 'GET, HEAD, PUT, DELETE'],
      ['PUT', '/index.html', 'GET, HEAD'],
    ];
    for (const [method, path, allow] of wrong) {
      const res = await withBody(method, path);
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.allow, path).toBe(allow);
      expect(res.headers.connection, path).toBe('close');
    }
    for (const path of ['/api/filters/', '/api/nope']) {
      const res = await withBody('PUT', path);
      expect(res.status, path).toBe(404);
      expect(res.json<ApiError>().error).toBe(`No API endpoint at ${path}.`);
    }
  });

  it('sends nosniff and no CORS headers on every answer', async () => {
    for (const path of ['/api/health', '/api/nope', '/']) {
      const res = await send(server.port, path);

      expect(res.headers['x-content-type-options'], path).toBe('nosniff');
      expect(res.headers['access-control-allow-origin'], path).toBeUndefined();
    }
  });
});

/** Sends `request` as raw bytes and resolves with everything the server wrote before closing. */
function sendRaw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.setTimeout(5_000, () => socket.destroy(new Error('sendRaw: no answer')));
    socket.write(request);
  });
}

describe('requests node:http refuses before routing', () => {
  const host = () => `Host: 127.0.0.1:${server.port}\r\n`;
  const cases: [string, () => string, number, string][] = [
    [
      'a URL over the header cap',
      () => `GET /${'a'.repeat(20_000)} HTTP/1.1\r\n${host()}\r\n`,
      431,
      'Request headers (or the URL) too large.',
    ],
    ['an unknown method', () => `FOO / HTTP/1.1\r\n${host()}\r\n`, 400, 'Unknown HTTP method.'],
    [
      'an empty Host',
      () => 'GET /api/health HTTP/1.1\r\nHost:\r\n\r\n',
      403,
      'Host header not accepted (DNS rebinding protection).',
    ],
    [
      'no Host at all',
      () => 'GET /api/health HTTP/1.1\r\n\r\n',
      403,
      'Host header not accepted (DNS rebinding protection).',
    ],
  ];

  it.each(cases)('answers %s with a short JSON error', async (_label, request, status, error) => {
    const answer = await sendRaw(server.port, request());
    const [head = '', body = ''] = answer.split('\r\n\r\n');

    expect(head).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expect(head.toLowerCase()).toContain('content-type: application/json; charset=utf-8');
    expect(head.toLowerCase()).toContain('x-content-type-options: nosniff');
    expect(JSON.parse(body)).toEqual({ error });
  });
});

describe('binding', () => {
  it('refuses a host other than 127.0.0.1', () => {
    expect(() => createHttpServer({ engine: new FakeEngine(), port: 0, host: '0.0.0.0' })).toThrow(
      /host must be 127\.0\.0\.1/,
    );
  });

  it('rejects with PortInUseError when the port is taken', async () => {
    const second = createHttpServer({ engine: new FakeEngine(), port: server.port });

    await expect(second.start()).rejects.toBeInstanceOf(PortInUseError);
  });
});
