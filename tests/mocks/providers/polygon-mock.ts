/**
 * Polygon.io / Massive on 127.0.0.1: the v2 full-market snapshot, grouped daily bars by date
 * and market status, with the recorded shapes in tests/fixtures/providers/polygon. The snapshot
 * also answers every other universe symbol in the same shape (universe-quotes.ts); Polygon sets
 * no limit on `tickers=` for this endpoint (its knowledge base: "no limit"), so none is enforced.
 * The key may come as `Authorization: Bearer` or `?apiKey=`; `bad-key` gets "Unknown API Key".
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { fixture } from './fixtures.js';
import { polygonGroupedHistoryRoute } from './history-routes/polygon.js';
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
import { newYork, polygonGroupedBar, polygonTicker } from './universe-formats.js';
import { universeLookup, universeQuotes } from './universe-quotes.js';

export type PolygonCase =
  CommonCase | 'before-end-of-day' | 'rate-limit-empty-body' | 'not-found-text' | 'history';

const f = (name: string): unknown => fixture('polygon', name);
const FIXTURES = fileURLToPath(new URL('../../fixtures/providers/polygon/', import.meta.url));
const SNAPSHOT = '/v2/snapshot/locale/us/markets/stocks/tickers';
const GROUPED = /^\/v2\/aggs\/grouped\/locale\/us\/market\/stocks\/(\d{4}-\d{2}-\d{2})$/;
/** The session the free plan may not see yet in the `before-end-of-day` case. */
export const POLYGON_TODAY = '2026-11-25';

/** Symbols answered from recorded fixtures (old timestamps); the rest of the universe is live. */
export const POLYGON_FIXTURE_SYMBOLS: readonly string[] = ['AAPL', 'BRK.B'];
/** Polygon writes share classes with a dot (`BRK.B`). */
const inUniverse = universeLookup('.');

/**
 * A universe ticker the fixture lacks: live now, or (`cleared`) as after the 3:30 AM clear, the
 * day and minute zero-filled and no trade or quote (the recorded cleared form).
 */
function generated(ticker: string, cleared: boolean): Record<string, unknown> | undefined {
  const quote = inUniverse(ticker);
  if (!quote || POLYGON_FIXTURE_SYMBOLS.includes(ticker)) return undefined;
  const live = polygonTicker(quote, mockNow(), ticker);
  if (!cleared) return live;
  const zeros = { o: 0, h: 0, l: 0, c: 0, v: 0, vw: 0 };
  // After the clear, prevDay is the session that just ended (its close is the last price).
  return {
    ticker,
    day: zeros,
    min: { av: 0, ...zeros, n: 0, t: 0 },
    prevDay: live.day,
    todaysChange: 0,
    todaysChangePerc: 0,
    updated: 0,
  };
}

/**
 * Snapshot filtered by `tickers=` (case-sensitive, as Polygon documents); without it, the whole
 * market: the fixture's tickers and every other universe symbol.
 */
function snapshot(request: RecordedRequest, name: string): MockReply {
  const body = f(name) as { tickers: { ticker: string }[] };
  const cleared = name === 'snapshot-cleared.json';
  const asked = request.query.tickers?.split(',') ?? [
    ...body.tickers.map((t) => t.ticker),
    ...universeQuotes().keys(),
  ];
  const recorded = new Map(body.tickers.map((t) => [t.ticker, t]));
  const tickers = [...new Set(asked)].flatMap((ticker) => {
    const answer = recorded.get(ticker) ?? generated(ticker, cleared);
    return answer ? [answer] : [];
  });
  return json(200, { ...body, count: tickers.length, tickers });
}

/** NYSE full-day closures (resources/calendar/nyse.json): grouped daily answers no bars. */
const HOLIDAYS = new Set(
  (
    JSON.parse(
      readFileSync(
        fileURLToPath(new URL('../../../resources/calendar/nyse.json', import.meta.url)),
        'utf8',
      ),
    ) as { days: { date: string; type: string }[] }
  ).days
    .filter((day) => day.type === 'holiday')
    .map((day) => day.date),
);
/** Free-plan bars of a day appear after its close; from 17:00 ET here, as the adapter assumes. */
const END_OF_DAY_HOUR_ET = 17;

const isTradingDay = (date: string): boolean =>
  ![0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay()) && !HOLIDAYS.has(date);

