import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { FinnhubProvider } from '../../../src-main/core/providers/finnhub/finnhub-provider.js';
import {
  FINNHUB_BAD_KEY,
  type FinnhubCase,
  startFinnhubMock,
} from '../../mocks/providers/finnhub-mock.js';
import { closedPortUrl, htmlPage, type MockServer } from '../../mocks/providers/mock-server.js';
import { expectProviderError } from './expect-provider-error.js';

const NOW = Date.parse('2026-11-25T21:00:05Z');
const KEY = 'test-finnhub-key';
let mock: MockServer<FinnhubCase>;

const provider = (apiKey = KEY, baseUrl = mock.url) =>
  new FinnhubProvider({
    apiKey,
    baseUrl,
    clock: { now: () => NOW },
    http: { timeoutMs: 200, retryBaseMs: 5 },
  });

const failure = (promise: Promise<unknown>) => expectProviderError(promise, KEY);

beforeAll(async () => {
  mock = await startFinnhubMock();
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

describe('Finnhub quotes', () => {
  it('converts /quote into a quote: seconds to ms, previous close kept, key sent as token', async () => {
    const result = await provider().fetchQuotes(['AAPL']);
    expect(result.missing).toEqual([]);
    expect(result.quotes).toEqual([
      {
        symbol: 'AAPL',
        price: 187.42,
        previousClose: 189,
        volume: null,
        marketCap: null,
        timestamp: 1795640400_000,
        receivedAt: NOW,
      },
    ]);
    expect(mock.requests[0]).toMatchObject({
      path: '/quote',
      query: { symbol: 'AAPL', token: KEY },
    });
  });

  it('sends class shares in dot form and returns them in dot form', async () => {
    const result = await provider().fetchQuotes(['BRK.B']);
    expect(mock.requests[0]!.query.symbol).toBe('BRK.B');
    expect(result.quotes[0]).toMatchObject({ symbol: 'BRK.B', price: 478.12 });
  });

  it('makes one call per symbol (Finnhub has no batch quote)', async () => {
    await provider().fetchQuotes(['AAPL', 'BRK.B']);
    expect(mock.requestsTo('/quote')).toHaveLength(2);
  });

  it('keeps the last session’s quote with its own timestamp when the market is closed', async () => {
    mock.useCase('closed-market');
    const { quotes } = await provider().fetchQuotes(['AAPL']);
    expect(quotes[0]).toMatchObject({ price: 186.9, previousClose: 187.42 });
    expect(quotes[0]!.timestamp).toBe(Math.min(1795813200_000, NOW));
  });

  it('reports the all-zero answer as a missing symbol, never a price of 0', async () => {
    mock.useCase('unknown-symbol');
    const result = await provider().fetchQuotes(['ZZZZ']);
    expect(result.quotes).toEqual([]);
    expect(result.missing).toEqual([
      { symbol: 'ZZZZ', reason: expect.stringMatching(/^unknown-symbol/) },
    ]);
  });

  it('splits a mixed answer into quotes and missing symbols', async () => {
    mock.useCase('partial-batch');
    const result = await provider().fetchQuotes(['AAPL', 'MSFT']);
    expect(result.quotes.map((q) => q.symbol)).toEqual(['AAPL']);
    expect(result.missing.map((m) => m.symbol)).toEqual(['MSFT']);
  });
});

describe('Finnhub failures', () => {
  it('maps 429 to rate-limited, waiting a minute when no header says otherwise', async () => {
    mock.useCase('rate-limit');
    const error = await failure(provider().fetchQuotes(['AAPL']));
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAt).toBe(NOW + 60_000);
    expect(mock.requests).toHaveLength(1);
  });

  it('honours Retry-After on a 429', async () => {
    mock.useCase('rate-limit-retry-after');
    const error = await failure(provider().fetchQuotes(['AAPL']));
    expect(error.retryAt).toBe(NOW + 30_000);
  });

  it('honours an X-Ratelimit-Reset header when one is sent', async () => {
    mock.useCase('rate-limit-reset-header');
    const error = await failure(provider().fetchQuotes(['AAPL']));
    expect(error.retryAt).toBe(1795640460_000);
  });

  it('treats the missing-key 429 as a bad key, not a rate limit', async () => {
    mock.useCase('missing-key');
    const error = await failure(provider().fetchQuotes(['AAPL']));
    expect(error.kind).toBe('bad-key');
    expect(error.retryAt).toBeUndefined();
  });

  it('maps 401 to bad-key without retrying and never puts the key in the message', async () => {
    const error = await failure(provider(FINNHUB_BAD_KEY).fetchQuotes(['AAPL', 'BRK.B']));
    expect(error.kind).toBe('bad-key');
    expect(mock.requests).toHaveLength(1);
    expect(error.message).not.toContain(FINNHUB_BAD_KEY);
  });

  it('maps the no-access answer to plan-limit', async () => {
    mock.useCase('plan-gated');
    expect((await failure(provider().fetchQuotes(['AAPL']))).kind).toBe('plan-limit');
  });

  it('maps an HTML error page to provider-down after retrying', async () => {
    mock.useCase('html-page');
    const error = await failure(provider().fetchQuotes(['AAPL']));
    expect(error.kind).toBe('provider-down');
    expect(error.message).toMatch(/HTML page/);
    expect(mock.requests).toHaveLength(3);
  });

  it('maps a plain-text 503 to provider-down and a 404 text to provider-down', async () => {
    mock.useCase('plain-text');
    expect((await failure(provider().fetchQuotes(['AAPL']))).message).toMatch(
      /upstream connect error/,
    );
    mock.useCase('not-found-text');
    expect((await failure(provider().fetchQuotes(['AAPL']))).kind).toBe('provider-down');
  });

  it('recovers when the retry after a 502 succeeds', async () => {
    mock.queue(htmlPage(502));
    const { quotes } = await provider().fetchQuotes(['AAPL']);
    expect(quotes).toHaveLength(1);
    expect(mock.requests).toHaveLength(2);
  });

  it('maps truncated JSON to malformed, never a quote', async () => {
    mock.useCase('truncated-json');
    const error = await failure(provider().fetchQuotes(['AAPL']));
    expect(error.kind).toBe('malformed');
    expect(error.message).toMatch(/truncated or invalid JSON/);
  });

  it('maps a connection dropped mid-body to provider-down after retrying', async () => {
    mock.useCase('dropped-connection');
    const error = await failure(provider().fetchQuotes(['AAPL']));
    expect(error.kind).toBe('provider-down');
    expect(mock.requests).toHaveLength(3);
  });

  it('maps a slow answer past the timeout to provider-down', async () => {
    mock.useCase('slow');
    const error = await failure(provider().fetchQuotes(['AAPL']));
    expect(error.kind).toBe('provider-down');
    expect(error.message).toMatch(/no answer within/);
  });

  it('maps a refused connection to provider-down', async () => {
    const error = await failure(
      provider(KEY, await closedPortUrl('/api/v1')).fetchQuotes(['AAPL']),
    );
    expect(error.kind).toBe('provider-down');
  });
});

describe('Finnhub profile, market status and key test', () => {
  it('converts profile2 millions into dollars and shares', async () => {
    expect(await provider().fetchProfile('AAPL')).toEqual({
      symbol: 'AAPL',
      name: 'Apple Inc',
      industry: 'Technology',
      marketCap: 3021450.5e6,
      sharesOutstanding: 15204.1e6,
    });
  });

  it('gives null for the empty profile of an unknown symbol or ETF', async () => {
    expect(await provider().fetchProfile('SPY')).toBeNull();
  });

  it('reads market status and uses it as the key test', async () => {
    expect(await provider().fetchMarketStatus()).toMatchObject({
      isOpen: true,
      session: 'regular',
    });
    expect(await provider().testKey()).toEqual({ ok: true, detail: expect.stringMatching(/open/) });
    const bad = await provider(FINNHUB_BAD_KEY).testKey();
    expect(bad.ok === false && bad.error.kind).toBe('bad-key');
  });
});
