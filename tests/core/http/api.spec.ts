import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { setLogSink } from '../../../src-main/core/log.js';
import type {
  ApiError,
  HealthResponse,
  StocksResponse,
} from '../../../src-main/shared/api-types.js';
import { send, startTestServer, type TestServer } from './helpers.js';

let server: TestServer;

beforeEach(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  await server.stop();
});

function symbolsOf(body: StocksResponse): string[] {
  return body.stocks.map((stock) => stock.symbol);
}

describe('GET /api/health', () => {
  it('answers 200 with the engine health as JSON', async () => {
    const res = await send(server.port, '/api/health');

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json<HealthResponse>()).toEqual(server.engine.health());
  });
});

describe('GET /api/stocks', () => {
  it('answers every stock without a query, with nulls for missing values', async () => {
    const res = await send(server.port, '/api/stocks');
    const body = res.json<StocksResponse>();

    expect(res.status).toBe(200);
    expect(body.source.mode).toBe('replay');
    expect(symbolsOf(body)).toEqual(['AAPL', 'MSFT', 'JPM', 'BRK.B', 'XOM', 'CVX']);
    expect(body.stocks.find((s) => s.symbol === 'CVX')?.price).toBeNull();
  });

  it('filters by a case-insensitive, comma-separated sector list', async () => {
    const res = await send(server.port, '/api/stocks?sector=energy,%20FINANCIALS%20');

    expect(res.status).toBe(200);
    expect(symbolsOf(res.json<StocksResponse>())).toEqual(['JPM', 'BRK.B', 'XOM', 'CVX']);
    expect(server.engine.stocks).toHaveBeenLastCalledWith({
      sectors: ['Energy', 'Financials'],
      categories: [],
    });
  });

  it('accepts repeated parameters and combines sector and category', async () => {
    const res = await send(
      server.port,
      '/api/stocks?sector=Energy&sector=financials&category=DOW30',
    );

    expect(symbolsOf(res.json<StocksResponse>())).toEqual(['JPM']);
  });

  it('treats an empty value as no filter', async () => {
    const res = await send(server.port, '/api/stocks?sector=&category=');

    expect(res.status).toBe(200);
    expect(res.json<StocksResponse>().stocks).toHaveLength(6);
  });

  it('answers 400 naming an unknown sector and listing the accepted ones', async () => {
    const res = await send(server.port, '/api/stocks?sector=Energy,Tech');

    expect(res.status).toBe(400);
    expect(res.json<ApiError>()).toEqual({
      error: 'Unknown sector "Tech".',
      accepted: ['Energy', 'Financials', 'Information Technology'],
    });
  });

  it('answers 400 naming an unknown category and listing the accepted ones', async () => {
    const res = await send(server.port, '/api/stocks?category=sp400');

    expect(res.status).toBe(400);
    expect(res.json<ApiError>()).toEqual({
      error: 'Unknown category "sp400".',
      accepted: ['dow30', 'nasdaq100', 'sp500', 'stock'],
    });
  });

  it('answers 400 naming an unknown parameter and listing the accepted names', async () => {
    const res = await send(server.port, '/api/stocks?limit=5');

    expect(res.status).toBe(400);
    expect(res.json<ApiError>()).toEqual({
      error: 'Unknown query parameter "limit".',
      accepted: ['sector', 'category', 'universe', 'filter', 'timeframe'],
    });
  });
});

describe('echoed request values', () => {
  const long = 'A'.repeat(7_000);
  const clipped = `${'A'.repeat(80)}…`;

  it('clips a long sector, parameter name or path to 80 characters and an ellipsis', async () => {
    const sector = await send(server.port, `/api/stocks?sector=${long}`);
    const name = await send(server.port, `/api/stocks?${long}=1`);
    const path = await send(server.port, `/api/${long}`);

    expect(sector.status).toBe(400);
    expect(sector.json<ApiError>().error).toBe(`Unknown sector "${clipped}".`);
    expect(name.json<ApiError>().error).toBe(`Unknown query parameter "${clipped}".`);
    expect(path.status).toBe(404);
    expect(path.json<ApiError>().error).toBe(`No API endpoint at /api/${'A'.repeat(75)}….`);
  });
});

describe('unknown paths and methods', () => {
  it('answers 404 JSON for an unknown API path', async () => {
    const res = await send(server.port, '/api/nope');

    expect(res.status).toBe(404);
    expect(res.json<ApiError>().error).toBe('No API endpoint at /api/nope.');
  });

  it('answers 405 JSON with an Allow header for a wrong method', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']) {
      const res = await send(server.port, '/api/stocks', { method });

      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD');
      expect(res.json<ApiError>()).toEqual({
        error: `Method ${method} not allowed.`,
        accepted: ['GET', 'HEAD'],
      });
    }
  });

  it('answers HEAD like GET, without a body', async () => {
    const res = await send(server.port, '/api/stocks', { method: 'HEAD' });

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.text).toBe('');
  });
});

describe('failures inside a handler', () => {
  const logged: string[] = [];

  beforeEach(() => {
    logged.length = 0;
    setLogSink((level, module, line) => logged.push(`${level} ${module} ${line}`));
  });

  afterEach(() => {
    setLogSink(undefined);
  });

  it('answers 500 with a generic message and no stack trace, and logs the cause', async () => {
    server.engine.health.mockImplementation(() => {
      throw new Error('secret internal detail at /work/engine.ts:42');
    });

    const res = await send(server.port, '/api/health');

    expect(res.status).toBe(500);
    expect(res.json<ApiError>()).toEqual({ error: 'Internal server error.' });
    expect(res.text).not.toContain('engine.ts');
    expect(logged).toEqual([
      'error http answer GET /api/health: handler failed ' +
        'Error: secret internal detail at /work/engine.ts:42',
    ]);
  });

  it('keeps serving after a handler failed', async () => {
    server.engine.stocks.mockImplementationOnce(() => {
      throw new Error('boom');
    });

    expect((await send(server.port, '/api/stocks')).status).toBe(500);
    expect((await send(server.port, '/api/stocks')).status).toBe(200);
  });
});
