/**
 * Twelve Data on 127.0.0.1: `GET /quote?symbol=A,B`, answering with the shapes recorded in
 * tests/fixtures/providers/twelvedata, and in the same shape from universe-quotes.ts for every
 * other universe symbol. Like the real API, errors come as a `code` envelope on HTTP 200 unless
 * a case says otherwise, and a batch is refused whole when it holds more than 120 symbols or
 * costs more credits than the plan's minute allows (the free plan: 8, PROVIDERS.md §4.4). No key
 * (header or `apikey`) always gets the missing-key envelope; the key `bad-key` always gets the
 * invalid-key one.
 */
import { fixture } from './fixtures.js';
import { twelveDataSeriesRoute } from './history-routes/twelvedata.js';
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
import { LAST_SESSION_CLOSE_MS, twelveDataQuote } from './universe-formats.js';
import { universeLookup } from './universe-quotes.js';

export type TwelveDataCase =
  CommonCase | 'rate-limit-day' | 'rate-limit-http-429' | 'bad-key-http-401';

const f = (name: string): unknown => fixture('twelvedata', name);
export const TWELVEDATA_BAD_KEY = 'bad-key';
const CREDIT_HEADERS = { 'api-credits-used': '3', 'api-credits-left': '5' };
/** Symbols answered from recorded fixtures (old timestamps); the rest of the universe is live. */
export const TWELVEDATA_FIXTURE_SYMBOLS: readonly string[] = Object.keys(
  fixture('twelvedata', 'quote-batch.json') as object,
);
/** Symbols `/quote` takes in one request, whatever the plan [R: docs, PROVIDERS.md §4.2]. */
export const TWELVEDATA_MAX_SYMBOLS = 120;
/** Credits a minute of the free ("Basic") plan; a batch costing more is refused whole. */
export const TWELVEDATA_FREE_CREDITS_PER_MINUTE = 8;
/** Twelve Data writes share classes with a dot (`BRK.B`). */
const inUniverse = universeLookup('.');

/**
 * The batch limits: more than 120 symbols (the exact answer is not recorded; the documented
 * error envelope with code 400 is assumed [M]), or more credits than a minute allows, answered
 * as the recorded minute-limit envelope with the real counts (twelvedata-python #73).
 */
function overBatchLimit(
  symbols: readonly string[],
  creditsPerMinute: number,
): MockReply | undefined {
  if (symbols.length > TWELVEDATA_MAX_SYMBOLS) {
    return json(200, {
      code: 400,
      message: `**symbol** parameter accepts at most ${TWELVEDATA_MAX_SYMBOLS} symbols, received ${symbols.length}.`,
      status: 'error',
    });
  }
  if (symbols.length <= creditsPerMinute) return undefined;
  const body = f('error-rate-limit-minute.json') as { message: string };
  const message = body.message
    .replace(/\d+ API credits were used/, `${symbols.length} API credits were used`)
    .replace(/current limit being \d+/, `current limit being ${creditsPerMinute}`);
  return json(200, { ...body, message });
}

function notFound(symbol: string): unknown {
  const body = f('error-symbol-not-found.json') as { message: string; meta: { symbol: string } };
  return { ...body, message: body.message.replace('ZZZZ', symbol), meta: { ...body.meta, symbol } };
}

/** A universe symbol in Twelve Data's shape, live now or as of the last session's close. */
function generated(symbol: string, weekend: boolean): unknown {
  const quote = inUniverse(symbol);
  if (!quote) return undefined;
  return weekend
    ? twelveDataQuote(quote, LAST_SESSION_CLOSE_MS, symbol, false)
    : twelveDataQuote(quote, mockNow(), symbol, true);
}

