/**
 * A closed market for the browser tests: a snapshot of every symbol's close of one session in a
 * data dir, and a Finnhub stand-in on 127.0.0.1 answering every symbol with that same close.
 * Built on the shared mock server (tests/mocks/providers/mock-server.ts), not the recorded
 * Finnhub fixtures, which know two symbols: here all 645 hold a price, so the map is full.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  json,
  type MockServer,
  type RecordedRequest,
  startMockServer,
  text,
} from '../mocks/providers/mock-server.js';

const UNIVERSE = fileURLToPath(new URL('../../resources/universe.json', import.meta.url));

/** A deterministic close per symbol: a move within ±4 % of a previous close of 100. */
export function closeOf(symbol: string): { price: number; previousClose: number } {
  let hash = 0;
  for (const ch of symbol) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const percent = ((hash % 801) - 400) / 100;
  return { price: Math.round((100 + percent) * 100) / 100, previousClose: 100 };
}

function symbols(): string[] {
  const universe = JSON.parse(readFileSync(UNIVERSE, 'utf8')) as {
    instruments: Array<{ symbol: string }>;
  };
  return universe.instruments.map((i) => i.symbol);
}

/**
 * Writes `<dir>/snapshot.json` (the conf store's file) holding every symbol's close, stamped
 * `closedAt` (epoch ms), as a Finnhub session left it.
 */
export function writeClosedSnapshot(dir: string, closedAt: number): void {
  const quotes = symbols().map((symbol) => ({
    symbol,
    ...closeOf(symbol),
    volume: 1_000_000,
    marketCap: null,
    timestamp: closedAt,
    receivedAt: closedAt,
  }));
  const source = { provider: 'finnhub', mode: 'live', label: 'Finnhub' };
  const snapshot = { savedAt: closedAt + 60_000, source, quotes };
  writeFileSync(join(dir, 'snapshot.json'), JSON.stringify({ snapshot }));
}

function answer(request: RecordedRequest, closedAt: number): ReturnType<typeof json> {
  switch (request.path) {
    case '/quote': {
      const { price, previousClose } = closeOf(request.query.symbol ?? '');
      const change = price - previousClose;
      return json(200, {
        c: price,
        d: change,
        dp: change,
        h: price,
        l: price,
        o: previousClose,
        pc: previousClose,
        t: Math.floor(closedAt / 1000),
      });
    }
    case '/stock/profile2':
      return json(200, {});
    case '/stock/market-status':
      return json(200, { exchange: 'US', isOpen: false, session: null, holiday: null });
    default:
      return text(404, '404 page not found');
  }
}

/** Starts the stand-in; its `url` is the base URL to configure (`…/api/v1`). */
export function startClosedFinnhub(closedAt: number): Promise<MockServer<'closed'>> {
  return startMockServer(
    { closed: (request: RecordedRequest) => answer(request, closedAt) },
    { initialCase: 'closed', basePath: '/api/v1' },
  );
}
