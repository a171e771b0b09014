/**
 * Request guards that run before any route: a request rate cap, DNS-rebinding protection (the
 * Host header must name this loopback server), refusal of foreign origins (no CORS, ever), and
 * refusal of request bodies except small JSON ones (CSV for the watchlist import) where a route
 * takes them (checked once the route and method are known). Each guard returns the HttpError to
 * answer with, or undefined to go on.
 */
import type { IncomingMessage } from 'node:http';

import { ALERTS_PATH } from './alert-routes.js';
import { HttpError } from './errors.js';
import { isJsonContentType, MAX_JSON_BODY_BYTES } from './json-body.js';
import type { RateLimiter } from './rate-limit.js';
import { isCsvContentType } from './text-body.js';
import { VIEW_BODY_ROUTES } from './view-routes.js';

/** What a guard may know about the server answering. */
export interface GuardContext {
  /** The port the server is bound to. */
  port: number;
  /** Extra `host:port` values to accept, lower case (a dev proxy that keeps its own Host). */
  extraHosts: readonly string[];
  /** Extra origins to accept, lower case, without a trailing slash. */
  extraOrigins: readonly string[];
  /** The server's request budget; none: no cap. */
  rateLimiter?: RateLimiter;
}

export type RequestGuard = (req: IncomingMessage, context: GuardContext) => HttpError | undefined;

/** Loopback names a browser on this machine may use to reach us. */
const LOOPBACK_HOSTNAMES = ['127.0.0.1', 'localhost', '[::1]'] as const;

/** The `Host` header values this server answers to. */
export function allowedHosts(context: GuardContext): string[] {
  return [...LOOPBACK_HOSTNAMES.map((name) => `${name}:${context.port}`), ...context.extraHosts];
}

/** The `Origin` header values this server answers to: its own origins only. */
export function allowedOrigins(context: GuardContext): string[] {
  return [...allowedHosts(context).map((host) => `http://${host}`), ...context.extraOrigins];
}

/**
 * Refuses a request whose Host is not this loopback server: a page on another site that
 * rebinds its DNS name to 127.0.0.1 still sends its own name here.
 */
export const checkHost: RequestGuard = (req, context) => {
  const host = req.headers.host?.trim().toLowerCase();
  if (host !== undefined && allowedHosts(context).includes(host)) return undefined;

  return new HttpError(403, 'Host header not accepted (DNS rebinding protection).');
};

/** Refuses cross-origin requests: browsers send `Origin` on those, and we allow none. */
export const checkOrigin: RequestGuard = (req, context) => {
  const origin = req.headers.origin;
  if (origin === undefined) return undefined;
  if (allowedOrigins(context).includes(origin.trim().toLowerCase())) return undefined;

  return new HttpError(403, 'Cross-origin requests are not accepted.');
};

/** A request that may carry a body: its method, path, body type and size cap. */
interface BodyRoute {
  method: string;
  path: string | RegExp;
  /** Default `json`. */
  type?: 'json' | 'csv';
  /** Default MAX_JSON_BODY_BYTES. */
  maxBytes?: number;
}

/** Requests that may carry a body: creating an alert rule; saving filters and watchlists. */
const BODY_ROUTES: readonly BodyRoute[] = [
  { method: 'POST', path: ALERTS_PATH },
  ...VIEW_BODY_ROUTES,
];

function bodyRouteOf(req: IncomingMessage): BodyRoute | undefined {
  const path = (req.url ?? '').split('?')[0] ?? '';
  return BODY_ROUTES.find(
    (route) =>
      route.method === req.method &&
      (typeof route.path === 'string' ? route.path === path : route.path.test(path)),
  );
}

/**
 * Refuses any request that announces a body, except on routes that take one: there the body
 * must be JSON (a cross-site form cannot send that without a preflight we never answer) and
 * at most MAX_JSON_BODY_BYTES (a chunked body is capped again while it is read).
 */
export const checkBody: RequestGuard = (req) => {
  const length = req.headers['content-length'];
  const chunked = req.headers['transfer-encoding'] !== undefined;
  if (!chunked && (length === undefined || Number(length) === 0)) return undefined;

  const route = bodyRouteOf(req);
  if (!route) return new HttpError(413, 'Request bodies are not accepted.');
  const maxBytes = route.maxBytes ?? MAX_JSON_BODY_BYTES;
  if (length !== undefined && !(Number(length) <= maxBytes)) {
    return new HttpError(413, `Request body too large (at most ${maxBytes} bytes).`);
  }
  if (route.type === 'csv') {
    if (isCsvContentType(req.headers['content-type'])) return undefined;
    return new HttpError(415, 'Content-Type must be text/csv.', ['text/csv']);
  }
  if (!isJsonContentType(req.headers['content-type'])) {
    return new HttpError(415, 'Content-Type must be application/json.', ['application/json']);
  }
  return undefined;
};

/** Refuses with 429 (and Retry-After) once the server's request budget is spent. */
export const checkRate: RequestGuard = (_req, context) => {
  const waitMs = context.rateLimiter?.take() ?? 0;
  if (waitMs === 0) return undefined;

  const retryAfter = String(Math.max(1, Math.ceil(waitMs / 1000)));
  return new HttpError(429, 'Too many requests; retry later.', undefined, {
    'Retry-After': retryAfter,
  });
};

/**
 * The guards every request passes before routing, in order: the cheapest refusal (rate) first.
 * checkBody is not among them: it runs after the route and method are known (server.ts), so a
 * wrong method with a body gets its 405 and an unknown path its 404 rather than a 413.
 */
export const REQUEST_GUARDS: readonly RequestGuard[] = [checkRate, checkHost, checkOrigin];

/** Runs `guards` in order and returns the first refusal, if any. */
export function runGuards(
  req: IncomingMessage,
  context: GuardContext,
  guards: readonly RequestGuard[] = REQUEST_GUARDS,
): HttpError | undefined {
  for (const guard of guards) {
    const refusal = guard(req, context);
    if (refusal) return refusal;
  }
  return undefined;
}
