import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createTwelveDataProvider } from '../../../src-main/core/providers/twelvedata/twelvedata-provider.js';
import { closedPortUrl, type MockServer } from '../../mocks/providers/mock-server.js';
import { startTwelveDataMock, type TwelveDataCase } from '../../mocks/providers/twelvedata-mock.js';
import { expectProviderError } from './expect-provider-error.js';

const KEY = 'td-test-key-123';
/** Wednesday 2026-11-25 12:40 ET, during the session. */
const SESSION_NOW = Date.UTC(2026, 10, 25, 17, 40, 30);
/** Saturday 2026-12-05 10:00 ET. */
const WEEKEND_NOW = Date.UTC(2026, 11, 5, 15, 0, 0);

let mock: MockServer<TwelveDataCase>;
let now = SESSION_NOW;
const clock = { now: () => now };

function provider(overrides: { apiKey?: string; baseUrl?: string } = {}) {
  return createTwelveDataProvider({
    apiKey: overrides.apiKey ?? KEY,
    baseUrl: overrides.baseUrl ?? mock.url,
    clock,
    http: { timeoutMs: 300, retryLimit: 1, retryBaseMs: 5 },
  });
}

const failure = (promise: Promise<unknown>) => expectProviderError(promise, KEY);

beforeAll(async () => {
  mock = await startTwelveDataMock();
});
afterAll(async () => {
  await mock.close();
});
beforeEach(() => {
  mock.reset();
  now = SESSION_NOW;
});