/** Answers `/quote` like Twelve Data: one object for one symbol, a keyed object for several. */
function quotes(request: RecordedRequest, weekend = false): MockReply {
  if (request.path !== '/quote') return text(404, '404 page not found');
  const symbols = (request.query.symbol ?? '').split(',').filter(Boolean);
  const known = f('quote-batch.json') as Record<string, unknown>;
  const lookup = (symbol: string): unknown =>
    weekend && symbol === 'AAPL'
      ? f('quote-AAPL-weekend.json')
      : (known[symbol] ?? generated(symbol, weekend) ?? notFound(symbol));

  if (symbols.length === 1) return json(200, lookup(symbols[0]!), CREDIT_HEADERS);
  const body = Object.fromEntries(symbols.map((s) => [s, lookup(s)]));
  return json(200, body, { ...CREDIT_HEADERS, is_batch: 'true' });
}

const cases: Record<TwelveDataCase, CaseHandler> = {
  success: (r) => quotes(r),
  'closed-market': (r) => quotes(r, true),
  // Twelve Data's documented form: the credit error inside an HTTP 200.
  'rate-limit': () => json(200, f('error-rate-limit-minute.json')),
  'rate-limit-day': () => json(200, f('error-rate-limit-day.json')),
  'rate-limit-http-429': () => json(429, f('error-rate-limit-minute.json')),
  'rate-limit-retry-after': () =>
    json(429, f('error-rate-limit-minute.json'), { 'retry-after': '30' }),
  'bad-key': () => json(200, f('error-invalid-key.json')),
  'bad-key-http-401': () => json(401, f('error-invalid-key.json')),
  'missing-key': () => json(200, f('error-missing-key.json')),
  'plan-gated': () => json(200, f('error-plan.json')),
  'unknown-symbol': (r) => json(200, notFound(r.query.symbol ?? 'ZZZZ')),
  'partial-batch': () => json(200, f('quote-batch-partial.json'), { is_batch: 'true' }),
  'html-page': () => htmlPage(502),
  'plain-text': () =>
    text(
      503,
      'upstream connect error or disconnect/reset before headers. reset reason: connection failure',
    ),
  'truncated-json': () => truncatedJson(f('quote-batch.json')),
  slow: (r) => ({ ...quotes(r), delayMs: 1_000 }),
};

function keyOf(request: RecordedRequest): string | undefined {
  const header = request.headers.authorization;
  const fromHeader = typeof header === 'string' ? /^apikey\s+(.+)$/i.exec(header)?.[1] : undefined;
  return fromHeader ?? request.query.apikey;
}

/** Cases in which `/time_series` (daily closes) answers normally. */
const ANSWERING_CASES = new Set(['success', 'closed-market', 'partial-batch']);

/** Cases whose `/quote` answers quotes, so the batch limits apply before them. */
const QUOTE_CASES = new Set([
  'success',
  'closed-market',
  'unknown-symbol',
  'partial-batch',
  'slow',
]);

/**
 * Starts the Twelve Data mock; its `url` is the base URL to configure. `creditsPerMinute` is
 * the plan's (default: the free plan's 8), which caps one batch.
 */
export async function startTwelveDataMock(
  options: { creditsPerMinute?: number } = {},
): Promise<MockServer<TwelveDataCase>> {
  const creditsPerMinute = options.creditsPerMinute ?? TWELVEDATA_FREE_CREDITS_PER_MINUTE;
  const withAuth = Object.fromEntries(
    Object.entries(cases).map(([name, handler]) => [
      name,
      (request: RecordedRequest): MockReply => {
        const key = keyOf(request);
        if (!key) return json(200, f('error-missing-key.json'));
        if (key === TWELVEDATA_BAD_KEY) return json(200, f('error-invalid-key.json'));
        if (QUOTE_CASES.has(name) && request.path === '/quote') {
          const symbols = (request.query.symbol ?? '').split(',').filter(Boolean);
          const refused = overBatchLimit(symbols, creditsPerMinute);
          if (refused) return refused;
        }
        // Daily series (history-routes/twelvedata.ts) answer in the cases that answer normally.
        const series = ANSWERING_CASES.has(name) ? twelveDataSeriesRoute(request) : undefined;
        return series ?? (handler as CaseHandler)(request);
      },
    ]),
  ) as Record<TwelveDataCase, CaseHandler>;
  return startMockServer(withAuth, { initialCase: 'success' });
}
