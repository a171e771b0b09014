/**
 * The local HTTP server on `node:http`: binds to 127.0.0.1 only, runs the request guards,
 * dispatches to the API routes or the static renderer, and turns every failure into a JSON
 * answer without a stack trace.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { AlertService } from '../alerts/alert-monitor.js';
import type { Engine } from '../engine-types.js';
import { createLogger, formatError } from '../log.js';
import { answerClientError } from './client-error.js';
import { HttpError, isHttpError, PortInUseError } from './errors.js';
import { DEFAULT_HEARTBEAT_MS } from './event-stream.js';
import { createRateLimiter, DEFAULT_RATE_LIMIT, type RateLimitOptions } from './rate-limit.js';
import { BASE_SECURITY_HEADERS, sendApiError, sendHttpError } from './responses.js';
import {
  apiPaths,
  type ApiRoute,
  checkMethod,
  isApiPath,
  resolveApiRoute,
  type RouteContext,
} from './routes.js';
import { checkBody, type GuardContext, runGuards } from './security.js';
import { createStaticHandler } from './static-files.js';

const log = createLogger('http');

/** The only address the server binds to: the API must not be reachable from the network. */
export const LOOPBACK_HOST = '127.0.0.1';
const MAX_PORT = 65_535;
/** A request's headers must arrive within this time (slow-loris guard). */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 15_000;
/** Node's default is 16 KiB; a read-only API needs far less. */
const MAX_HEADER_BYTES = 8 * 1024;
/** A placeholder base for parsing request targets; the Host guard has already run. */
const URL_BASE = `http://${LOOPBACK_HOST}`;
/** Open `/api/stream` connections allowed at once (a few tabs and the app need a handful). */
export const DEFAULT_MAX_STREAMS = 32;

export interface HttpServerOptions {
  engine: Engine;
  /** The built renderer (dist/renderer); without it, `/` answers 503. */
  staticDir?: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** Only `127.0.0.1` is accepted; the option exists so callers state it. */
  host?: string;
  /** Interval of the stream's heartbeat comment. */
  heartbeatMs?: number;
  /** Cap on simultaneously open event streams; more get 503. */
  maxStreams?: number;
  /** Extra `host:port` values the Host guard accepts (a dev proxy). */
  extraHosts?: readonly string[];
  /** Extra origins the Origin guard accepts (`http://localhost:5173`). */
  extraOrigins?: readonly string[];
  /** Alert rules and history for `/api/alerts` and the stream; none: those answer 404. */
  alerts?: AlertService;
  /** The request budget (token bucket) of this server; default DEFAULT_RATE_LIMIT. */
  rateLimit?: RateLimitOptions;
}

export interface HttpServer {
  /** Starts listening; resolves with the bound port, rejects with PortInUseError. */
  start(): Promise<number>;
  /** Ends open streams and stops listening. */
  stop(): Promise<void>;
}

/** Creates the local HTTP server for an engine. Throws on an invalid host or port. */
export function createHttpServer(options: HttpServerOptions): HttpServer {
  const host = options.host ?? LOOPBACK_HOST;
  if (host !== LOOPBACK_HOST) {
    throw new Error(`createHttpServer: host must be ${LOOPBACK_HOST}, got "${host}"`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > MAX_PORT) {
    const given = String(options.port);
    throw new Error(`createHttpServer: port must be an integer 0..${MAX_PORT}, got ${given}`);
  }

  const guardContext: GuardContext = {
    port: options.port,
    extraHosts: (options.extraHosts ?? []).map((h) => h.toLowerCase()),
    extraOrigins: (options.extraOrigins ?? []).map((o) => o.toLowerCase().replace(/\/$/, '')),
    rateLimiter: createRateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT),
  };
  const serveStatic = createStaticHandler(options.staticDir);
  const openStreams = new Set<() => void>();

  /**
   * Everything refused before a handler runs, in the order a client should hear about it:
   * guards (rate, Host, Origin), then path (404), then method (405), then body (413/415).
   * Returns the parsed URL and the API route (none for a static path).
   */
  const admit = (req: IncomingMessage): { url: URL; route?: ApiRoute } => {
    const refusal = runGuards(req, guardContext);
    if (refusal) throw refusal;
    const url = new URL(req.url ?? '/', URL_BASE);

    if (!isApiPath(url.pathname)) {
      checkMethod(req.method);
      runBodyGuard(req);
      return { url };
    }
    const route = resolveApiRoute(url.pathname);
    if (!route) throw new HttpError(404, `No API endpoint at ${url.pathname}.`, apiPaths());
    checkMethod(req.method, route.methods);
    runBodyGuard(req);
    return { url, route };
  };

  const runBodyGuard = (req: IncomingMessage): void => {
    const refusal = checkBody(req, guardContext);
    if (refusal) throw refusal;
  };

  const dispatch = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let admitted: ReturnType<typeof admit>;
    try {
      admitted = admit(req);
    } catch (error) {
      // Do not read an announced body; close the connection instead of draining it.
      res.setHeader('Connection', 'close');
      throw error;
    }
    const { url, route } = admitted;
    if (!route) {
      await serveStatic(req, res, url.pathname);
      return;
    }
    const { handler } = route;

    const context: RouteContext = {
      engine: options.engine,
      url,
      heartbeatMs: options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS,
      openStreams: () => openStreams.size,
      maxStreams: options.maxStreams ?? DEFAULT_MAX_STREAMS,
      track: (end) => {
        openStreams.add(end);
        res.on('close', () => openStreams.delete(end));
      },
      ...(options.alerts ? { alerts: options.alerts } : {}),
    };
    await handler(req, res, context);
  };

  // requireHostHeader off: Node would answer a missing Host with an empty 400 of its own; our
  // Host guard refuses it anyway, with the JSON 403 every other foreign Host gets.
  const serverOptions = { maxHeaderSize: MAX_HEADER_BYTES, requireHostHeader: false };
  const server = createServer(serverOptions, (req, res) => {
    for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) res.setHeader(name, value);
    dispatch(req, res).catch((error: unknown) => answerFailure(req, res, error));
  });
  server.on('clientError', answerClientError);
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;

  return {
    start: () => listen(server, host, options.port, guardContext),
    stop: async () => {
      for (const end of openStreams) end();
      openStreams.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function answerFailure(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  if (isHttpError(error)) {
    log.debug(`answer ${req.method} ${req.url}: ${error.status} ${error.message}`);
    sendHttpError(res, error);
    return;
  }

  log.error(`answer ${req.method} ${req.url}: handler failed`, formatError(error));
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendApiError(res, 500, { error: 'Internal server error.' });
}

function listen(
  server: ReturnType<typeof createServer>,
  host: string,
  port: number,
  guardContext: GuardContext,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, { cause: error }) : error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const bound = (server.address() as AddressInfo).port;
      // The Host guard needs the real port when the caller asked for port 0.
      guardContext.port = bound;
      log.info(`start: listening on http://${host}:${bound}/`);
      resolve(bound);
    });
  });
}
