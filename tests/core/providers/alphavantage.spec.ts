import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createAlphaVantageProvider } from '../../../src-main/core/providers/alphavantage/alphavantage-provider.js';
import {
  type AlphaVantageCase,
  startAlphaVantageMock,
} from '../../mocks/providers/alphavantage-mock.js';
import { closedPortUrl, type MockServer } from '../../mocks/providers/mock-server.js';
import { expectProviderError } from './expect-provider-error.js';

const KEY = 'av-test-key-789';
/** Wednesday 2026-11-25 12:40 ET, during the session. */
const SESSION_NOW = Date.UTC(2026, 10, 25, 17, 40, 30);
/** Wednesday 2026-11-25 17:00 ET, after the close. */
const EVENING_NOW = Date.UTC(2026, 10, 25, 22, 0, 0);
/** Saturday 2026-12-05 10:00 ET. */
const WEEKEND_NOW = Date.UTC(2026, 11, 5, 15, 0, 0);

let mock: MockServer<AlphaVantageCase>;
let now = SESSION_NOW;
const clock = { now: () => now };

function provider(overrides: { apiKey?: string; baseUrl?: string; bulkQuotes?: boolean } = {}) {
  return createAlphaVantageProvider({
    apiKey: overrides.apiKey ?? KEY,
    baseUrl: overrides.baseUrl ?? mock.url,
    bulkQuotes: overrides.bulkQuotes,
    clock,
    http: { timeoutMs: 300, retryLimit: 1, retryBaseMs: 5 },
  });
}

const failure = (promise: Promise<unknown>) => expectProviderError(promise, KEY);

beforeAll(async () => {
  mock = await startAlphaVantageMock();
});
afterAll(async () => {
  await mock.close();
});
beforeEach(() => {
  mock.reset();
  now = SESSION_NOW;
});

