import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { PolygonProvider } from '../../../src-main/core/providers/polygon/polygon-provider.js';
import {
  latestCompletedSession,
  previousWeekday,
} from '../../../src-main/core/providers/polygon/polygon-sessions.js';
import { closedPortUrl, type MockServer } from '../../mocks/providers/mock-server.js';
import { type PolygonCase, startPolygonMock } from '../../mocks/providers/polygon-mock.js';
import { expectProviderError } from './expect-provider-error.js';

const WEDNESDAY_2PM_ET = Date.parse('2026-11-25T19:00:01Z');
const KEY = 'test-polygon-key';
let mock: MockServer<PolygonCase>;

const provider = (apiKey = KEY, now = WEDNESDAY_2PM_ET, baseUrl = mock.url) =>
  new PolygonProvider({
    apiKey,
    baseUrl,
    clock: { now: () => now },
    http: { timeoutMs: 200, retryBaseMs: 5 },
  });

const failure = (promise: Promise<unknown>) => expectProviderError(promise, KEY);

beforeAll(async () => {
  mock = await startPolygonMock();
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

describe('Polygon snapshot (paid plans)', () => {
  it('asks for all symbols in one call with a bearer key, and converts ns to ms', async () => {
    const p = provider();
    const result = await p.fetchQuotes(['AAPL', 'BRK.B']);
    expect(mock.requests).toHaveLength(1);
    expect(mock.requests[0]).toMatchObject({
      path: '/v2/snapshot/locale/us/markets/stocks/tickers',
      query: { tickers: 'AAPL,BRK.B' },
    });
    expect(mock.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(mock.requests[0]!.query.apiKey).toBeUndefined();
    expect(result.quotes[0]).toEqual({
      symbol: 'AAPL',
      price: 187.42,
      previousClose: 189,
      volume: 41233890,
      marketCap: null,
      timestamp: Math.floor(1795633198630916600 / 1e6),
      receivedAt: WEDNESDAY_2PM_ET,
    });
    expect(result.quotes[1]).toMatchObject({
      symbol: 'BRK.B',
      price: 478.12,
      previousClose: 476.1,
    });
    expect(p.source().label).toBe('Polygon (snapshot)');
    expect(p.source().delay).toBeUndefined();
  });

  it('treats the zero-filled snapshot after the overnight clear as no data, never a price of 0', async () => {
    mock.useCase('closed-market');
    const result = await provider().fetchQuotes(['AAPL']);
    expect(result.quotes).toEqual([]);
    expect(result.missing[0]).toEqual({ symbol: 'AAPL', reason: expect.stringMatching(/cleared/) });
  });

  it('reports symbols absent from the snapshot as missing', async () => {
    mock.useCase('partial-batch');
    const result = await provider().fetchQuotes(['AAPL', 'ZZZZ']);
    expect(result.quotes.map((q) => q.symbol)).toEqual(['AAPL']);
    expect(result.missing).toEqual([
      { symbol: 'ZZZZ', reason: expect.stringMatching(/^unknown-symbol/) },
    ]);
    mock.useCase('unknown-symbol');
    expect((await provider().fetchQuotes(['ZZZZ'])).missing).toHaveLength(1);
  });
});

describe('Polygon free plan: end-of-day grouped bars', () => {
  it('falls back to the last finished session and its predecessor, and says so in source()', async () => {
    mock.useCase('plan-gated');
    const p = provider();
    const result = await p.fetchQuotes(['AAPL', 'BRK.B', 'ZZZZ']);
    expect(mock.requests.map((r) => r.path)).toEqual([
      '/v2/snapshot/locale/us/markets/stocks/tickers',
      '/v2/aggs/grouped/locale/us/market/stocks/2026-11-24',
      '/v2/aggs/grouped/locale/us/market/stocks/2026-11-23',
    ]);
    expect(result.quotes[0]).toMatchObject({
      symbol: 'AAPL',
      price: 187.42,
      previousClose: 189,
      volume: 48812345,
    });
    expect(result.quotes[0]!.timestamp).toBe(Date.parse('2026-11-24T21:00:00Z'));
    expect(result.quotes[1]).toMatchObject({
      symbol: 'BRK.B',
      price: 478.12,
      previousClose: 476.1,
    });
    expect(result.missing.map((m) => m.symbol)).toEqual(['ZZZZ']);
    expect(p.source().label).toBe('Polygon (end of day, 2026-11-24)');
  });

  it('states an end-of-day delay with the session date in source() once it falls back', async () => {
    mock.useCase('plan-gated');
    const p = provider();
    await p.fetchQuotes(['AAPL']);
    expect(p.source().delay).toEqual({
      kind: 'end-of-day',
      sessionDate: '2026-11-24',
      note: expect.stringMatching(/latest finished session/),
    });
  });

  it('spends no call on a session it already holds', async () => {
    mock.useCase('plan-gated');
    const p = provider();
    await p.fetchQuotes(['AAPL']);
    await p.fetchQuotes(['MSFT']);
    expect(mock.requests).toHaveLength(3);
  });

  it('steps back over a holiday (empty grouped answer)', async () => {
    mock.useCase('plan-gated');
    const fridayMorning = Date.parse('2026-11-27T15:00:00Z');
    const result = await provider(KEY, fridayMorning).fetchQuotes(['AAPL']);
    const grouped = '/v2/aggs/grouped/locale/us/market/stocks/';
    expect(mock.requests.map((r) => r.path).slice(1)).toEqual([
      `${grouped}2026-11-26`,
      `${grouped}2026-11-25`,
      `${grouped}2026-11-24`,
    ]);
    expect(result.quotes[0]).toMatchObject({ price: 186.9, previousClose: 187.42 });
  });

  it('steps back when the free plan refuses today before the end of day', async () => {
    mock.useCase('before-end-of-day');
    const wednesdayEvening = Date.parse('2026-11-25T22:30:00Z');
    const result = await provider(KEY, wednesdayEvening).fetchQuotes(['AAPL']);
    expect(result.quotes[0]).toMatchObject({ price: 187.42, previousClose: 189 });
  });

  it('picks the expected session by New York time', () => {
    expect(latestCompletedSession(Date.parse('2026-11-25T19:00:00Z'))).toBe('2026-11-24');
    expect(latestCompletedSession(Date.parse('2026-11-25T22:30:00Z'))).toBe('2026-11-25');
    expect(latestCompletedSession(Date.parse('2026-11-29T15:00:00Z'))).toBe('2026-11-27');
    expect(previousWeekday('2026-11-30')).toBe('2026-11-27');
  });
});

describe('Polygon failures', () => {
  it('maps 429 to rate-limited with a two-minute wait by default, without retrying', async () => {
    mock.useCase('rate-limit');
    const error = await failure(provider().fetchQuotes(['AAPL']));
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAt).toBe(WEDNESDAY_2PM_ET + 120_000);
    expect(mock.requests).toHaveLength(1);
  });

  it('honours Retry-After and handles the empty-body 429', async () => {
    mock.useCase('rate-limit-retry-after');
    expect((await failure(provider().fetchQuotes(['AAPL']))).retryAt).toBe(
      WEDNESDAY_2PM_ET + 90_000,
    );
    mock.useCase('rate-limit-empty-body');
    expect((await failure(provider().fetchQuotes(['AAPL']))).kind).toBe('rate-limited');
  });

  it('maps unknown and missing keys to bad-key with one request each', async () => {
    expect((await failure(provider('bad-key').fetchQuotes(['AAPL']))).kind).toBe('bad-key');
    mock.useCase('missing-key');
    const error = await failure(provider().fetchQuotes(['AAPL']));
    expect(error.kind).toBe('bad-key');
    expect(error.message).toMatch(/not provided/);
    expect(mock.requests).toHaveLength(2);
  });

  it.each([
    ['html-page', 'provider-down'],
    ['plain-text', 'provider-down'],
    ['not-found-text', 'provider-down'],
    ['truncated-json', 'malformed'],
    ['slow', 'provider-down'],
  ] as const)('maps %s to %s', async (name, kind) => {
    mock.useCase(name);
    expect((await failure(provider().fetchQuotes(['AAPL']))).kind).toBe(kind);
  });

  it('maps a refused connection to provider-down', async () => {
    expect(
      (await failure(provider(KEY, WEDNESDAY_2PM_ET, await closedPortUrl()).fetchQuotes(['AAPL'])))
        .kind,
    ).toBe('provider-down');
  });

  it('tests the key with the free market-status call', async () => {
    expect(await provider().testKey()).toEqual({ ok: true, detail: 'Key accepted. Market: open.' });
    const bad = await provider('bad-key').testKey();
    expect(bad.ok === false && bad.error.kind).toBe('bad-key');
  });
});
