import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
  type AlpacaFeed,
  AlpacaProvider,
} from '../../../src-main/core/providers/alpaca/alpaca-provider.js';
import {
  ALPACA_RESET_EPOCH_S,
  type AlpacaCase,
  startAlpacaMock,
} from '../../mocks/providers/alpaca-mock.js';
import { closedPortUrl, type MockServer } from '../../mocks/providers/mock-server.js';
import { expectProviderError } from './expect-provider-error.js';

const NOW = Date.parse('2026-11-25T19:00:01Z');
let mock: MockServer<AlpacaCase>;

const provider = (apiKey = 'key-id', baseUrl = mock.url, feed: AlpacaFeed = 'iex', now = NOW) =>
  new AlpacaProvider(
    {
      apiKey,
      apiSecret: 'secret-key',
      baseUrl,
      clock: { now: () => now },
      http: { timeoutMs: 200, retryBaseMs: 5 },
    },
    feed,
  );

const failure = (promise: Promise<unknown>) => expectProviderError(promise);

beforeAll(async () => {
  mock = await startAlpacaMock();
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

describe('Alpaca snapshots', () => {
  it('asks once for the whole batch with the key headers and the IEX feed', async () => {
    await provider().fetchQuotes(['AAPL', 'BRK.B']);
    expect(mock.requests).toHaveLength(1);
    expect(mock.requests[0]).toMatchObject({
      path: '/v2/stocks/snapshots',
      query: { symbols: 'AAPL,BRK.B', feed: 'iex' },
    });
    expect(mock.requests[0]!.headers['apca-api-key-id']).toBe('key-id');
    expect(mock.requests[0]!.headers['apca-api-secret-key']).toBe('secret-key');
  });

  it('takes the latest trade as price, the previous daily bar as previous close, ns time as ms', async () => {
    const { quotes } = await provider().fetchQuotes(['AAPL', 'BRK.B']);
    expect(quotes[0]).toEqual({
      symbol: 'AAPL',
      price: 187.42,
      previousClose: 189,
      volume: null,
      marketCap: null,
      timestamp: Date.parse('2026-11-25T18:59:58.448Z'),
      receivedAt: NOW,
    });
    expect(quotes[1]).toMatchObject({ symbol: 'BRK.B', price: 478.12, previousClose: 476.1 });
  });

  it('calls IEX and SIP real-time and the delayed SIP feed 15 minutes late in source()', () => {
    expect(provider().source().delay).toMatchObject({
      kind: 'realtime',
      note: expect.stringMatching(/partial/),
    });
    expect(provider('key-id', mock.url, 'sip').source().delay?.kind).toBe('realtime');
    expect(provider('key-id', mock.url, 'delayed_sip').source().delay).toMatchObject({
      kind: 'delayed',
      minutes: 15,
    });
  });

  it('gives the day’s volume only on the consolidated feed', async () => {
    const { quotes } = await provider('key-id', mock.url, 'sip').fetchQuotes(['AAPL']);
    expect(quotes[0]!.volume).toBe(1174998);
  });

  it('before the open, measures a pre-market trade against the last session’s close', async () => {
    mock.useCase('premarket');
    const friday = Date.parse('2026-11-27T13:16:00Z');
    const { quotes } = await provider('key-id', mock.url, 'iex', friday).fetchQuotes(['AAPL']);
    expect(quotes[0]).toMatchObject({ price: 188.1, previousClose: 187.42 });
  });

  it('on a weekend keeps the last session with its own previous close', async () => {
    mock.useCase('closed-market');
    const sunday = Date.parse('2026-11-29T15:00:00Z');
    const { quotes } = await provider('key-id', mock.url, 'iex', sunday).fetchQuotes(['AAPL']);
    expect(quotes[0]).toMatchObject({ price: 186.9, previousClose: 187.42 });
    expect(quotes[0]!.timestamp).toBe(Date.parse('2026-11-27T18:59:59.870Z'));
  });

  it('reports symbols left out of the map as missing', async () => {
    mock.useCase('partial-batch');
    const result = await provider().fetchQuotes(['AAPL', 'ZZZZ']);
    expect(result.quotes.map((q) => q.symbol)).toEqual(['AAPL']);
    expect(result.missing).toEqual([
      { symbol: 'ZZZZ', reason: expect.stringMatching(/^unknown-symbol/) },
    ]);
  });

  it('reports every symbol missing on an empty map', async () => {
    mock.useCase('unknown-symbol');
    const result = await provider().fetchQuotes(['ZZZZ']);
    expect(result).toEqual({
      quotes: [],
      missing: [{ symbol: 'ZZZZ', reason: expect.any(String) }],
    });
  });

  it('drops a symbol that fails the whole request and asks once more without it', async () => {
    mock.useCase('invalid-symbol');
    const result = await provider().fetchQuotes(['AAPL', 'TAOP:NASDAQ']);
    expect(result.quotes.map((q) => q.symbol)).toEqual(['AAPL']);
    expect(result.missing[0]!.symbol).toBe('TAOP:NASDAQ');
    expect(mock.requests).toHaveLength(2);
  });
});

describe('Alpaca failures', () => {
  it('maps 429 to rate-limited at X-RateLimit-Reset, without retrying', async () => {
    mock.useCase('rate-limit');
    const error = await failure(provider().fetchQuotes(['AAPL']));
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAt).toBe(ALPACA_RESET_EPOCH_S * 1000);
    expect(mock.requests).toHaveLength(1);
  });

  it('honours Retry-After and the short 429 body', async () => {
    mock.useCase('rate-limit-retry-after');
    expect((await failure(provider().fetchQuotes(['AAPL']))).retryAt).toBe(NOW + 15_000);
    mock.useCase('rate-limit-short-body');
    expect((await failure(provider().fetchQuotes(['AAPL']))).retryAt).toBe(NOW + 60_000);
  });

  it('maps 401 and the 403 not-authorized body to bad-key, one request each', async () => {
    const error = await failure(provider('bad-key').fetchQuotes(['AAPL']));
    expect(error.kind).toBe('bad-key');
    expect(error.message).not.toContain('secret-key');
    mock.useCase('missing-key');
    expect((await failure(provider().fetchQuotes(['AAPL']))).kind).toBe('bad-key');
    expect(mock.requests).toHaveLength(2);
  });

  it('maps the SIP entitlement 403 to plan-limit', async () => {
    mock.useCase('plan-gated');
    expect((await failure(provider().fetchQuotes(['AAPL']))).kind).toBe('plan-limit');
  });

  it.each([
    ['html-page', 'provider-down'],
    ['plain-text', 'provider-down'],
    ['truncated-json', 'malformed'],
    ['slow', 'provider-down'],
  ] as const)('maps %s to %s', async (name, kind) => {
    mock.useCase(name);
    expect((await failure(provider().fetchQuotes(['AAPL']))).kind).toBe(kind);
  });

  it('maps a refused connection to provider-down', async () => {
    expect(
      (await failure(provider('key-id', await closedPortUrl()).fetchQuotes(['AAPL']))).kind,
    ).toBe('provider-down');
  });

  it('tests the key with one snapshot call', async () => {
    expect(await provider().testKey()).toEqual({ ok: true, detail: 'Key accepted (IEX feed).' });
    const bad = await provider('bad-key').testKey();
    expect(bad.ok === false && bad.error.kind).toBe('bad-key');
  });
});
