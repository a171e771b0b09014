import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createFmpProvider } from '../../../src-main/core/providers/fmp/fmp-provider.js';
import { type FmpCase, startFmpMock } from '../../mocks/providers/fmp-mock.js';
import { closedPortUrl, type MockServer } from '../../mocks/providers/mock-server.js';
import { expectProviderError } from './expect-provider-error.js';

const KEY = 'fmp-test-key-456';
/** Wednesday 2026-11-25 12:40 ET. */
const SESSION_NOW = Date.UTC(2026, 10, 25, 17, 40, 30);
/** Saturday 2026-12-05 10:00 ET. */
const WEEKEND_NOW = Date.UTC(2026, 11, 5, 15, 0, 0);
/** Midnight starting Thursday 2026-11-26 in New York (EST, UTC−5). */
const NEXT_ET_MIDNIGHT = Date.UTC(2026, 10, 26, 5);

let mock: MockServer<FmpCase>;
let now = SESSION_NOW;
const clock = { now: () => now };

function provider(overrides: { apiKey?: string; baseUrl?: string; batchSize?: number } = {}) {
  return createFmpProvider({
    apiKey: overrides.apiKey ?? KEY,
    baseUrl: overrides.baseUrl ?? mock.url,
    batchSize: overrides.batchSize,
    clock,
    http: { timeoutMs: 300, retryLimit: 1, retryBaseMs: 5 },
  });
}

const failure = (promise: Promise<unknown>) => expectProviderError(promise, KEY);

beforeAll(async () => {
  mock = await startFmpMock();
});
afterAll(async () => {
  await mock.close();
});
beforeEach(() => {
  mock.reset();
  now = SESSION_NOW;
});

