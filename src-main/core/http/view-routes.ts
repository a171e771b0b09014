/**
 * The view routes: `/api/summary`, `/api/history`, `/api/filter-check`, `/api/filters[/<name>]`
 * and `/api/watchlists[/<id>[.csv|/import]]`. Each answers 404 when the engine has no view layer.
 * Shapes: src-main/shared/api-types.ts.
 */
import type { StockQuery } from '../engine-types.js';
import { readFilterBody } from '../filter/saved-filters.js';
import type { ViewsService } from '../views/views-service.js';
import { writeSymbolsCsv } from '../watchlists/symbol-csv.js';
import type { ImportMode } from '../watchlists/watchlist-store.js';
import { answeringViewErrors, DetailedHttpError } from './detailed-error.js';
import { HttpError } from './errors.js';
import { readJsonBody } from './json-body.js';
import { checkParamNames, parseFilterParam, parseStockQuery } from './query.js';
import { sendJson } from './responses.js';
import type { RouteContext, RouteHandler } from './routes.js';
import { MAX_CSV_BODY_BYTES, readCsvBody } from './text-body.js';

export const SUMMARY_PATH = '/api/summary';
export const HISTORY_PATH = '/api/history';
export const FILTER_CHECK_PATH = '/api/filter-check';
export const FILTERS_PATH = '/api/filters';
export const WATCHLISTS_PATH = '/api/watchlists';
const READ = ['GET', 'HEAD'] as const;

/** Routes that take a body, for the body guard (security.ts). */
export const VIEW_BODY_ROUTES: readonly {
  method: string;
  path: RegExp;
  type: 'json' | 'csv';
  maxBytes?: number;
}[] = [
  { method: 'PUT', path: /^\/api\/filters\/[^/]+$/, type: 'json' },
  { method: 'POST', path: /^\/api\/watchlists$/, type: 'json' },
  { method: 'PUT', path: /^\/api\/watchlists\/[^/]+$/, type: 'json' },
  {
    method: 'POST',
    path: /^\/api\/watchlists\/[^/]+\/import$/,
    type: 'csv',
    maxBytes: MAX_CSV_BODY_BYTES,
  },
];

function viewsOf(context: RouteContext): ViewsService {
  const views = context.engine.views;
  if (!views) {
    throw new HttpError(404, 'Views (filters, watchlists) are not enabled on this server.');
  }
  return views;
}

/** Decodes one path segment; a malformed escape is a 400, not a 500. */
function segmentOf(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    throw new HttpError(400, 'Malformed percent-escape in the path.');
  }
}

function noContent(res: Parameters<RouteHandler>[1]): void {
  res.writeHead(204, { 'Cache-Control': 'no-store' });
  res.end();
}

function queryOf(context: RouteContext, views: ViewsService): StockQuery {
  const { engine, url } = context;
  const result = parseStockQuery(url.searchParams, {
    sectors: engine.sectors(),
    categories: engine.categories(),
    universes: views.universes(),
  });
  if (!result.ok) throw new DetailedHttpError(400, result.error);
  return result.value;
}

const summary: RouteHandler = (_req, res, context) => {
  const views = viewsOf(context);
  sendJson(res, 200, views.summary(queryOf(context, views)));
};

const history: RouteHandler = (_req, res, context) => {
  const views = viewsOf(context);
  const { searchParams } = context.url;
  const names = checkParamNames(searchParams, ['symbol']);
  if (!names.ok) throw new DetailedHttpError(400, names.error);
  const symbol = searchParams.get('symbol')?.trim() ?? '';
  if (symbol === '') {
    throw new HttpError(400, 'Name a symbol: /api/history?symbol=AAPL.', ['symbol']);
  }

  const answer = views.history(symbol);
  if (!answer) {
    throw new DetailedHttpError(400, {
      error: `Unknown symbol "${symbol.slice(0, 20)}".`,
      unknownSymbols: [symbol.slice(0, 20)],
    });
  }
  sendJson(res, 200, answer);
};

const filterCheck: RouteHandler = (_req, res, context) => {
  viewsOf(context);
  const { searchParams } = context.url;
  const names = checkParamNames(searchParams, ['filter']);
  if (!names.ok) throw new DetailedHttpError(400, names.error);
  const result = parseFilterParam(searchParams.getAll('filter'));
  if (!result.ok) throw new DetailedHttpError(400, result.error);
  if (!result.value) {
    throw new HttpError(400, 'Give an expression: /api/filter-check?filter=…', ['filter']);
  }
  const { expression, fields } = result.value;
  sendJson(res, 200, { ok: true, expression, fields });
};

const filters: RouteHandler = (_req, res, context) => {
  const views = viewsOf(context);
  sendJson(res, 200, views.filterList());
};

