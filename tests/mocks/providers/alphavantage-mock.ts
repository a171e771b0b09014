/**
 * Alpha Vantage on 127.0.0.1: `GET /query?function=…`, every answer HTTP 200 as the real service
 * does (tests/fixtures/providers/alphavantage). A request without `apikey` or with `bad-key` gets
 * the `Error Message` for a missing or invalid key; the key `demo` gets the demo-key notice.
 */
import { fixture } from './fixtures.js';
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

export type AlphaVantageCase =
  | CommonCase
  | 'rate-limit-minute'
  | 'premium-bulk'
  | 'invalid-call'
  | 'empty-body'
  | 'zero-quote'
  | 'every-symbol';

const f = (name: string): unknown => fixture('alphavantage', name);
export const ALPHAVANTAGE_BAD_KEY = 'bad-key';
const KNOWN: Record<string, string> = {
  IBM: 'global-quote-IBM.json',
  'BRK.B': 'global-quote-BRK.B.json',
};

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
      const name = KNOWN[symbol];
      return json(200, name ? f(name) : f('global-quote-empty.json'));
    }
    case 'REALTIME_BULK_QUOTES': {
      if (!options.premium) return json(200, f('bulk-sample-data.json'));
      const wanted = new Set(symbol.split(','));
      const body = f('bulk-quotes.json') as { endpoint: string; data: { symbol: string }[] };
      return json(200, { ...body, data: body.data.filter((row) => wanted.has(row.symbol)) });
    }
    default:
      return json(200, { 'Error Message': 'This API function (UNKNOWN) does not exist.' });
  }
}

/**
 * GLOBAL_QUOTE for any symbol in the recorded shape (IBM's quote, symbol swapped), so an
 * end-to-end test sees the first call fill a tile whichever symbol the scheduler asks first.
 */
function everySymbol(request: RecordedRequest): MockReply {
  if (request.query.function !== 'GLOBAL_QUOTE') return answer(request);
  const body = f('global-quote-IBM.json') as { 'Global Quote': Record<string, string> };
  const quote = { ...body['Global Quote'], '01. symbol': request.query.symbol ?? '' };
  return json(200, { 'Global Quote': quote });
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
  'every-symbol': everySymbol,
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
