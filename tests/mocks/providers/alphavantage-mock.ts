/**
 * Alpha Vantage on 127.0.0.1: `GET /query?function=…`, every answer HTTP 200 as the real service
 * does (tests/fixtures/providers/alphavantage), for the recorded symbols and, in the same shapes
 * (universe-quotes.ts), for every other universe symbol. GLOBAL_QUOTE takes one symbol: a comma
 * list is an unknown symbol (`{"Global Quote": {}}`). A request without `apikey` or with `bad-key` gets
 * the `Error Message` for a missing or invalid key; the key `demo` gets the demo-key notice.
 */
import { fixture } from './fixtures.js';
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
import {
  alphaVantageBulkRow,
  alphaVantageGlobalQuote,
  LAST_SESSION_CLOSE_MS,
} from './universe-formats.js';
import { universeLookup } from './universe-quotes.js';

export type AlphaVantageCase =
  CommonCase | 'rate-limit-minute' | 'premium-bulk' | 'invalid-call' | 'empty-body' | 'zero-quote';

const f = (name: string): unknown => fixture('alphavantage', name);
export const ALPHAVANTAGE_BAD_KEY = 'bad-key';
const KNOWN: Record<string, string> = {
  IBM: 'global-quote-IBM.json',
  'BRK.B': 'global-quote-BRK.B.json',
};
/** Symbols answered from recorded fixtures (old dates); the rest of the universe is current. */
export const ALPHAVANTAGE_FIXTURE_SYMBOLS: readonly string[] = Object.keys(KNOWN);
/**
 * Symbols REALTIME_BULK_QUOTES answers per call; the rest of a longer list is dropped. Both the
 * cap and the truncation are assumptions [M in PROVIDERS.md §2.2], not recorded answers.
 */
export const ALPHAVANTAGE_BULK_MAX = 100;
/** Alpha Vantage writes share classes with a dot (`BRK.B`). */
const inUniverse = universeLookup('.');

function globalQuote(symbol: string, weekend: boolean): MockReply {
  const name = KNOWN[symbol];
  if (name) return json(200, f(name));
  const quote = inUniverse(symbol);
  if (!quote) return json(200, f('global-quote-empty.json'));
  const at = weekend ? LAST_SESSION_CLOSE_MS : mockNow();
  return json(200, { 'Global Quote': alphaVantageGlobalQuote(quote, at, symbol) });
}

/** Premium bulk rows: the recorded ones, then the universe's, at most ALPHAVANTAGE_BULK_MAX. */
function bulkRows(symbols: readonly string[]): unknown[] {
  const recorded = (f('bulk-quotes.json') as { data: { symbol: string }[] }).data;
  return symbols.slice(0, ALPHAVANTAGE_BULK_MAX).flatMap((symbol) => {
    const row = recorded.find((r) => r.symbol === symbol);
    if (row) return [row];
    const quote = inUniverse(symbol);
    return quote ? [alphaVantageBulkRow(quote, mockNow(), symbol)] : [];
  });
}

/** A free key: GLOBAL_QUOTE works, REALTIME_BULK_QUOTES answers its artificial sample data. */
function answer(
  request: RecordedRequest,
  options: { premium?: boolean; weekend?: boolean } = {},
): MockReply {
  if (request.path !== '/query') return text(404, 'Not Found');
  const symbol = request.query.symbol ?? '';
  switch (request.query.function) {
    case 'GLOBAL_QUOTE': {
      if (options.weekend && symbol === 'IBM') return json(200, f('global-quote-IBM-weekend.json'));
      return globalQuote(symbol, options.weekend ?? false);
    }
    case 'REALTIME_BULK_QUOTES': {
      if (!options.premium) return json(200, f('bulk-sample-data.json'));
      const body = f('bulk-quotes.json') as { endpoint: string };
      return json(200, { ...body, data: bulkRows(symbol.split(',')) });
    }
    default:
      return json(200, { 'Error Message': 'This API function (UNKNOWN) does not exist.' });
  }
}

const cases: Record<AlphaVantageCase, CaseHandler> = {
  success: (r) => answer(r),
  'premium-bulk': (r) => answer(r, { premium: true }),
  'closed-market': (r) => answer(r, { weekend: true }),
  'rate-limit': () => json(200, f('info-daily-limit.json')),
  'rate-limit-minute': () => json(200, f('note-minute-limit.json')),
  // Alpha Vantage never sends Retry-After [R]; this case checks a proxy-added one is honoured.
  'rate-limit-retry-after': () => json(200, f('info-daily-limit.json'), { 'retry-after': '90' }),
  'bad-key': () => json(200, f('error-apikey.json')),
  'missing-key': () => json(200, f('error-apikey.json')),
  'plan-gated': () => json(200, f('info-premium.json')),
  'unknown-symbol': () => json(200, f('global-quote-empty.json')),
  'invalid-call': () => json(200, f('error-invalid-call.json')),
  'empty-body': () => json(200, {}),
  // Not a recorded form: a defensive case for a quote of zeros, which must never become a tile.
  'zero-quote': () => json(200, f('global-quote-zero.json')),
  'partial-batch': (r) => answer(r, { premium: true }),
  'html-page': () => htmlPage(503, '503 Service Temporarily Unavailable'),
  'plain-text': () => text(200, 'Service temporarily unavailable, please try again later.'),
  'truncated-json': () => truncatedJson(f('global-quote-IBM.json')),
  slow: (r) => ({ ...answer(r), delayMs: 1_000 }),
};

/** Starts the Alpha Vantage mock; its `url` is the base URL to configure. */
export async function startAlphaVantageMock(): Promise<MockServer<AlphaVantageCase>> {
  const withAuth = Object.fromEntries(
    Object.entries(cases).map(([name, handler]) => [
      name,
      (request: RecordedRequest): MockReply => {
        const key = request.query.apikey;
        if (!key || key === ALPHAVANTAGE_BAD_KEY) return json(200, f('error-apikey.json'));
        if (key === 'demo' && request.query.symbol !== 'IBM')
          return json(200, f('info-demo-key.json'));
        return (handler as CaseHandler)(request);
      },
    ]),
  ) as Record<AlphaVantageCase, CaseHandler>;
  return startMockServer(withAuth, { initialCase: 'success' });
}