describe('Alpha Vantage adapter', () => {
  it('declares 25 calls a day, one symbol per call, and says the map cannot be covered', () => {
    const p = provider();
    expect(p.ratePolicy.perDay).toBe(25);
    expect(p.capabilities.batchSize).toBe(1);
    expect(p.limitations[0]).toContain(
      "Alpha Vantage's free tier allows 25 calls a day: about 25 of 503 tiles per day",
    );
    expect(p.source().detail).toContain('about 25 of 503 tiles per day');
  });

  it('parses GLOBAL_QUOTE strings; a same-day trading date is capped at the arrival time', async () => {
    const { quotes, missing } = await provider().fetchQuotes(['IBM']);
    expect(missing).toEqual([]);
    expect(quotes).toEqual([
      {
        symbol: 'IBM',
        price: 222.48,
        previousClose: 220.9,
        volume: 3_920_411,
        marketCap: null,
        timestamp: SESSION_NOW,
        receivedAt: SESSION_NOW,
      },
    ]);
    expect(mock.requests[0]?.query).toEqual({
      function: 'GLOBAL_QUOTE',
      symbol: 'IBM',
      apikey: KEY,
    });
  });

  it('sends share classes in the dot form', async () => {
    const { quotes } = await provider().fetchQuotes(['BRK.B']);
    expect(mock.requests[0]?.query.symbol).toBe('BRK.B');
    expect(quotes[0]?.symbol).toBe('BRK.B');
  });

  it('dates a weekend answer at the last session close, Friday 16:00 ET', async () => {
    now = WEEKEND_NOW;
    mock.useCase('closed-market');
    const { quotes } = await provider().fetchQuotes(['IBM']);
    expect(new Date(quotes[0]!.timestamp).toISOString()).toBe('2026-12-04T21:00:00.000Z');
  });

  it('maps the daily-limit Information on HTTP 200 to rate-limited until midnight US-Eastern', async () => {
    mock.useCase('rate-limit');
    const error = await failure(provider().fetchQuotes(['IBM']));
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAt).toBe(Date.UTC(2026, 10, 26, 5));
    expect(mock.requests).toHaveLength(1);
  });

  it('maps the per-minute Note to rate-limited for one minute', async () => {
    mock.useCase('rate-limit-minute');
    const error = await failure(provider().fetchQuotes(['IBM']));
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAt).toBe(SESSION_NOW + 60_000);
  });

  it('honours a Retry-After header should one be present', async () => {
    mock.useCase('rate-limit-retry-after');
    expect((await failure(provider().fetchQuotes(['IBM']))).retryAt).toBe(SESSION_NOW + 90_000);
  });

  it.each(['bad-key', 'missing-key'] as const)(
    'maps the apikey Error Message (%s) to bad-key without retrying',
    async (name) => {
      mock.useCase(name);
      const error = await failure(provider().fetchQuotes(['IBM']));
      expect(error.kind).toBe('bad-key');
      expect(mock.requests).toHaveLength(1);
    },
  );

  it('maps the demo key on a non-demo symbol to bad-key, and makes no call without a key', async () => {
    expect((await failure(provider({ apiKey: 'demo' }).fetchQuotes(['BRK.B']))).kind).toBe(
      'bad-key',
    );
    expect((await failure(provider({ apiKey: '' }).fetchQuotes(['IBM']))).kind).toBe('bad-key');
    expect(mock.requests).toHaveLength(1);
  });

  it('maps the premium Information to plan-limit', async () => {
    mock.useCase('plan-gated');
    expect((await failure(provider({ bulkQuotes: true }).fetchQuotes(['IBM', 'MSFT']))).kind).toBe(
      'plan-limit',
    );
  });

  it('never shows bulk sample data: the artificial answer is a plan limit and batching stops', async () => {
    const p = provider({ bulkQuotes: true });
    const error = await failure(p.fetchQuotes(['MSFT', 'IBM']));
    expect(error.kind).toBe('plan-limit');
    expect(p.capabilities.batchSize).toBe(1);
    expect(mock.requests).toHaveLength(1);
  });

  it('reads premium bulk quotes, zone-less timestamps as US-Eastern, and marks absent symbols', async () => {
    now = EVENING_NOW;
    mock.useCase('partial-batch');
    const result = await provider({ bulkQuotes: true }).fetchQuotes(['MSFT', 'IBM', 'ZZZZ']);
    expect(result.quotes.map((q) => q.symbol)).toEqual(['MSFT', 'IBM']);
    expect(new Date(result.quotes[0]!.timestamp).toISOString()).toBe('2026-11-25T20:59:58.102Z');
    expect(result.quotes[0]?.previousClose).toBe(420.05);
    expect(result.missing).toEqual([{ symbol: 'ZZZZ', reason: 'not in Alpha Vantage answer' }]);
    expect(mock.requests[0]?.query.function).toBe('REALTIME_BULK_QUOTES');
  });

  it.each(['unknown-symbol', 'invalid-call', 'empty-body'] as const)(
    'reports %s as a missing symbol',
    async (name) => {
      mock.useCase(name);
      const result = await provider().fetchQuotes(['ZZZZ']);
      expect(result.quotes).toEqual([]);
      expect(result.missing[0]?.symbol).toBe('ZZZZ');
    },
  );

  it('never turns a quote of zeros into a tile (no price 0, no −100 %)', async () => {
    mock.useCase('zero-quote');
    const result = await provider().fetchQuotes(['XYZ']);
    expect(result).toEqual({
      quotes: [],
      missing: [{ symbol: 'XYZ', reason: 'the provider sent no usable price' }],
    });
  });

  it('maps an HTML 503 page to provider-down after one retry', async () => {
    mock.useCase('html-page');
    expect((await failure(provider().fetchQuotes(['IBM']))).kind).toBe('provider-down');
    expect(mock.requests).toHaveLength(2);
  });

  it('maps plain text on HTTP 200 to malformed', async () => {
    mock.useCase('plain-text');
    const error = await failure(provider().fetchQuotes(['IBM']));
    expect(error.kind).toBe('malformed');
    expect(error.message).toMatch(/plain text/);
  });

  it('maps truncated JSON to malformed', async () => {
    mock.useCase('truncated-json');
    expect((await failure(provider().fetchQuotes(['IBM']))).kind).toBe('malformed');
  });

  it('maps a slow answer to provider-down', async () => {
    mock.useCase('slow');
    expect((await failure(provider().fetchQuotes(['IBM']))).kind).toBe('provider-down');
  });

  it('maps a refused connection to provider-down', async () => {
    expect(
      (await failure(provider({ baseUrl: await closedPortUrl() }).fetchQuotes(['IBM']))).kind,
    ).toBe('provider-down');
  });
});

describe('Alpha Vantage key test', () => {
  it('fails the public demo key and passes a real one with one call each', async () => {
    const demo = await provider({ apiKey: 'demo' }).testKey!();
    expect(demo.ok).toBe(false);
    expect(!demo.ok && demo.error.kind).toBe('bad-key');

    const real = await provider().testKey!();
    expect(real.ok).toBe(true);
    expect(mock.requests).toHaveLength(2);
  });
});
