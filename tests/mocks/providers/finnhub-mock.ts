/**
 * Finnhub on 127.0.0.1: `/api/v1/quote`, `/stock/profile2`, `/stock/market-status`, answering
 * with the recorded shapes in tests/fixtures/providers/finnhub for the recorded symbols and the
 * same shapes from universe-quotes.ts for every other universe symbol (stamped with the request
 * time, so they are live). Finnhub has no batch: `symbol=A,B` is one unknown symbol (zeros).
 * A request without a token always gets Finnhub's missing-key 429; the token `bad-key` always
 * gets the 401.
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
import { finnhubProfile, finnhubQuote, LAST_SESSION_CLOSE_MS } from './universe-formats.js';
import { universeLookup } from './universe-quotes.js';

export type FinnhubCase =
  CommonCase | 'rate-limit-reset-header' | 'not-found-text' | 'dropped-connection';

const f = (name: string): unknown => fixture('finnhub', name);
export const FINNHUB_KNOWN = new Set(['AAPL', 'BRK.B']);
export const FINNHUB_BAD_KEY = 'bad-key';
/** Finnhub writes share classes with a dot (`BRK.B`). */
const inUniverse = universeLookup('.');

/** A universe symbol's quote or profile, or undefined when the symbol is not in the universe. */
function generated(request: RecordedRequest, weekend: boolean): MockReply | undefined {
  const symbol = request.query.symbol ?? '';
  const quote = inUniverse(symbol);
  if (!quote) return undefined;
  if (request.path === '/quote')
    return json(200, finnhubQuote(quote, weekend ? LAST_SESSION_CLOSE_MS : mockNow()));
  if (request.path === '/stock/profile2') return json(200, finnhubProfile(quote, symbol));
  return undefined;
}

function success(request: RecordedRequest, weekend = false): MockReply {
  const symbol = request.query.symbol ?? '';
  if (!FINNHUB_KNOWN.has(symbol)) {
    const reply = generated(request, weekend);
    if (reply) return reply;
  }
  switch (request.path) {
    case '/quote':
      if (!FINNHUB_KNOWN.has(symbol)) return json(200, f('quote-unknown.json'));
      return json(
        200,
        f(weekend && symbol === 'AAPL' ? 'quote-AAPL-weekend.json' : `quote-${symbol}.json`),
      );
    case '/stock/profile2':
      return json(200, f(symbol === 'AAPL' ? 'profile2-AAPL.json' : 'profile2-empty.json'));
    case '/stock/market-status':
      return json(200, f(weekend ? 'market-status-closed.json' : 'market-status-open.json'));
    default:
      return text(404, '404 page not found');
  }
}

const cases: Record<FinnhubCase, CaseHandler> = {
  success: (r) => success(r),
  'closed-market': (r) => success(r, true),
  'rate-limit': () => json(429, f('error-rate-limit.json')),
  'rate-limit-retry-after': () => json(429, f('error-rate-limit.json'), { 'retry-after': '30' }),
  // Header names Finnhub is said to send [M in PROVIDERS.md]; optional, never required.
  'rate-limit-reset-header': () =>
    json(429, f('error-rate-limit.json'), {
      'x-ratelimit-limit': '60',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': '1795640460',
    }),
  'bad-key': () => json(401, f('error-invalid-key.json')),
  'missing-key': () => json(429, f('error-missing-key.json')),
  'plan-gated': () => json(403, f('error-no-access.json')),
  'unknown-symbol': () => json(200, f('quote-unknown.json')),
  // Finnhub has no batch: a "partial batch" is some symbols answering zeros (load spikes, #54).
  'partial-batch': (r) =>
    r.query.symbol === 'AAPL' ? success(r) : json(200, f('quote-unknown.json')),
  'html-page': () => htmlPage(502),
  'plain-text': () =>
    text(
      503,
      'upstream connect error or disconnect/reset before headers. reset reason: connection failure',
    ),
  'not-found-text': () => text(404, '404 page not found'),
  'truncated-json': () => truncatedJson(f('quote-AAPL.json')),
  'dropped-connection': () => truncatedJson(f('quote-AAPL.json'), 200, true),
  slow: (r) => ({ ...success(r), delayMs: 1_000 }),
};

/** Starts the Finnhub mock; its `url` is the base URL to configure (`…/api/v1`). */
export async function startFinnhubMock(): Promise<MockServer<FinnhubCase>> {
  const withAuth = Object.fromEntries(
    Object.entries(cases).map(([name, handler]) => [
      name,
      (request: RecordedRequest): MockReply => {
        const token = request.query.token ?? request.headers['x-finnhub-token'];
        if (!token) return json(429, f('error-missing-key.json'));
        if (token === FINNHUB_BAD_KEY) return json(401, f('error-invalid-key.json'));
        return (handler as CaseHandler)(request);
      },
    ]),
  ) as Record<FinnhubCase, CaseHandler>;
  return startMockServer(withAuth, { initialCase: 'success', basePath: '/api/v1' });
}
