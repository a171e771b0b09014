/**
 * The view routes against the real engine on the replay (2026-08-10 at its open, so prices are
 * the 2026-08-07 closes) wrapped by the view engine, over a real loopback server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createEngine, type RunningEngine } from '../../../src-main/core/engine.js';
import { createHttpServer, type HttpServer } from '../../../src-main/core/http/server.js';
import { loadReplayData } from '../../../src-main/core/providers/replay/replay-data.js';
import { createViewEngine } from '../../../src-main/core/views/view-engine.js';
import { createMemoryViewStore } from '../../../src-main/core/views/view-store.js';
import type {
  ApiError,
  FiltersResponse,
  HealthResponse,
  HistoryResponse,
  StocksResponse,
  SummaryResponse,
  Watchlist,
  WatchlistImportResponse,
} from '../../../src-main/shared/api-types.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { RESOURCES_DIR } from '../helpers/resources.js';
import { send, type TestRequest } from './helpers.js';

const clock = new FakeClock(Date.parse('2030-01-02T12:00:00Z'));
let engine: RunningEngine;
let server: HttpServer;
let port: number;

beforeAll(async () => {
  engine = await createEngine({
    resourcesDir: RESOURCES_DIR,
    clock,
    replay: { startDate: '2026-08-10' },
  });
  await engine.start();
  const views = createViewEngine(engine, {
    resourcesDir: RESOURCES_DIR,
    store: createMemoryViewStore(),
    clock,
  });
  server = createHttpServer({ engine: views, port: 0 });
  port = await server.start();
});

afterAll(async () => {
  await server.stop();
  await engine.stop();
});

const get = (path: string) => send(port, path);
const json = (
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) => {
  const text = JSON.stringify(body);
  const init: TestRequest = {
    method,
    body: text,
    headers: {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(text)),
      ...headers,
    },
  };
  return send(port, path, init);
};
const csv = (path: string, text: string, type = 'text/csv') =>
  send(port, path, {
    method: 'POST',
    body: text,
    headers: { 'content-type': type, 'content-length': String(Buffer.byteLength(text)) },
  });
const q = (expression: string) => encodeURIComponent(expression);

describe('GET /api/stocks with views', () => {
  it('defaults to the S&P 500 with time frames and the replayed session', async () => {
    const res = await get('/api/stocks');
    const body = res.json<StocksResponse>();

    expect(res.status).toBe(200);
    expect(body.stocks).toHaveLength(503);
    expect(body).toMatchObject({ universe: 'sp500', timeframe: '1d' });
    expect(body.source.session).toMatchObject({
      state: 'regular',
      date: '2026-08-10',
      replayed: true,
      earlyClose: false,
    });
    expect(body.stocks.every((s) => s.performance !== undefined)).toBe(true);
  });

  it("gives AAPL's 1-week change from the real closes", async () => {
    const data = loadReplayData(RESOURCES_DIR);
    const close = (date: string) => data.close('AAPL', data.indexOf(date)) as number;
    const aapl = (await get('/api/stocks'))
      .json<StocksResponse>()
      .stocks.find((s) => s.symbol === 'AAPL');

    expect(aapl?.price).toBe(close('2026-08-07'));
    expect(aapl?.performance?.['1w']).toBeCloseTo(
      (close('2026-08-07') / close('2026-08-03') - 1) * 100,
      8,
    );
    expect(aapl?.performanceReasons?.ytd).toBe("the replay's history starts 2026-05-14");
  });

  it('shows the ETF and Nasdaq-100 universes, ETFs missing with the reason', async () => {
    const etf = (await get('/api/stocks?universe=etf')).json<StocksResponse>();
    const nasdaq = (await get('/api/stocks?universe=NASDAQ100')).json<StocksResponse>();

    expect(etf.stocks).toHaveLength(128);
    expect(
      etf.stocks.every((s) => s.status === 'missing' && s.reason === 'no replay data for ETFs'),
    ).toBe(true);
    expect(nasdaq.stocks).toHaveLength(101);
    expect(nasdaq.stocks.find((s) => s.symbol === 'ASML')?.reason).toBe(
      'no replay data for stocks outside the S&P 500',
    );
  });

  it('applies a filter expression and echoes it', async () => {
    const expression = 'change1w > 0 and sector = "information technology"';
    const body = (
      await get(`/api/stocks?filter=${q(expression)}&timeframe=1w`)
    ).json<StocksResponse>();

    expect(body.filter).toBe(expression);
    expect(body.timeframe).toBe('1w');
    expect(body.stocks.length).toBeGreaterThan(0);
    expect(
      body.stocks.every(
        (s) => s.sector === 'Information Technology' && (s.performance?.['1w'] ?? 0) > 0,
      ),
    ).toBe(true);
  });

  it('answers 400 with the position and the fields for a bad filter, on stocks and stream', async () => {
    for (const path of ['/api/stocks', '/api/stream', '/api/summary']) {
      const res = await get(`${path}?filter=${q('changePercent > 2 and markCap > 1B')}`);
      const body = res.json<ApiError>();

      expect(res.status, path).toBe(400);
      expect(body.error).toMatch(
        /^Bad filter expression: unknown field "markCap" \(did you mean marketCap\?\) \(at character 23\)/,
      );
      expect(body.filterError).toEqual({
        position: 22,
        end: 29,
        excerpt: 'changePercent > 2 and markCap > 1B\n                      ^^^^^^^',
      });
      expect(body.accepted).toContain('marketCap');
    }
  });

  it('answers 400 for an unknown universe or time frame, or two of either', async () => {
    const universe = await get('/api/stocks?universe=ftse');
    const timeframe = await get('/api/stocks?timeframe=2w');
    const twice = await get('/api/stocks?universe=sp500&universe=etf');

    expect(universe.status).toBe(400);
    expect(universe.json<ApiError>()).toMatchObject({
      error: 'Unknown universe "ftse".',
      accepted: ['sp500', 'nasdaq100', 'dow30', 'etf', 'all'],
    });
    expect(timeframe.json<ApiError>()).toMatchObject({
      error: 'Unknown timeframe "2w".',
      accepted: ['1d', '1w', '1m', '3m', 'ytd', '1y'],
    });
    expect(twice.json<ApiError>().error).toBe('Give one universe, not 2.');
  });
});

describe('GET /api/summary, /api/history, /api/health', () => {
  it('summarises the selection for the time frame', async () => {
    const body = (await get('/api/summary?timeframe=1w&universe=dow30')).json<SummaryResponse>();

    expect(body).toMatchObject({ universe: 'dow30', timeframe: '1w' });
    expect(body.advancers + body.decliners + body.unchanged + body.missing).toBe(30);
    expect(
      body.sectors.reduce((n, s) => n + s.advancers + s.decliners + s.unchanged + s.missing, 0),
    ).toBe(30);
    expect(body.changePercent).not.toBeNull();
  });

  it('serves daily closes before the replayed day, split-adjusted, plus the session prices seen', async () => {
    const body = (await get('/api/history?symbol=klac')).json<HistoryResponse>();
    const data = loadReplayData(RESOURCES_DIR);

    expect(body.symbol).toBe('KLAC');
    expect(body.daily.at(-1)?.date).toBe('2026-08-07');
    expect(body.daily).toHaveLength(data.indexOf('2026-08-10'));
    const beforeSplit = body.daily.find((d) => d.date === '2026-06-11')?.close as number;
    expect(beforeSplit).toBeCloseTo(
      (data.close('KLAC', data.indexOf('2026-06-11')) as number) * 0.1,
      3,
    );
    expect(Array.isArray(body.intraday)).toBe(true);
  });

  it('answers 400 for an unknown, a missing symbol and an extra parameter', async () => {
    const unknown = await get('/api/history?symbol=ZZZZ');

    expect(unknown.status).toBe(400);
    expect(unknown.json<ApiError>()).toMatchObject({ unknownSymbols: ['ZZZZ'] });
    expect((await get('/api/history')).status).toBe(400);
    expect((await get('/api/history?symbol=AAPL&days=5')).json<ApiError>().error).toBe(
      'Unknown query parameter "days".',
    );
  });

  it('reports the replayed market session in health', async () => {
    const body = (await get('/api/health')).json<HealthResponse>();

    expect(body.session).toMatchObject({ state: 'regular', date: '2026-08-10', replayed: true });
    expect(body.source.session).toEqual(body.session);
  });
});

describe('/api/filter-check and /api/filters', () => {
  it('checks an expression and lists the fields it reads', async () => {
    const ok = await get(
      `/api/filter-check?filter=${q('sector = "Energy" or symbol in ("AAPL","MSFT")')}`,
    );
    const bad = await get(`/api/filter-check?filter=${q('not (price < )')}`);

    expect(ok.json()).toEqual({
      ok: true,
      expression: 'sector = "Energy" or symbol in ("AAPL","MSFT")',
      fields: ['sector', 'symbol'],
    });
    expect(bad.status).toBe(400);
    expect(bad.json<ApiError>().filterError?.position).toBe(13);
    expect((await get('/api/filter-check')).status).toBe(400);
  });

  it('saves (201, then 200), reads, lists with the vocabulary, and deletes a named filter', async () => {
    const created = await json('PUT', '/api/filters/Big%20movers', {
      expression: 'changePercent > 2',
    });
    const replaced = await json('PUT', '/api/filters/big%20movers', {
      expression: 'changePercent > 3',
    });
    const list = (await get('/api/filters')).json<FiltersResponse>();

    expect(created.status).toBe(201);
    expect(replaced.status).toBe(200);
    expect(list.filters).toMatchObject([{ name: 'big movers', expression: 'changePercent > 3' }]);
    expect(list.fields.map((f) => f.name)).toContain('change1w');
    expect(list.operators).toContain('in');
    expect((await get('/api/filters/BIG%20MOVERS')).status).toBe(200);
    expect((await send(port, '/api/filters/big%20movers', { method: 'DELETE' })).status).toBe(204);
    expect((await send(port, '/api/filters/big%20movers', { method: 'DELETE' })).status).toBe(404);
    expect((await get('/api/filters/big%20movers')).status).toBe(404);
  });

  it('refuses a bad expression, a bad name, a non-JSON body, a large body and a foreign origin', async () => {
    const bad = await json('PUT', '/api/filters/x', { expression: 'price >' });
    const name = await json('PUT', '/api/filters/%2Fetc', { expression: 'price > 1' });
    const text = await send(port, '/api/filters/x', {
      method: 'PUT',
      body: '{"expression":"price > 1"}',
      headers: { 'content-type': 'text/plain', 'content-length': '26' },
    });
    const large = await json('PUT', '/api/filters/x', {
      expression: `price > 1 ${' '.repeat(17 * 1024)}`,
    });
    const foreign = await json(
      'PUT',
      '/api/filters/x',
      { expression: 'price > 1' },
      { origin: 'http://evil.example' },
    );

    expect(bad.status).toBe(400);
    expect(bad.json<ApiError>().filterError).toEqual({
      position: 7,
      end: 8,
      excerpt: 'price >\n       ^',
    });
    expect(name.status).toBe(400);
    expect(text.status).toBe(415);
    expect(large.status).toBe(413);
    expect(foreign.status).toBe(403);
    const wrongMethod = await json('POST', '/api/filters', { expression: 'price > 1' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.allow).toBe('GET, HEAD');
  });
});

describe('/api/watchlists', () => {
  it('creates, renames, adds, exports, imports, maps and deletes a watchlist', async () => {
    const created = await json('POST', '/api/watchlists', {
      name: 'Tech',
      symbols: ['aapl', 'MSFT', 'brk-b'],
    });
    const list = created.json<Watchlist>();
    expect(created.status).toBe(201);
    expect(list.symbols).toEqual(['AAPL', 'MSFT', 'BRK.B']);

    const renamed = await json('PUT', `/api/watchlists/${list.id}`, {
      name: 'Mine',
      add: ['XLE'],
      remove: ['MSFT'],
    });
    expect(renamed.json<Watchlist>()).toMatchObject({
      name: 'Mine',
      symbols: ['AAPL', 'BRK.B', 'XLE'],
    });

    const exported = await get(`/api/watchlists/${list.id}.csv`);
    expect(exported.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(exported.text).toBe(
      'symbol,name\r\nAAPL,Apple Inc.\r\nBRK.B,Berkshire Hathaway\r\nXLE,Energy Select Sector SPDR Fund\r\n',
    );

    const imported = await csv(
      `/api/watchlists/${list.id}/import?mode=merge`,
      '\uFEFFsymbol\r\nNVDA\r\n\r\nnvda\r\n',
    );
    expect(imported.json<WatchlistImportResponse>()).toMatchObject({
      imported: 1,
      duplicates: ['NVDA'],
    });

    const map = (await get(`/api/stocks?universe=watchlist:${list.id}`)).json<StocksResponse>();
    expect(map.stocks.map((s) => s.symbol).sort()).toEqual(['AAPL', 'BRK.B', 'NVDA', 'XLE']);
    const category = (
      await get(`/api/stocks?category=watchlist:${list.id}`)
    ).json<StocksResponse>();
    expect(category.stocks.map((s) => s.symbol).sort()).toEqual(['AAPL', 'BRK.B', 'NVDA']);
    expect(category.stocks[0]?.categories).toContain(`watchlist:${list.id}`);

    expect((await send(port, `/api/watchlists/${list.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await get(`/api/watchlists/${list.id}`)).status).toBe(404);
    expect((await get(`/api/stocks?universe=watchlist:${list.id}`)).status).toBe(400);
  });

  it('answers 400 listing unknown symbols and bad CSV lines, importing nothing', async () => {
    const unknown = await json('POST', '/api/watchlists', {
      name: 'Bad',
      symbols: ['ZZZZ', 'AAPL', 'QQQQ'],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json<ApiError>()).toEqual({
      error: 'Unknown symbol(s): ZZZZ, QQQQ. Nothing was changed.',
      unknownSymbols: ['ZZZZ', 'QQQQ'],
    });

    const list = (
      await json('POST', '/api/watchlists', { name: 'Csv', symbols: ['AAPL'] })
    ).json<Watchlist>();
    const bad = await csv(`/api/watchlists/${list.id}/import?mode=replace`, 'MSFT\nFOO\nBAR\n');
    expect(bad.status).toBe(400);
    expect(bad.json<ApiError>().rows).toEqual([
      { line: 2, value: 'FOO', problem: 'unknown symbol' },
      { line: 3, value: 'BAR', problem: 'unknown symbol' },
    ]);
    expect((await get(`/api/watchlists/${list.id}`)).json<Watchlist>().symbols).toEqual(['AAPL']);
  });

  it('answers 400 to a replace import of an empty, header-only or blank file, keeping the list', async () => {
    const list = (
      await json('POST', '/api/watchlists', { name: 'Keep', symbols: ['AAPL', 'MSFT'] })
    ).json<Watchlist>();

    for (const text of ['', 'symbol,name\n', '\n\n']) {
      const empty = await csv(`/api/watchlists/${list.id}/import?mode=replace`, text);
      expect(empty.status).toBe(400);
      expect(empty.json<ApiError>()).toEqual({
        error: 'The file holds no symbols; nothing was changed.',
      });
    }
    expect((await get(`/api/watchlists/${list.id}`)).json<Watchlist>().symbols).toEqual([
      'AAPL',
      'MSFT',
    ]);
  });

  it('refuses an unknown key in watchlist and filter bodies with 400 naming it, creating nothing', async () => {
    const created = await json('POST', '/api/watchlists', { name: 'Z1', symbols: [], extra: 1 });
    expect(created.status).toBe(400);
    expect(created.json<ApiError>()).toEqual({
      error: 'Unknown field "extra". Body must be {"name": string, "symbols"?: string[]}.',
      accepted: ['name', 'symbols'],
    });
    const names = (await get('/api/watchlists'))
      .json<{ watchlists: Watchlist[] }>()
      .watchlists.map((w) => w.name);
    expect(names).not.toContain('Z1');

    const list = (await json('POST', '/api/watchlists', { name: 'Strict' })).json<Watchlist>();
    const updated = await json('PUT', `/api/watchlists/${list.id}`, { symbol: ['AAPL'] });
    expect(updated.status).toBe(400);
    expect(updated.json<ApiError>().error).toMatch(/^Unknown field "symbol"\. Body must be/);

    const filter = await json('PUT', '/api/filters/Strict', { expression: 'price > 1', note: 'x' });
    expect(filter.status).toBe(400);
    expect(filter.json<ApiError>()).toEqual({
      error: 'Unknown field "note". Body must be {"expression": "<criteria>"}.',
      accepted: ['expression'],
    });
    expect((await get('/api/filters/Strict')).status).toBe(404);
  });

  it('refuses a JSON import, an unknown mode, and a CSV body on a JSON route', async () => {
    const list = (await json('POST', '/api/watchlists', { name: 'Types' })).json<Watchlist>();

    expect(
      (await csv(`/api/watchlists/${list.id}/import`, 'AAPL', 'application/json')).status,
    ).toBe(415);
    expect((await csv(`/api/watchlists/${list.id}/import?mode=wipe`, 'AAPL')).status).toBe(400);
    const wrongRoute = await send(port, `/api/watchlists/${list.id}`, {
      method: 'PUT',
      body: 'AAPL',
      headers: { 'content-type': 'text/csv', 'content-length': '4' },
    });
    expect(wrongRoute.status).toBe(415);
    expect((await get('/api/watchlists/none/import')).status).toBe(405);
  });
});
