/**
 * The providers' daily-close calls against the REST mocks: Alpaca's multi-symbol bars and
 * Polygon's grouped daily bars, in their exact formats and error forms.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { AlpacaProvider } from '../../../src-main/core/providers/alpaca/alpaca-provider.js';
import { PolygonProvider } from '../../../src-main/core/providers/polygon/polygon-provider.js';
import { createTwelveDataProvider } from '../../../src-main/core/providers/twelvedata/twelvedata-provider.js';
import { type AlpacaCase, startAlpacaMock } from '../../mocks/providers/alpaca-mock.js';
import {
  generatedClose,
  tradingDates,
} from '../../mocks/providers/history-routes/generated-closes.js';
import type { MockServer } from '../../mocks/providers/mock-server.js';
import { type PolygonCase, startPolygonMock } from '../../mocks/providers/polygon-mock.js';
import { startTwelveDataMock, type TwelveDataCase } from '../../mocks/providers/twelvedata-mock.js';
import { expectProviderError } from './expect-provider-error.js';

const NOW = Date.parse('2026-11-25T20:00:00Z');
const config = (baseUrl: string, apiKey = 'key-id') => ({
  apiKey,
  apiSecret: 'secret-key',
  baseUrl,
  clock: { now: () => NOW },
  // A page of 10,000 generated bars is a 1.5 MB answer: more than the usual 200 ms on a busy box.
  http: { timeoutMs: 5_000, retryLimit: 0 },
});

describe('Alpaca daily bars', () => {
  let mock: MockServer<AlpacaCase>;
  beforeAll(async () => {
    mock = await startAlpacaMock();
  });
  afterAll(() => mock.close());
  beforeEach(() => mock.reset());
  const alpaca = (key?: string) => new AlpacaProvider(config(mock.url, key));

  it('asks split-adjusted SIP 1Day bars for many symbols at once, dated in New York', async () => {
    const batch = await alpaca().fetchDailyCloses({
      symbols: ['AAPL', 'BRK.B'],
      from: '2026-11-20',
      to: '2026-11-24',
    });

    expect(mock.requests[0]).toMatchObject({
      path: '/v2/stocks/bars',
      query: {
        symbols: 'AAPL,BRK.B',
        timeframe: '1Day',
        adjustment: 'split',
        feed: 'sip',
        start: '2026-11-20',
        end: '2026-11-24',
        limit: '10000',
      },
    });
    expect(batch.nextPageToken).toBeUndefined();
    expect(batch.closes).toContainEqual({
      symbol: 'BRK.B',
      date: '2026-11-24',
      close: generatedClose('BRK.B', '2026-11-24'),
    });
    expect(batch.closes.map((c) => c.date).filter((d) => d === '2026-11-21')).toEqual([]);
    expect(batch.closes).toHaveLength(6);
  });

  it('falls back to its own IEX feed for good when the plan refuses SIP history', async () => {
    const provider = alpaca();
    const request = { symbols: ['AAPL'], from: '2026-11-20', to: '2026-11-24' };
    mock.queue({
      status: 403,
      body: { code: 42210000, message: 'subscription does not permit querying recent SIP data' },
    });

    const batch = await provider.fetchDailyCloses(request);
    await provider.fetchDailyCloses(request);

    expect(batch.closes).toHaveLength(3);
    expect(mock.requests.map((r) => r.query.feed)).toEqual(['sip', 'iex', 'iex']);
  });

  it('returns the next page token and follows it when asked', async () => {
    const provider = alpaca();
    // A year of 100 symbols is more than the 10,000 bars of one page.
    const symbols = Array.from({ length: 45 }, (_, i) => `S${String(i).padStart(2, '0')}`);
    const request = { symbols, from: '2025-11-20', to: '2026-11-24' };
    const first = await provider.fetchDailyCloses(request);
    expect(first.nextPageToken).toBeDefined();

    const second = await provider.fetchDailyCloses({ ...request, pageToken: first.nextPageToken });
    expect(mock.requests[1]!.query.page_token).toBe(first.nextPageToken);
    expect(second.nextPageToken).toBeUndefined();
    const sessions = tradingDates(request.from, request.to).length;
    expect(first.closes.length + second.closes.length).toBe(45 * sessions);
  });

  it('maps a refused key, a rate limit, an HTML page and truncated JSON to typed errors', async () => {
    const request = { symbols: ['AAPL'], from: '2026-11-20', to: '2026-11-24' };
    expect((await expectProviderError(alpaca('bad-key').fetchDailyCloses(request))).kind).toBe(
      'bad-key',
    );
    mock.useCase('rate-limit');
    expect((await expectProviderError(alpaca().fetchDailyCloses(request))).kind).toBe(
      'rate-limited',
    );
    mock.useCase('html-page');
    expect((await expectProviderError(alpaca().fetchDailyCloses(request))).kind).toBe(
      'provider-down',
    );
    mock.useCase('truncated-json');
    expect((await expectProviderError(alpaca().fetchDailyCloses(request))).kind).toBe('malformed');
  });
});

describe('Polygon grouped daily closes', () => {
  let mock: MockServer<PolygonCase>;
  beforeAll(async () => {
    mock = await startPolygonMock();
  });
  afterAll(() => mock.close());
  beforeEach(() => {
    mock.reset();
    mock.useCase('history');
  });
  const polygon = (key?: string) => new PolygonProvider(config(mock.url, key));

  it('asks one adjusted session for the whole market and keeps the asked symbols', async () => {
    const batch = await polygon().fetchDailyCloses({
      symbols: ['AAPL', 'MSFT', 'NOPE'],
      from: '2026-06-01',
      to: '2026-06-01',
    });

    expect(mock.requests[0]).toMatchObject({
      path: '/v2/aggs/grouped/locale/us/market/stocks/2026-06-01',
      query: { adjusted: 'true' },
    });
    expect(batch.closes).toEqual([
      { symbol: 'AAPL', date: '2026-06-01', close: generatedClose('AAPL', '2026-06-01') },
      { symbol: 'MSFT', date: '2026-06-01', close: generatedClose('MSFT', '2026-06-01') },
    ]);
  });

  it('answers a holiday (no results key) with no closes', async () => {
    const batch = await polygon().fetchDailyCloses({
      symbols: ['AAPL'],
      from: '2026-07-03',
      to: '2026-07-03',
    });
    expect(batch.closes).toEqual([]);
  });

  it("maps today's before-end-of-day refusal, a bad key and a rate limit to typed errors", async () => {
    const today = { symbols: ['AAPL'], from: '2026-11-25', to: '2026-11-25' };
    expect((await expectProviderError(polygon().fetchDailyCloses(today))).kind).toBe('plan-limit');
    expect((await expectProviderError(polygon('bad-key').fetchDailyCloses(today))).kind).toBe(
      'bad-key',
    );
    mock.useCase('rate-limit');
    expect((await expectProviderError(polygon().fetchDailyCloses(today))).kind).toBe(
      'rate-limited',
    );
  });
});

describe('Twelve Data daily series', () => {
  let mock: MockServer<TwelveDataCase>;
  beforeAll(async () => {
    mock = await startTwelveDataMock();
  });
  afterAll(() => mock.close());
  beforeEach(() => mock.reset());
  const twelve = (key?: string) => createTwelveDataProvider(config(mock.url, key));
  const request = { symbols: ['AAPL', 'BRK.B', 'ZZZZ'], from: '2026-11-20', to: '2026-11-24' };

  it('asks split-adjusted daily series for a batch and skips an unknown symbol', async () => {
    const batch = await twelve().fetchDailyCloses!(request);

    expect(mock.requests[0]).toMatchObject({
      path: '/time_series',
      query: { symbol: 'AAPL,BRK.B,ZZZZ', interval: '1day', adjust: 'splits' },
    });
    expect(batch.closes).toHaveLength(6);
    expect(batch.closes).toContainEqual({
      symbol: 'BRK.B',
      date: '2026-11-24',
      close: generatedClose('BRK.B', '2026-11-24'),
    });
  });

  it('reads a one-symbol answer (not keyed) and an unknown symbol alone as no closes', async () => {
    const one = await twelve().fetchDailyCloses!({ ...request, symbols: ['AAPL'] });
    expect(one.closes.map((c) => c.date)).toEqual(['2026-11-24', '2026-11-23', '2026-11-20']);

    const unknown = await twelve().fetchDailyCloses!({ ...request, symbols: ['ZZZZ'] });
    expect(unknown.closes).toEqual([]);
  });

  it('maps the credit envelope on HTTP 200 and a refused key to typed errors', async () => {
    mock.useCase('rate-limit');
    expect((await expectProviderError(twelve().fetchDailyCloses!(request))).kind).toBe(
      'rate-limited',
    );
    mock.useCase('success');
    expect((await expectProviderError(twelve('bad-key').fetchDailyCloses!(request))).kind).toBe(
      'bad-key',
    );
  });
});
