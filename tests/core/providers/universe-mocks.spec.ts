/**
 * The provider mocks know every universe symbol: each real adapter, pointed at its mock, gets a
 * quote for every symbol of resources/universe.json with the mock's value (from the replay's
 * real closes, or the documented rule), while symbols outside the universe stay unknown. And
 * the mocks hold the providers' batch limits, so an adapter that over-batches would fail here.
 */
import '../../../src-main/core/providers/index.js';

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Quote } from '../../../src-main/core/domain/types.js';
import type { MarketDataProvider } from '../../../src-main/core/providers/provider.js';
import { createProvider, type ProviderId } from '../../../src-main/core/providers/registry.js';
import { createTwelveDataProvider } from '../../../src-main/core/providers/twelvedata/twelvedata-provider.js';
import { ALPACA_FIXTURE_SYMBOLS, startAlpacaMock } from '../../mocks/providers/alpaca-mock.js';
import {
  ALPHAVANTAGE_BULK_MAX,
  ALPHAVANTAGE_FIXTURE_SYMBOLS,
  startAlphaVantageMock,
} from '../../mocks/providers/alphavantage-mock.js';
import { FINNHUB_KNOWN, startFinnhubMock } from '../../mocks/providers/finnhub-mock.js';
import { FMP_FIXTURE_SYMBOLS, startFmpMock } from '../../mocks/providers/fmp-mock.js';
import type { MockServer } from '../../mocks/providers/mock-server.js';
import { POLYGON_FIXTURE_SYMBOLS, startPolygonMock } from '../../mocks/providers/polygon-mock.js';
import {
  startTwelveDataMock,
  TWELVEDATA_FIXTURE_SYMBOLS,
  TWELVEDATA_MAX_SYMBOLS,
} from '../../mocks/providers/twelvedata-mock.js';
import { LAST_SESSION_CLOSE_MS } from '../../mocks/providers/universe-formats.js';
import { ruleQuote, universeQuote, universeQuotes } from '../../mocks/providers/universe-quotes.js';

const KEY = 'universe-test-key';
const UNIVERSE = [...universeQuotes().keys()];

interface Case {
  id: ProviderId;
  start(): Promise<MockServer>;
  /** Recorded fixtures answer these (their own values), in the engine's symbol form. */
  fixtures: readonly string[];
}

const CASES: Case[] = [
  { id: 'finnhub', start: startFinnhubMock, fixtures: [...FINNHUB_KNOWN] },
  { id: 'alpaca', start: startAlpacaMock, fixtures: ALPACA_FIXTURE_SYMBOLS },
  { id: 'polygon', start: startPolygonMock, fixtures: POLYGON_FIXTURE_SYMBOLS },
  { id: 'twelvedata', start: () => startTwelveDataMock(), fixtures: TWELVEDATA_FIXTURE_SYMBOLS },
  { id: 'fmp', start: startFmpMock, fixtures: FMP_FIXTURE_SYMBOLS.map((s) => s.replace('-', '.')) },
  { id: 'alphavantage', start: startAlphaVantageMock, fixtures: ALPHAVANTAGE_FIXTURE_SYMBOLS },
];

function adapter(id: ProviderId, mock: MockServer): MarketDataProvider {
  return createProvider(id, {
    apiKey: KEY,
    apiSecret: 'universe-test-secret',
    baseUrl: mock.url,
    http: { timeoutMs: 2_000, retryLimit: 0 },
  });
}

/** A symbol's recorded closes, read here on their own (not through the mock's code). */
function recordedCloses(symbol: string): (number | null)[] {
  const file = fileURLToPath(
    new URL('../../../resources/replay/daily-closes.json', import.meta.url),
  );
  const data = JSON.parse(readFileSync(file, 'utf8')) as {
    symbols: Record<string, { close: (number | null)[] }>;
  };
  return data.symbols[symbol]?.close ?? [];
}

/** Every symbol through the adapter, in batches as large as it declares. */
async function fetchAll(provider: MarketDataProvider, symbols: readonly string[]) {
  const quotes: Quote[] = [];
  const missing: string[] = [];
  const size = provider.capabilities.batchSize;
  for (let i = 0; i < symbols.length; i += size) {
    const result = await provider.fetchQuotes(symbols.slice(i, i + size));
    quotes.push(...result.quotes);
    missing.push(...result.missing.map((m) => m.symbol));
  }
  return { quotes, missing };
}