function tradingDayBefore(date: string): string {
  const day = new Date(`${date}T12:00:00Z`);
  do day.setUTCDate(day.getUTCDate() - 1);
  while (!isTradingDay(day.toISOString().slice(0, 10)));
  return day.toISOString().slice(0, 10);
}

/**
 * Grouped daily bars: the recorded dates from fixtures; any other date from the universe, where
 * the latest finished session (today after 17:00 ET, else the trading day before) closes at each
 * symbol's price and earlier sessions at its previous close. Weekends, holidays and future dates
 * have no bars; today before the end of day is the free plan's 403.
 */
function grouped(date: string): MockReply {
  const name = `grouped-${date}.json`;
  if (existsSync(`${FIXTURES}${name}`)) return json(200, f(name));

  const now = newYork(mockNow());
  const today = now.date;
  const hour = Number(now.time.slice(0, 2));
  const latest =
    isTradingDay(today) && hour >= END_OF_DAY_HOUR_ET ? today : tradingDayBefore(today);
  if (date === today && date > latest && isTradingDay(date))
    return json(403, f('error-403-before-eod.json'));
  if (date > latest || !isTradingDay(date)) return json(200, f('grouped-empty.json'));

  const results = [...universeQuotes().values()].map((q) =>
    polygonGroupedBar(q, date, date === latest, q.symbol),
  );
  return json(200, {
    adjusted: true,
    queryCount: results.length,
    resultsCount: results.length,
    status: 'OK',
    request_id: `mock-${date}`,
    results,
  });
}

/** Routes shared by the cases that answer normally; `snapshotReply` decides the paid endpoint. */
function route(
  request: RecordedRequest,
  snapshotReply: () => MockReply,
  beforeEod = false,
): MockReply {
  if (request.path === SNAPSHOT) return snapshotReply();
  if (request.path === '/v1/marketstatus/now') return json(200, f('marketstatus-now.json'));
  const date = GROUPED.exec(request.path)?.[1];
  if (date)
    return beforeEod && date === POLYGON_TODAY
      ? json(403, f('error-403-before-eod.json'))
      : grouped(date);
  return text(404, '404 page not found');
}

const notEntitled = (): MockReply => json(403, f('error-403-not-entitled.json'));

const cases: Record<PolygonCase, CaseHandler> = {
  success: (r) => route(r, () => snapshot(r, 'snapshot-tickers.json')),
  'closed-market': (r) => route(r, () => snapshot(r, 'snapshot-cleared.json')),
  'plan-gated': (r) => route(r, notEntitled),
  'before-end-of-day': (r) => route(r, notEntitled, true),
  'rate-limit': () => json(429, f('error-429.json')),
  'rate-limit-retry-after': () => json(429, f('error-429.json'), { 'retry-after': '90' }),
  'rate-limit-empty-body': () => ({ status: 429 }),
  'bad-key': () => json(401, f('error-401-unknown-key.json')),
  'missing-key': () => json(401, f('error-401-no-key.json')),
  'unknown-symbol': (r) => route(r, () => json(200, f('snapshot-empty.json'))),
  'partial-batch': (r) => route(r, () => snapshot(r, 'snapshot-tickers.json')),
  'html-page': () => htmlPage(500, '500 Internal Server Error'),
  'plain-text': () => text(502, 'upstream connect error or disconnect/reset before headers'),
  'not-found-text': () => text(404, '404 page not found'),
  'truncated-json': () => truncatedJson(f('snapshot-tickers.json')),
  slow: (r) => ({ ...route(r, () => snapshot(r, 'snapshot-tickers.json')), delayMs: 1_000 }),
  // A free key with a year of generated grouped bars (history-routes/polygon.ts).
  history: (r) =>
    polygonGroupedHistoryRoute(r, POLYGON_TODAY, json(403, f('error-403-before-eod.json'))) ??
    route(r, notEntitled),
};

/** Starts the Polygon mock; its `url` is the base URL to configure. */
export async function startPolygonMock(): Promise<MockServer<PolygonCase>> {
  const withAuth = Object.fromEntries(
    Object.entries(cases).map(([name, handler]) => [
      name,
      (request: RecordedRequest): MockReply => {
        const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
        const key = bearer ?? request.query.apiKey;
        if (!key) return json(401, f('error-401-no-key.json'));
        if (key === 'bad-key') return json(401, f('error-401-unknown-key.json'));
        return (handler as CaseHandler)(request);
      },
    ]),
  ) as Record<PolygonCase, CaseHandler>;
  return startMockServer(withAuth, { initialCase: 'success' });
}
