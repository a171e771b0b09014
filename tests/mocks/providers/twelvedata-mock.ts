/**
 * Twelve Data on 127.0.0.1: `GET /quote?symbol=A,B`, answering with the shapes recorded in
 * tests/fixtures/providers/twelvedata. Like the real API, errors come as a `code` envelope on
 * HTTP 200 unless a case says otherwise. No key (header or `apikey`) always gets the missing-key
 * envelope; the key `bad-key` always gets the invalid-key one.
 */
import { fixture } from './fixtures.js';
import { twelveDataSeriesRoute } from './history-routes/twelvedata.js';
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

export type TwelveDataCase =
  CommonCase | 'rate-limit-day' | 'rate-limit-http-429' | 'bad-key-http-401';

const f = (name: string): unknown => fixture('twelvedata', name);
export const TWELVEDATA_BAD_KEY = 'bad-key';
const CREDIT_HEADERS = { 'api-credits-used': '3', 'api-credits-left': '5' };

function notFound(symbol: string): unknown {
  const body = f('error-symbol-not-found.json') as { message: string; meta: { symbol: string } };
  return { ...body, message: body.message.replace('ZZZZ', symbol), meta: { ...body.meta, symbol } };
}

/** Answers `/quote` like Twelve Data: one object for one symbol, a keyed object for several. */
function quotes(request: RecordedRequest, weekend = false): MockReply {
  if (request.path !== '/quote') return text(404, '404 page not found');
  const symbols = (request.query.symbol ?? '').split(',').filter(Boolean);
  const known = f('quote-batch.json') as Record<string, unknown>;
  const lookup = (symbol: string): unknown =>
    weekend && symbol === 'AAPL'
      ? f('quote-AAPL-weekend.json')
      : (known[symbol] ?? notFound(symbol));

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

const ANSWERING_CASES = new Set(['success', 'closed-market', 'partial-batch']);

/** Starts the Twelve Data mock; its `url` is the base URL to configure. */
export async function startTwelveDataMock(): Promise<MockServer<TwelveDataCase>> {
  const withAuth = Object.fromEntries(
    Object.entries(cases).map(([name, handler]) => [
      name,
      (request: RecordedRequest): MockReply => {
        const key = keyOf(request);
        if (!key) return json(200, f('error-missing-key.json'));
        if (key === TWELVEDATA_BAD_KEY) return json(200, f('error-invalid-key.json'));
        // Daily series (history-routes/twelvedata.ts) answer in the cases that answer normally.
        const series = ANSWERING_CASES.has(name) ? twelveDataSeriesRoute(request) : undefined;
        return series ?? (handler as CaseHandler)(request);
      },
    ]),
  ) as Record<TwelveDataCase, CaseHandler>;
  return startMockServer(withAuth, { initialCase: 'success' });
}
