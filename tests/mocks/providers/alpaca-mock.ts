/**
 * Alpaca market data on 127.0.0.1: `/v2/stocks/snapshots` with the recorded shapes in
 * tests/fixtures/providers/alpaca for the recorded symbols, and in the same shape from
 * universe-quotes.ts for every other universe symbol; other symbols are left out of the map.
 * No batch limit is enforced: PROVIDERS.md records none for the snapshots endpoint (the adapter's
 * 100 a call is its own choice). Without both key headers it answers 401; the key id
 * `bad-key` gets "access key verification failed".
 */
import { fixture } from './fixtures.js';
import { alpacaBarsRoute } from './history-routes/alpaca.js';
import { mockNow } from './mock-clock.js';
import {
  type CaseHandler,
  type CommonCase,
  htmlPage,
  json,
  type MockReply,
  type MockServer,
  type RecordedRequest,
  startMockServer,
  text,
  truncatedJson,
} from './mock-server.js';
import { alpacaSnapshot, LAST_SESSION_CLOSE_MS } from './universe-formats.js';
import { universeLookup } from './universe-quotes.js';

export type AlpacaCase = CommonCase | 'premarket' | 'rate-limit-short-body' | 'invalid-symbol';

const f = (name: string): unknown => fixture('alpaca', name);
export const ALPACA_RESET_EPOCH_S = 1795640460;
/** Symbols answered from recorded fixtures (old timestamps); the rest of the universe is live. */
export const ALPACA_FIXTURE_SYMBOLS: readonly string[] = ['AAPL', 'BRK.B'];
const FIXTURE_SYMBOLS = new Set(ALPACA_FIXTURE_SYMBOLS);

/** Alpaca writes share classes with a dot (`BRK.B`). */
const inUniverse = universeLookup('.');

/**
 * The snapshots of the requested symbols: the fixture's where it has one, else the universe's
 * (`generatedAt`: when their last trade was, or none for fixture-only answers). Unknown symbols
 * are left out.
 */
function snapshots(
  request: RecordedRequest,
  name = 'snapshots-AAPL-BRK.B.json',
  generatedAt: (() => number) | null = mockNow,
): MockReply {
  const recorded = f(name) as Record<string, unknown>;
  const asked = (request.query.symbols ?? '').split(',');
  const body: Record<string, unknown> = {};
  for (const symbol of asked) {
    const quote = inUniverse(symbol);
    if (recorded[symbol] !== undefined) body[symbol] = recorded[symbol];
    else if (quote && generatedAt && !FIXTURE_SYMBOLS.has(symbol))
      body[symbol] = alpacaSnapshot(quote, generatedAt());
  }
  return json(200, body);
}

const cases: Record<AlpacaCase, CaseHandler> = {
  success: (r) => snapshots(r),
  'closed-market': (r) => snapshots(r, 'snapshots-AAPL-weekend.json', () => LAST_SESSION_CLOSE_MS),
  premarket: (r) => snapshots(r, 'snapshots-AAPL-premarket.json', null),
  'rate-limit': () =>
    json(429, f('error-429.json'), {
      'x-ratelimit-limit': '200',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(ALPACA_RESET_EPOCH_S),
    }),
  'rate-limit-retry-after': () => json(429, f('error-429-short.json'), { 'retry-after': '15' }),
  'rate-limit-short-body': () => json(429, f('error-429-short.json')),
  'bad-key': () => json(401, f('error-401.json')),
  'missing-key': () => json(403, f('error-403-unauthorized.json')),
  'plan-gated': () => json(403, f('error-403-sip.json')),
  'unknown-symbol': () => json(200, f('snapshots-empty.json')),
  'partial-batch': (r) => snapshots(r),
  // A malformed symbol fails the whole request; without it the request succeeds.
  'invalid-symbol': (r) =>
    (r.query.symbols ?? '').includes('TAOP:NASDAQ')
      ? json(400, f('error-400-invalid-symbol.json'))
      : snapshots(r),
  'html-page': () => htmlPage(502),
  'plain-text': () => text(504, 'upstream request timeout'),
  'truncated-json': () => truncatedJson(f('snapshots-AAPL-BRK.B.json')),
  slow: (r) => ({ ...snapshots(r), delayMs: 1_000 }),
};

const ANSWERING_CASES = new Set(['success', 'closed-market', 'premarket', 'partial-batch']);

/** Starts the Alpaca mock; its `url` is the base URL to configure. */
export async function startAlpacaMock(): Promise<MockServer<AlpacaCase>> {
  const withAuth = Object.fromEntries(
    Object.entries(cases).map(([name, handler]) => [
      name,
      (request: RecordedRequest): MockReply => {
        const id = request.headers['apca-api-key-id'];
        const secret = request.headers['apca-api-secret-key'];
        if (!id || !secret) return json(401, f('error-403-unauthorized.json'));
        if (id === 'bad-key') return json(401, f('error-401.json'));
        // Historical bars (history-routes/alpaca.ts) answer in every case that answers normally.
        const bars = ANSWERING_CASES.has(name) ? alpacaBarsRoute(request) : undefined;
        return bars ?? (handler as CaseHandler)(request);
      },
    ]),
  ) as Record<AlpacaCase, CaseHandler>;
  return startMockServer(withAuth, { initialCase: 'success' });
}
