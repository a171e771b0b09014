/**
 * A tiny HTTP server on 127.0.0.1 (port 0) that answers like a provider. Each provider's mock
 * gives it a table of named cases; a test picks one with `useCase`, or queues one-off replies
 * (`queue`) to script a sequence such as "503, then success". Every request is recorded
 * (path, query, headers) so tests can count calls and check what was sent.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Cases every provider mock implements (ids from issue 3). Providers may add their own. */
export type CommonCase =
  | 'success'
  | 'closed-market'
  | 'rate-limit'
  | 'rate-limit-retry-after'
  | 'bad-key'
  | 'missing-key'
  | 'plan-gated'
  | 'unknown-symbol'
  | 'partial-batch'
  | 'html-page'
  | 'plain-text'
  | 'truncated-json'
  | 'slow';

export interface RecordedRequest {
  /** When it arrived (epoch ms), so tests can check a client's pace. */
  at: number;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
}

/** One answer. `body` objects are sent as JSON; strings are sent as they are. */
export interface MockReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering (a slow provider). */
  delayMs?: number;
  /** Send the body cut after this many bytes (truncated JSON). */
  truncateAt?: number;
  /** With truncateAt: promise the full length, then drop the connection mid-body. */
  dropConnection?: boolean;
}

export type CaseHandler = (request: RecordedRequest) => MockReply;

export interface MockServer<C extends string = string> {
  /** `http://127.0.0.1:<port>` plus the mock's base path. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Switches the answer for every later request. */
  useCase(name: C): void;
  /** One-off replies used (in order) before the current case. */
  queue(...replies: MockReply[]): void;
  /** Requests whose path matches (string equality or RegExp). */
  requestsTo(path: string | RegExp): RecordedRequest[];
  reset(): void;
  close(): Promise<void>;
}

/** JSON reply helper. */
export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): MockReply {
  return { status, body, headers };
}

/** Plain-text reply helper. */
export function text(
  status: number,
  body: string,
  contentType = 'text/plain; charset=utf-8',
): MockReply {
  return { status, body, headers: { 'content-type': contentType } };
}

/** A proxy/CDN style HTML error page. */
export function htmlPage(status = 502, title = '502 Bad Gateway'): MockReply {
  const body = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  return text(status, body, 'text/html');
}

/**
 * A JSON body cut in the middle: a complete answer with a short body, or (`dropConnection`)
 * a connection that drops mid-answer.
 */
export function truncatedJson(body: unknown, status = 200, dropConnection = false): MockReply {
  const full = JSON.stringify(body);
  return {
    status,
    body: full,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    truncateAt: Math.max(1, Math.floor(full.length / 2)),
    dropConnection,
  };
}

/**
 * Starts a mock on 127.0.0.1. `cases` answers per case name; `basePath` mimics a provider's
 * base URL path (Finnhub's `/api/v1`), and requests outside it get a 404 text.
 */
export async function startMockServer<C extends string>(
  cases: Record<C, CaseHandler>,
  options: { initialCase: C; basePath?: string },
): Promise<MockServer<C>> {
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const requests: RecordedRequest[] = [];
  const queued: MockReply[] = [];
  let current: C = options.initialCase;

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const recorded: RecordedRequest = {
      at: Date.now(),
      method: req.method ?? 'GET',
      path: url.pathname.startsWith(basePath)
        ? url.pathname.slice(basePath.length) || '/'
        : url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
    };
    requests.push(recorded);

    const reply: MockReply = !url.pathname.startsWith(basePath)
      ? text(404, '404 page not found')
      : (queued.shift() ?? cases[current](recorded));

    const send = (): void => {
      if (res.destroyed) return;
      const isText = typeof reply.body === 'string';
      const payload =
        reply.body === undefined
          ? ''
          : isText
            ? (reply.body as string)
            : JSON.stringify(reply.body);
      const headers = {
        ...(isText || reply.body === undefined
          ? {}
          : { 'content-type': 'application/json; charset=utf-8' }),
        ...reply.headers,
      };
      if (reply.truncateAt !== undefined && reply.dropConnection) {
        // Promise a full body, send part of it, then cut the connection.
        res.writeHead(reply.status, {
          ...headers,
          'content-length': String(Buffer.byteLength(payload)),
        });
        res.write(payload.slice(0, reply.truncateAt));
        res.destroy();
        return;
      }
      if (reply.truncateAt !== undefined) {
        // A complete HTTP answer whose JSON body stops short (a buggy upstream or proxy).
        res.writeHead(reply.status, headers);
        res.end(payload.slice(0, reply.truncateAt));
        return;
      }
      res.writeHead(reply.status, headers);
      res.end(payload);
    };
    if (reply.delayMs) setTimeout(send, reply.delayMs).unref();
    else send();
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    requests,
    useCase(name) {
      current = name;
    },
    queue(...replies) {
      queued.push(...replies);
    },
    requestsTo(path) {
      return requests.filter((r) =>
        typeof path === 'string' ? r.path === path : path.test(r.path),
      );
    },
    reset() {
      requests.length = 0;
      queued.length = 0;
      current = options.initialCase;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A URL on 127.0.0.1 where nothing listens (connection refused): a port we opened and closed. */
export async function closedPortUrl(basePath = ''): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}${basePath}`;
}