describe('FMP adapter', () => {
  it('declares the free plan: 250 calls a day, one symbol per call', () => {
    const p = provider();
    expect(p.ratePolicy.perDay).toBe(250);
    expect(p.capabilities.batchSize).toBe(1);
  });

  it('fetches one symbol from the stable quote endpoint: seconds to ms, cap in dollars', async () => {
    const { quotes, missing } = await provider().fetchQuotes(['AAPL']);
    expect(missing).toEqual([]);
    expect(quotes).toEqual([
      {
        symbol: 'AAPL',
        price: 187.42,
        previousClose: 189,
        volume: 41_233_890,
        marketCap: 2_850_123_456_789,
        timestamp: 1_795_628_100_000,
        receivedAt: SESSION_NOW,
      },
    ]);
    expect(mock.requests[0]?.path).toBe('/quote');
    expect(mock.requests[0]?.query).toEqual({ symbol: 'AAPL', apikey: KEY });
  });

  it('asks for share classes in the dash form and answers in the dot form', async () => {
    const { quotes } = await provider().fetchQuotes(['BRK.B']);
    expect(mock.requests[0]?.query.symbol).toBe('BRK-B');
    expect(quotes[0]?.symbol).toBe('BRK.B');
    expect(quotes[0]?.price).toBe(471.1);
  });

  it('keeps the last session on a weekend, dated Friday 16:00 ET', async () => {
    now = WEEKEND_NOW;
    mock.useCase('closed-market');
    const { quotes } = await provider().fetchQuotes(['AAPL']);
    expect(new Date(quotes[0]!.timestamp).toISOString()).toBe('2026-12-04T21:00:00.000Z');
  });

  it('uses batch-quote on a paid plan, one call for all symbols', async () => {
    mock.useCase('paid-plan');
    const { quotes } = await provider({ batchSize: 50 }).fetchQuotes(['AAPL', 'MSFT', 'BRK.B']);
    expect(quotes.map((q) => q.symbol)).toEqual(['AAPL', 'MSFT', 'BRK.B']);
    expect(mock.requests).toHaveLength(1);
    expect(mock.requests[0]?.path).toBe('/batch-quote');
    expect(mock.requests[0]?.query.symbols).toBe('AAPL,MSFT,BRK-B');
  });

  it('falls back to single calls when the plan refuses batch-quote (402 text), and stays there', async () => {
    mock.useCase('plan-gated');
    const p = provider({ batchSize: 50 });
    const { quotes } = await p.fetchQuotes(['AAPL', 'MSFT']);

    expect(quotes.map((q) => q.symbol)).toEqual(['AAPL', 'MSFT']);
    expect(mock.requests.map((r) => r.path)).toEqual(['/batch-quote', '/quote', '/quote']);
    expect(p.capabilities.batchSize).toBe(1);

    await p.fetchQuotes(['AAPL', 'MSFT']);
    expect(mock.requestsTo('/batch-quote')).toHaveLength(1);
  });

  it('keeps the symbols a batch answered and marks the others missing', async () => {
    mock.useCase('partial-batch');
    const result = await provider({ batchSize: 50 }).fetchQuotes(['AAPL', 'ZZZZ', 'BRK.B']);
    expect(result.quotes.map((q) => q.symbol)).toEqual(['AAPL', 'BRK.B']);
    expect(result.missing).toEqual([
      { symbol: 'ZZZZ', reason: 'unknown symbol at FMP (empty answer)' },
    ]);
  });

  it('maps "Limit Reach" on 429 to rate-limited until the next midnight US-Eastern', async () => {
    mock.useCase('rate-limit');
    const error = await failure(provider().fetchQuotes(['AAPL']));
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAt).toBe(NEXT_ET_MIDNIGHT);
    expect(mock.requests).toHaveLength(1);
  });

  it('maps "Limit Reach" on HTTP 200 the same way', async () => {
    mock.useCase('rate-limit-http-200');
    expect((await failure(provider().fetchQuotes(['AAPL']))).kind).toBe('rate-limited');
  });

  it('honours Retry-After on a 429', async () => {
    mock.useCase('rate-limit-retry-after');
    expect((await failure(provider().fetchQuotes(['AAPL']))).retryAt).toBe(SESSION_NOW + 120_000);
  });

  it.each(['bad-key', 'bad-key-http-200', 'missing-key'] as const)(
    'maps %s to bad-key without retrying',
    async (name) => {
      mock.useCase(name);
      const error = await failure(provider().fetchQuotes(['AAPL']));
      expect(error.kind).toBe('bad-key');
      expect(mock.requests).toHaveLength(1);
    },
  );

  it('makes no call without a key', async () => {
    expect((await failure(provider({ apiKey: ' ' }).fetchQuotes(['AAPL']))).kind).toBe('bad-key');
    expect(mock.requests).toHaveLength(0);
  });

  it('explains the legacy /api/v3 403 as a plan limit pointing to the stable base URL', async () => {
    // The harness serves one base path, so the case answers the legacy 403 on the stable path.
    mock.useCase('legacy-endpoint');
    const error = await failure(provider().fetchQuotes(['AAPL']));
    expect(error.kind).toBe('plan-limit');
    expect(error.message).toMatch(/financialmodelingprep\.com\/stable/);
  });

  it('reports an unknown symbol ([] answer) as missing', async () => {
    mock.useCase('unknown-symbol');
    const result = await provider().fetchQuotes(['ZZZZ']);
    expect(result).toEqual({
      quotes: [],
      missing: [{ symbol: 'ZZZZ', reason: 'unknown symbol at FMP (empty answer)' }],
    });
  });

  it('maps an HTML 500 page to provider-down after one retry', async () => {
    mock.useCase('html-page');
    expect((await failure(provider().fetchQuotes(['AAPL']))).kind).toBe('provider-down');
    expect(mock.requests).toHaveLength(2);
  });

  it('maps a plain-text 502 to provider-down', async () => {
    mock.useCase('plain-text');
    expect((await failure(provider().fetchQuotes(['AAPL']))).kind).toBe('provider-down');
  });

  it('maps truncated JSON to malformed', async () => {
    mock.useCase('truncated-json');
    expect((await failure(provider().fetchQuotes(['AAPL']))).kind).toBe('malformed');
  });

  it('maps a slow answer to provider-down', async () => {
    mock.useCase('slow');
    expect((await failure(provider().fetchQuotes(['AAPL']))).kind).toBe('provider-down');
  });

  it('maps a refused connection to provider-down', async () => {
    const error = await failure(
      provider({ baseUrl: await closedPortUrl('/stable') }).fetchQuotes(['AAPL']),
    );
    expect(error.kind).toBe('provider-down');
  });
});