const filterItem: RouteHandler = async (req, res, context) => {
  const views = viewsOf(context);
  const name = segmentOf(context.url.pathname.slice(FILTERS_PATH.length + 1));

  if (req.method === 'PUT') {
    res.setHeader('Connection', 'close');
    const body = await readJsonBody(req);
    const saved = answeringViewErrors(() => views.filters.save(name, readFilterBody(body)));
    sendJson(res, saved.created ? 201 : 200, saved.filter);
    return;
  }
  if (req.method === 'DELETE') {
    if (!views.filters.remove(name)) {
      throw new HttpError(404, `No saved filter named "${name.slice(0, 64)}".`);
    }
    noContent(res);
    return;
  }
  const found = views.filters.get(name);
  if (!found) throw new HttpError(404, `No saved filter named "${name.slice(0, 64)}".`);
  sendJson(res, 200, found);
};

const watchlists: RouteHandler = async (req, res, context) => {
  const views = viewsOf(context);
  if (req.method === 'POST') {
    res.setHeader('Connection', 'close');
    const body = await readJsonBody(req);
    sendJson(
      res,
      201,
      answeringViewErrors(() => views.watchlists.create(body)),
    );
    return;
  }
  sendJson(res, 200, { watchlists: views.watchlists.list() });
};

const watchlistItem: RouteHandler = async (req, res, context) => {
  const views = viewsOf(context);
  const rest = context.url.pathname.slice(WATCHLISTS_PATH.length + 1);

  if (rest.endsWith('/import')) {
    const id = segmentOf(rest.slice(0, -'/import'.length));
    const mode = importMode(context.url.searchParams);
    res.setHeader('Connection', 'close');
    const text = await readCsvBody(req);
    sendJson(
      res,
      200,
      answeringViewErrors(() => views.watchlists.importCsv(id, text, mode)),
    );
    return;
  }
  if (rest.endsWith('.csv')) {
    const list = answeringViewErrors(() => views.watchlists.require(segmentOf(rest.slice(0, -4))));
    const rows = list.symbols.map((symbol) => ({ symbol, name: views.nameOf(symbol) }));
    const csv = writeSymbolsCsv(rows);
    res.setHeader('Content-Disposition', `attachment; filename="${list.id}.csv"`);
    sendCsv(res, csv);
    return;
  }

  const id = segmentOf(rest);
  if (req.method === 'PUT') {
    res.setHeader('Connection', 'close');
    const body = await readJsonBody(req);
    sendJson(
      res,
      200,
      answeringViewErrors(() => views.watchlists.update(id, body)),
    );
    return;
  }
  if (req.method === 'DELETE') {
    if (!views.watchlists.remove(id)) {
      throw new HttpError(404, `No watchlist with id "${id.slice(0, 40)}".`);
    }
    noContent(res);
    return;
  }
  sendJson(
    res,
    200,
    answeringViewErrors(() => views.watchlists.require(id)),
  );
};

function importMode(params: URLSearchParams): ImportMode {
  const names = checkParamNames(params, ['mode']);
  if (!names.ok) throw new DetailedHttpError(400, names.error);
  const mode = params.get('mode') ?? 'merge';
  if (mode === 'merge' || mode === 'replace') return mode;
  throw new HttpError(400, `Unknown mode "${mode.slice(0, 20)}".`, ['merge', 'replace']);
}

function sendCsv(res: Parameters<RouteHandler>[1], text: string): void {
  if (res.headersSent) return;
  res.writeHead(200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

type Route = { methods: readonly string[]; handler: RouteHandler };

const EXACT: Readonly<Record<string, Route>> = {
  [SUMMARY_PATH]: { methods: READ, handler: summary },
  [HISTORY_PATH]: { methods: READ, handler: history },
  [FILTER_CHECK_PATH]: { methods: READ, handler: filterCheck },
  [FILTERS_PATH]: { methods: READ, handler: filters },
  [WATCHLISTS_PATH]: { methods: [...READ, 'POST'], handler: watchlists },
};

/** The view route for a path, with the methods it answers, or undefined. */
export function viewRoute(pathname: string): Route | undefined {
  const exact = EXACT[pathname];
  if (exact) return exact;
  if (pathname.startsWith(`${FILTERS_PATH}/`) && pathname.length > FILTERS_PATH.length + 1) {
    return { methods: [...READ, 'PUT', 'DELETE'], handler: filterItem };
  }
  if (pathname.startsWith(`${WATCHLISTS_PATH}/`) && pathname.length > WATCHLISTS_PATH.length + 1) {
    const rest = pathname.slice(WATCHLISTS_PATH.length + 1);
    if (rest.endsWith('/import')) return { methods: ['POST'], handler: watchlistItem };
    if (rest.endsWith('.csv')) return { methods: READ, handler: watchlistItem };
    if (rest.includes('/')) return undefined;
    return { methods: [...READ, 'PUT', 'DELETE'], handler: watchlistItem };
  }
  return undefined;
}

/** Every view path, for the 404 answer's `accepted`. */
export const VIEW_PATHS: readonly string[] = [
  SUMMARY_PATH,
  HISTORY_PATH,
  FILTER_CHECK_PATH,
  FILTERS_PATH,
  WATCHLISTS_PATH,
];