describe('universe quotes', () => {
  it('use the last real close as the price and the close before it as the previous close', () => {
    const aapl = recordedCloses('AAPL');
    expect(universeQuote('AAPL')).toMatchObject({
      basis: 'replay',
      price: aapl.at(-1),
      previousClose: aapl.at(-2),
    });
    // AVB's last closes are missing: it walks back to the last two it has.
    const avb = recordedCloses('AVB').filter((close) => close !== null);
    expect(universeQuote('AVB')).toMatchObject({
      basis: 'replay',
      price: avb.at(-1),
      previousClose: avb.at(-2),
    });
  });

  it('derive symbols without closes from the documented rule, the same on every call', () => {
    const brk = universeQuote('BRK.B');
    expect(brk).toMatchObject({ basis: 'rule', ...ruleQuote('BRK.B') });
    expect(brk!.price).toBeGreaterThanOrEqual(20);
    expect(brk!.price).toBeLessThanOrEqual(500);
    expect(Math.abs(brk!.price / brk!.previousClose - 1)).toBeLessThanOrEqual(0.0301);
  });

  it('cover the whole universe with positive prices and previous closes', () => {
    expect(UNIVERSE.length).toBeGreaterThan(600);
    for (const symbol of UNIVERSE) {
      const quote = universeQuote(symbol)!;
      expect(quote.price, symbol).toBeGreaterThan(0);
      expect(quote.previousClose, symbol).toBeGreaterThan(0);
      expect(quote.low, symbol).toBeLessThanOrEqual(Math.min(quote.open, quote.price));
      expect(quote.high, symbol).toBeGreaterThanOrEqual(Math.max(quote.open, quote.price));
    }
  });
});

describe.each(CASES)('$id mock with its adapter', ({ id, start, fixtures }) => {
  let mock: MockServer;

  beforeAll(async () => {
    mock = await start();
  });
  afterAll(async () => {
    await mock.close();
  });

  it('answers every universe symbol with the mock value, and nothing else', async () => {
    const { quotes, missing } = await fetchAll(adapter(id, mock), [...UNIVERSE, 'ZZZZ']);

    expect(missing).toEqual(['ZZZZ']);
    expect(quotes).toHaveLength(UNIVERSE.length);
    for (const quote of quotes.filter((q) => !fixtures.includes(q.symbol))) {
      const expected = universeQuote(quote.symbol)!;
      expect(quote, quote.symbol).toMatchObject({
        price: expected.price,
        previousClose: expected.previousClose,
      });
      // Stamped at the request: a live session.
      expect(Date.now() - quote.timestamp, quote.symbol).toBeLessThan(60_000);
    }
  });

  it('answers the closed market with the last session, or (Polygon) the cleared snapshot', async () => {
    mock.useCase('closed-market');
    try {
      const { quotes, missing } = await fetchAll(adapter(id, mock), ['MMM', 'ABT']);
      if (id === 'polygon') {
        // After the 3:30 AM clear: zero-filled day and no trade, which must not become a price.
        expect(quotes).toEqual([]);
        expect(missing).toEqual(['MMM', 'ABT']);
        return;
      }
      expect(quotes.map((q) => [q.symbol, q.price, q.timestamp])).toEqual(
        ['MMM', 'ABT'].map((s) => [s, universeQuote(s)!.price, LAST_SESSION_CLOSE_MS]),
      );
    } finally {
      mock.useCase('success');
    }
  });
});

