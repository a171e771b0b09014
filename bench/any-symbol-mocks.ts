/**
 * Provider mocks for the benchmark: the recorded fixtures of tests/fixtures/providers as
 * templates, answered for ANY symbol (the test mocks know two or three) and stamped with the
 * virtual time, on 127.0.0.1 through the tests' mock server. Each mock also enforces the
 * provider's free-tier limits on virtual time and answers 429 past them, so a scheduler that
 * overspends is caught (the `rejected` column).
 */
import type { Clock } from '../src-main/core/domain/types.js';
import type { RatePolicy } from '../src-main/core/providers/provider.js';
import { fixture } from '../tests/mocks/providers/fixtures.js';
import {
  json,
  type MockReply,
  type MockServer,
  type RecordedRequest,
  startMockServer,
} from '../tests/mocks/providers/mock-server.js';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const NS_PER_MS = 1_000_000n;

type Answer = (request: RecordedRequest, now: number) => MockReply;

const f = (provider: string, name: string): unknown => structuredClone(fixture(provider, name));
const list = (value: string | undefined): string[] => (value ?? '').split(',').filter(Boolean);
const iso = (ms: number): string => new Date(ms).toISOString();

const ANSWERS: Record<string, { basePath: string; answer: Answer }> = {
  finnhub: {
    basePath: '/api/v1',
    answer: (_r, now) =>
      json(200, { ...(f('finnhub', 'quote-AAPL.json') as object), t: Math.floor(now / 1000) }),
  },
  alpaca: {
    basePath: '',
    answer: (r, now) => {
      const template =
        (f('alpaca', 'snapshots-AAPL-BRK.B.json') as Record<string, Record<string, { t: string }>>)
          .AAPL ?? {};
      const stamp = (): object => ({
        ...template,
        latestTrade: { ...template.latestTrade, t: iso(now) },
      });
      return json(200, Object.fromEntries(list(r.query.symbols).map((s) => [s, stamp()])));
    },
  },
  twelvedata: {
    basePath: '',
    answer: (r, now) => {
      const one = (symbol: string): object => ({
        ...(f('twelvedata', 'quote-AAPL.json') as object),
        symbol,
        timestamp: Math.floor(now / 1000),
        last_quote_at: Math.floor(now / 1000),
      });
      const symbols = list(r.query.symbol);
      return json(
        200,
        symbols.length === 1
          ? one(symbols[0] ?? '')
          : Object.fromEntries(symbols.map((s) => [s, one(s)])),
      );
    },
  },
  fmp: {
    basePath: '/stable',
    answer: (r, now) => {
      const [template] = f('fmp', 'quote-AAPL.json') as object[];
      const symbols = list(r.query.symbol ?? r.query.symbols);
      return json(
        200,
        symbols.map((symbol) => ({ ...template, symbol, timestamp: Math.floor(now / 1000) })),
      );
    },
  },
  alphavantage: {
    basePath: '',
    answer: (r) => {
      const body = f('alphavantage', 'global-quote-IBM.json') as {
        'Global Quote': Record<string, string>;
      };
      return json(200, {
        'Global Quote': { ...body['Global Quote'], '01. symbol': r.query.symbol ?? '' },
      });
    },
  },
  polygon: {
    basePath: '',
    answer: (r, now) => {
      const body = f('polygon', 'snapshot-tickers.json') as { tickers: Record<string, unknown>[] };
      const template = body.tickers[0] ?? {};
      const ns = (BigInt(now) * NS_PER_MS).toString();
      const tickers = list(r.query.tickers).map((ticker) => ({
        ...template,
        ticker,
        updated: Number(ns),
        lastTrade: { ...(template.lastTrade as object), t: Number(ns) },
      }));
      return json(200, { ...body, count: tickers.length, tickers });
    },
  },
};

/** Counts units on virtual time and says whether one more call fits the free tier. */
function limiter(policy: RatePolicy, clock: Clock): (request: RecordedRequest) => boolean {
  const log: { at: number; units: number }[] = [];
  return (request) => {
    const now = clock.now();
    const symbols = list(
      request.query.symbol ?? request.query.symbols ?? request.query.tickers,
    ).length;
    const units = policy.unit === 'credits' ? Math.max(1, symbols) : 1;
    // Only the longest window matters; older entries would make every request O(day).
    const keep = policy.perDay === undefined ? MS_PER_MINUTE : MS_PER_DAY;
    while (log.length > 0 && (log[0]?.at ?? now) <= now - keep) log.shift();
    const within = (ms: number): number =>
      log.filter((e) => e.at > now - ms).reduce((sum, e) => sum + e.units, 0);
    const fits =
      (policy.perMinute === undefined || within(MS_PER_MINUTE) + units <= policy.perMinute) &&
      (policy.perDay === undefined || within(MS_PER_DAY) + units <= policy.perDay);
    if (fits) log.push({ at: now, units });
    return fits;
  };
}

export interface BenchMock {
  server: MockServer;
  /** Requests answered 429 because they broke the free-tier limits. */
  rejected(): number;
}

/** Starts the any-symbol mock of `providerId`, enforcing `policy` on `clock`. */
export async function startBenchMock(
  providerId: string,
  policy: RatePolicy,
  clock: Clock,
): Promise<BenchMock> {
  const entry = ANSWERS[providerId];
  if (!entry) throw new Error(`bench mock: no answers for "${providerId}"`);
  const fits = limiter(policy, clock);
  let rejected = 0;
  const handler = (request: RecordedRequest): MockReply => {
    if (!fits(request)) {
      rejected += 1;
      return json(429, { error: 'free-tier limit exceeded (bench mock)' });
    }
    return entry.answer(request, clock.now());
  };
  const server = await startMockServer(
    { success: handler },
    {
      initialCase: 'success',
      basePath: entry.basePath,
    },
  );
  return { server, rejected: () => rejected };
}