describe('Twelve Data adapter', () => {
  it('declares the free plan: 8 credits a minute, 800 a day, batches of 8 at 1 credit each', () => {
    const p = provider();
    expect(p.id).toBe('twelvedata');
    expect(p.ratePolicy).toEqual({
      perMinute: 8,
      perDay: 800,
      creditsPerSymbol: 1,
      unit: 'credits',
    });
    expect(p.capabilities.batchSize).toBe(8);
    expect(p.source().mode).toBe('live');
  });

  it('fetches a batch in one call, strings to numbers, seconds to ms, the key in a header only', async () => {
    const { quotes, missing } = await provider().fetchQuotes(['AAPL', 'MSFT', 'BRK.B']);

    expect(missing).toEqual([]);
    expect(quotes.map((q) => q.symbol)).toEqual(['AAPL', 'MSFT', 'BRK.B']);
    expect(quotes[0]).toEqual({
      symbol: 'AAPL',
      price: 187.42,
      previousClose: 189,
      volume: 41_233_890,
      marketCap: null,
      timestamp: 1_795_628_100_000,
      receivedAt: SESSION_NOW,
    });
    expect(mock.requests).toHaveLength(1);
    const [request] = mock.requests;
    expect(request?.path).toBe('/quote');
    expect(request?.query.symbol).toBe('AAPL,MSFT,BRK.B');
    expect(request?.query.apikey).toBeUndefined();
    expect(request?.headers.authorization).toBe(`apikey ${KEY}`);
  });

  it('reads the single-symbol answer, which is a quote object rather than a keyed map', async () => {
    const { quotes } = await provider().fetchQuotes(['AAPL']);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.price).toBe(187.42);
  });

  it('keeps the last session on a weekend, dated by its last minute candle (Friday 15:59 ET)', async () => {
    now = WEEKEND_NOW;
    mock.useCase('closed-market');
    const { quotes } = await provider().fetchQuotes(['AAPL']);
    expect(quotes[0]?.price).toBe(191.2);
    expect(new Date(quotes[0]!.timestamp).toISOString()).toBe('2026-12-04T20:59:00.000Z');
    expect(quotes[0]?.receivedAt).toBe(WEEKEND_NOW);
  });

  it('maps the minute credit error inside an HTTP 200 to rate-limited until the next minute', async () => {
    mock.useCase('rate-limit');
    const error = await failure(provider().fetchQuotes(['AAPL', 'MSFT']));
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAt).toBe(Date.UTC(2026, 10, 25, 17, 41, 0));
    expect(mock.requests).toHaveLength(1);
  });

  it('maps the daily credit error to rate-limited until the next UTC midnight', async () => {
    mock.useCase('rate-limit-day');
    const error = await failure(provider().fetchQuotes(['AAPL']));
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAt).toBe(Date.UTC(2026, 10, 26));
  });

  it('maps an HTTP 429 the same way, and honours Retry-After when it is sent', async () => {
    mock.useCase('rate-limit-http-429');
    expect((await failure(provider().fetchQuotes(['AAPL']))).retryAt).toBe(
      Date.UTC(2026, 10, 25, 17, 41, 0),
    );

    mock.useCase('rate-limit-retry-after');
    const error = await failure(provider().fetchQuotes(['AAPL']));
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAt).toBe(SESSION_NOW + 30_000);
    expect(mock.requests).toHaveLength(2);
  });

  it.each(['bad-key', 'bad-key-http-401'] as const)(
    'maps an invalid key (%s) to bad-key without retrying',
    async (name) => {
      mock.useCase(name);
      const error = await failure(provider().fetchQuotes(['AAPL']));
      expect(error.kind).toBe('bad-key');
      expect(mock.requests).toHaveLength(1);
    },
  );

  it('maps the missing-key answer to bad-key, and makes no call at all without a key', async () => {
    mock.useCase('missing-key');
    expect((await failure(provider().fetchQuotes(['AAPL']))).kind).toBe('bad-key');
    expect(mock.requests).toHaveLength(1);

    expect((await failure(provider({ apiKey: '' }).fetchQuotes(['AAPL']))).kind).toBe('bad-key');
    expect(mock.requests).toHaveLength(1);
  });

  it('maps a plan-gated answer (code 403) to plan-limit', async () => {
    mock.useCase('plan-gated');
    const error = await failure(provider().fetchQuotes(['AAPL']));
    expect(error.kind).toBe('plan-limit');
    expect(mock.requests).toHaveLength(1);
  });

  it('reports an unknown single symbol as missing, not as an error or a zero price', async () => {
    mock.useCase('unknown-symbol');
    const result = await provider().fetchQuotes(['ZZZZ']);
    expect(result.quotes).toEqual([]);
    expect(result.missing).toEqual([{ symbol: 'ZZZZ', reason: 'unknown symbol at Twelve Data' }]);
  });

  it('keeps the good symbols of a partial batch; error entries and null prices become missing', async () => {
    mock.useCase('partial-batch');
    const result = await provider().fetchQuotes(['AAPL', 'ZZZZ', 'MSFT']);
    expect(result.quotes.map((q) => q.symbol)).toEqual(['AAPL']);
    expect(result.missing).toEqual([
      { symbol: 'ZZZZ', reason: 'unknown symbol at Twelve Data' },
      { symbol: 'MSFT', reason: 'the provider sent no usable price' },
    ]);
  });

  it('marks a symbol left out of the batch map as missing', async () => {
    const result = await provider().fetchQuotes(['AAPL', 'NOPE']);
    expect(result.quotes.map((q) => q.symbol)).toEqual(['AAPL']);
    expect(result.missing[0]?.symbol).toBe('NOPE');
  });

  it('maps an HTML error page to provider-down after one retry', async () => {
    mock.useCase('html-page');
    const error = await failure(provider().fetchQuotes(['AAPL']));
    expect(error.kind).toBe('provider-down');
    expect(error.message).toMatch(/HTML page/);
    expect(mock.requests).toHaveLength(2);
  });

  it('maps a plain-text 503 to provider-down', async () => {
    mock.useCase('plain-text');
    const error = await failure(provider().fetchQuotes(['AAPL']));
    expect(error.kind).toBe('provider-down');
    expect(error.message).toMatch(/upstream connect error/);
  });

  it('maps truncated JSON to malformed, never a partial quote list', async () => {
    mock.useCase('truncated-json');
    const error = await failure(provider().fetchQuotes(['AAPL', 'MSFT']));
    expect(error.kind).toBe('malformed');
  });

  it('maps an answer slower than the timeout to provider-down', async () => {
    mock.useCase('slow');
    const error = await failure(provider().fetchQuotes(['AAPL']));
    expect(error.kind).toBe('provider-down');
    expect(error.message).toMatch(/no answer within/);
  });

  it('maps a refused connection to provider-down', async () => {
    const error = await failure(provider({ baseUrl: await closedPortUrl() }).fetchQuotes(['AAPL']));
    expect(error.kind).toBe('provider-down');
    expect(error.message).toMatch(/connection refused/);
  });

  it('refuses more than 120 symbols before calling', async () => {
    const many = Array.from({ length: 121 }, (_, i) => `S${i}`);
    await expect(provider().fetchQuotes(many)).rejects.toThrow(RangeError);
    expect(mock.requests).toHaveLength(0);
  });
});
