/**
 * Financial Modeling Prep on 127.0.0.1: `/stable/quote?symbol=` and `/stable/batch-quote?symbols=`,
 * with the shapes in tests/fixtures/providers/fmp for the recorded symbols, and in the same shape
 * (universe-quotes.ts) for every other universe symbol, written as FMP does (`BRK-B`; `BRK.B` is
 * unknown, `[]`). By default the key is a free one: batch-quote, and a comma list in `quote`,
 * answer FMP's 402 plain-text plan gate (PROVIDERS.md §5.4). A request without `apikey` or with
 * the key `bad-key` gets the invalid-key answer (401).
 */
import { fixture, fixtureText } from './fixtures.js';
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
import { fmpQuote, LAST_SESSION_CLOSE_MS } from './universe-formats.js';
import { universeLookup } from './universe-quotes.js';

export type FmpCase =
  CommonCase | 'paid-plan' | 'rate-limit-http-200' | 'bad-key-http-200' | 'legacy-endpoint';

const f = (name: string): unknown => fixture('fmp', name);
export const FMP_BAD_KEY = 'bad-key';
const KNOWN: Record<string, string> = {
  AAPL: 'quote-AAPL.json',
  MSFT: 'quote-MSFT.json',
  'BRK-B': 'quote-BRK-B.json',
};

/** Symbols answered from recorded fixtures (old timestamps), in FMP's spelling. */
export const FMP_FIXTURE_SYMBOLS: readonly string[] = Object.keys(KNOWN);
/** FMP writes share classes with a dash (`BRK-B`). */
const inUniverse = universeLookup('-');

function records(symbols: string[], weekend: boolean): unknown[] {
  return symbols.flatMap((symbol) => {
    if (weekend && symbol === 'AAPL') return f('quote-AAPL-weekend.json') as unknown[];
    const name = KNOWN[symbol];
    if (name) return f(name) as unknown[];
    const quote = inUniverse(symbol);
    return quote ? [fmpQuote(quote, weekend ? LAST_SESSION_CLOSE_MS : mockNow(), symbol)] : [];
  });
}

/** The free plan's answer to more than one symbol (the recorded 402 text, for `param`). */
function premiumQuery(param: string): MockReply {
  return text(402, fixtureText('fmp', 'error-premium.txt').replace(`'symbols'`, `'${param}'`));
}

/** Quote endpoints of a key whose plan has (`paid`) or lacks batch quotes. */
function answer(
  request: RecordedRequest,
  options: { paid?: boolean; weekend?: boolean } = {},
): MockReply {
  const weekend = options.weekend ?? false;
  if (request.path === '/quote') {
    const symbol = request.query.symbol ?? '';
    // TODO: whether a paid plan takes a comma list in `quote` is not in our sources [M].
    if (symbol.includes(',') && !options.paid) return premiumQuery('symbol');
    return json(200, records([symbol], weekend));
  }
  if (request.path === '/batch-quote') {
    // TODO: FMP's cap on a paid batch-quote is not in our sources [M], so none is enforced.
    if (!options.paid) return premiumQuery('symbols');
    return json(200, records((request.query.symbols ?? '').split(','), weekend));
  }
  return text(404, 'Cannot GET ' + request.path);
}

const cases: Record<FmpCase, CaseHandler> = {
  success: (r) => answer(r),
  'paid-plan': (r) => answer(r, { paid: true }),
  'closed-market': (r) => answer(r, { weekend: true }),
  'rate-limit': () => json(429, f('error-limit-reach.json')),
  'rate-limit-http-200': () => json(200, f('error-limit-reach.json')),
  'rate-limit-retry-after': () => json(429, f('error-limit-reach.json'), { 'retry-after': '120' }),
  'bad-key': () => json(401, f('error-invalid-key.json')),
  'bad-key-http-200': () => json(200, f('error-invalid-key.json')),
  'missing-key': () => json(401, f('error-invalid-key.json')),
  'plan-gated': (r) => answer(r, { paid: false }),
  'legacy-endpoint': () => json(403, f('error-legacy-endpoint.json')),
  'unknown-symbol': () => json(200, f('quote-unknown.json')),
  // A paid key whose batch answer leaves one symbol out.
  'partial-batch': (r) => answer(r, { paid: true }),
  'html-page': () => htmlPage(500, '500 Internal Server Error'),
  'plain-text': () => text(502, 'Bad Gateway'),
  'truncated-json': () => truncatedJson(f('quote-AAPL.json')),
  slow: (r) => ({ ...answer(r), delayMs: 1_000 }),
};

/** Starts the FMP mock; its `url` is the base URL to configure (`…/stable`). */
export async function startFmpMock(): Promise<MockServer<FmpCase>> {
  const withAuth = Object.fromEntries(
    Object.entries(cases).map(([name, handler]) => [
      name,
      (request: RecordedRequest): MockReply => {
        const key = request.query.apikey;
        // TODO: FMP's answer to a request without any key is not in our sources; 401 with the
        // invalid-key text is assumed (PROVIDERS.md §5.4 documents only the invalid key).
        if (!key || key === FMP_BAD_KEY) return json(401, f('error-invalid-key.json'));
        return (handler as CaseHandler)(request);
      },
    ]),
  ) as Record<FmpCase, CaseHandler>;
  return startMockServer(withAuth, { initialCase: 'success', basePath: '/stable' });
}
