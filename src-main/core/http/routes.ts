/**
 * The route table of the local API: which path answers which methods with which handler.
 * Paths under `/api/` that are not in the table are 404s; every other path is a static file.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { AlertService } from '../alerts/alert-monitor.js';
import type { Engine, StockQuery } from '../engine-types.js';
import { alertRoute, ALERTS_PATH } from './alert-routes.js';
import { DetailedHttpError } from './detailed-error.js';
import { HttpError } from './errors.js';
import { openEventStream } from './event-stream.js';
import { parseStockQuery } from './query.js';
import { sendJson } from './responses.js';
import { VIEW_PATHS, viewRoute } from './view-routes.js';

/** Methods every route answers: HEAD is GET without the body. */
export const READ_METHODS = ['GET', 'HEAD'] as const;

const API_PREFIX = '/api/';

/** What a handler gets besides the request and the response. */
export interface RouteContext {
  engine: Engine;
  url: URL;
  heartbeatMs: number;
  /** How many event streams are open now, and how many may be. */
  openStreams(): number;
  maxStreams: number;
  /** Registers a way to end a long-lived response when the server stops. */
  track(end: () => void): void;
  /** Alert rules and history; absent where the server runs without them (404). */
  alerts?: AlertService;
}

export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  context: RouteContext,
) => void | Promise<void>;

/** Validates the query or throws the 400 the client should see. */
function stockQueryOf(context: RouteContext): StockQuery {
  const { engine, url } = context;
  const result = parseStockQuery(url.searchParams, {
    sectors: engine.sectors(),
    categories: engine.categories(),
    ...(engine.views ? { universes: engine.views.universes() } : {}),
  });
  // The detailed error keeps a bad filter's position (`filterError`) in the body.
  if (!result.ok) throw new DetailedHttpError(400, result.error);
  return result.value;
}

// Health takes no parameters and ignores any (monitors add cache-busters).
const health: RouteHandler = (_req, res, context) => {
  sendJson(res, 200, context.engine.health());
};

const stocks: RouteHandler = (_req, res, context) => {
  const query = stockQueryOf(context);
  sendJson(res, 200, context.engine.stocks(query));
};

const stream: RouteHandler = (req, res, context) => {
  const query = stockQueryOf(context);
  // Each stream holds a socket and a subscription; a runaway page must not exhaust either.
  if (context.openStreams() >= context.maxStreams) {
    throw new HttpError(503, 'Too many open event streams; close another tab and retry.');
  }

  const end = openEventStream(req, res, {
    engine: context.engine,
    query,
    heartbeatMs: context.heartbeatMs,
    ...(context.alerts ? { alerts: context.alerts } : {}),
  });
  context.track(end);
};

/** The API routes by exact path. */
export const API_ROUTES: Readonly<Record<string, RouteHandler>> = {
  '/api/health': health,
  '/api/stocks': stocks,
  '/api/stream': stream,
};

/** An API path's handler and the methods it answers. */
export interface ApiRoute {
  methods: readonly string[];
  handler: RouteHandler;
}

/** The handler of an API path and the methods it answers, or undefined (a 404). */
export function resolveApiRoute(pathname: string): ApiRoute | undefined {
  const handler = API_ROUTES[pathname];
  if (handler) return { methods: READ_METHODS, handler };
  return alertRoute(pathname) ?? viewRoute(pathname);
}

/** Every API path, for the 404 answer's `accepted`. */
export function apiPaths(): string[] {
  return [...Object.keys(API_ROUTES), ALERTS_PATH, ...VIEW_PATHS];
}

/** Whether a path belongs to the API namespace (404 JSON rather than a static lookup). */
export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith(API_PREFIX);
}

/** Throws 405 with an `Allow` header unless the method is one of `allowed` (default: reads). */
export function checkMethod(
  method: string | undefined,
  allowed: readonly string[] = READ_METHODS,
): void {
  if (method !== undefined && allowed.includes(method)) return;

  const allow = allowed.join(', ');
  throw new HttpError(405, `Method ${method ?? '(none)'} not allowed.`, [...allowed], {
    Allow: allow,
  });
}