describe('Polygon on a free key', () => {
  it('fills every universe symbol from grouped daily bars, one call per session', async () => {
    const mock = await startPolygonMock();
    mock.useCase('plan-gated');
    try {
      const { quotes, missing } = await fetchAll(adapter('polygon', mock), UNIVERSE);

      expect(missing).toEqual([]);
      for (const quote of quotes) {
        const expected = universeQuote(quote.symbol)!;
        expect(quote, quote.symbol).toMatchObject({
          price: expected.price,
          previousClose: expected.previousClose,
        });
      }
      // The snapshot (403, not in the plan), then the latest session and the one before.
      const grouped = mock.requestsTo(/^\/v2\/aggs\/grouped\//);
      expect(mock.requests).toHaveLength(1 + grouped.length);
      expect(grouped.length).toBeGreaterThanOrEqual(2);
    } finally {
      await mock.close();
    }
  });
});

describe('batch limits', () => {
  it('Twelve Data refuses a batch costing more than the free minute, with the real counts', async () => {
    const mock = await startTwelveDataMock();
    try {
      // A paid plan's adapter (12 credits a minute) against the free plan's mock.
      const provider = adapter('twelvedata', mock);
      const overBatching = createTwelveDataProvider({
        apiKey: KEY,
        baseUrl: mock.url,
        http: { retryLimit: 0 },
        creditsPerMinute: 12,
      });
      expect(overBatching.capabilities.batchSize).toBe(12);
      const twelve = UNIVERSE.slice(0, 12);
      await expect(overBatching.fetchQuotes(twelve)).rejects.toMatchObject({
        kind: 'rate-limited',
        message: expect.stringContaining('12 API credits were used') as unknown,
      });
      const eight = await provider.fetchQuotes(UNIVERSE.slice(0, 8));
      expect(eight.quotes).toHaveLength(8);
    } finally {
      await mock.close();
    }
  });

  it('Twelve Data refuses more than 120 symbols even on a plan with the credits', async () => {
    const mock = await startTwelveDataMock({ creditsPerMinute: 610 });
    try {
      const asked = UNIVERSE.slice(0, TWELVEDATA_MAX_SYMBOLS + 1).join(',');
      const res = await fetch(`${mock.url}/quote?symbol=${asked}&apikey=${KEY}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ code: 400, status: 'error' });
      const ok = await fetch(
        `${mock.url}/quote?symbol=${UNIVERSE.slice(0, TWELVEDATA_MAX_SYMBOLS).join(',')}&apikey=${KEY}`,
      );
      expect(Object.keys((await ok.json()) as object)).toHaveLength(TWELVEDATA_MAX_SYMBOLS);
    } finally {
      await mock.close();
    }
  });

  it('FMP answers a comma list on a free key with its 402 plain-text plan gate', async () => {
    const mock = await startFmpMock();
    try {
      const res = await fetch(`${mock.url}/quote?symbol=MMM,ABT&apikey=${KEY}`);
      expect(res.status).toBe(402);
      expect(await res.text()).toContain(`Premium Query Parameter: This value set for 'symbol'`);
    } finally {
      await mock.close();
    }
  });

  it('Finnhub and Alpha Vantage take one symbol: a comma list is an unknown symbol', async () => {
    const finnhub = await startFinnhubMock();
    const alpha = await startAlphaVantageMock();
    try {
      const f = await fetch(`${finnhub.url}/quote?symbol=MMM,ABT&token=${KEY}`);
      expect(await f.json()).toEqual({ c: 0, d: null, dp: null, h: 0, l: 0, o: 0, pc: 0, t: 0 });
      const a = await fetch(
        `${alpha.url}/query?function=GLOBAL_QUOTE&symbol=MMM,ABT&apikey=${KEY}`,
      );
      expect(await a.json()).toEqual({ 'Global Quote': {} });
    } finally {
      await Promise.all([finnhub.close(), alpha.close()]);
    }
  });

  it(`Alpha Vantage's premium bulk answers the first ${ALPHAVANTAGE_BULK_MAX} symbols only`, async () => {
    const mock = await startAlphaVantageMock();
    mock.useCase('premium-bulk');
    try {
      const asked = UNIVERSE.slice(0, ALPHAVANTAGE_BULK_MAX + 5);
      const url = `${mock.url}/query?function=REALTIME_BULK_QUOTES&symbol=${asked.join(',')}&apikey=${KEY}`;
      const body = (await (await fetch(url)).json()) as { data: { symbol: string }[] };
      expect(body.data.map((row) => row.symbol)).toEqual(asked.slice(0, ALPHAVANTAGE_BULK_MAX));
    } finally {
      await mock.close();
    }
  });

  it('symbol forms are the provider’s own: FMP knows BRK-B, not BRK.B', async () => {
    const mock = await startFmpMock();
    try {
      const dash = await fetch(`${mock.url}/quote?symbol=BF-B&apikey=${KEY}`);
      expect(await dash.json()).toMatchObject([
        { symbol: 'BF-B', price: universeQuote('BF.B')!.price },
      ]);
      const dot = await fetch(`${mock.url}/quote?symbol=BF.B&apikey=${KEY}`);
      expect(await dot.json()).toEqual([]);
    } finally {
      await mock.close();
    }
  });
});
