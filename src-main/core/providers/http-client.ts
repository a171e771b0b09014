/**
 * One `got` instance per adapter, with the fetching rules every provider shares.
 *
 * Decisions (see DESIGN.md "Scheduler"):
 * - Timeout per attempt (default 10 s). A timeout, a refused connection or a reset becomes
 *   ProviderError('provider-down') after the retries.
 * - Retries only for network errors and 500/502/503/504, at most 2, exponential backoff with
 *   jitter; a 5xx `Retry-After` is honoured when it is short (≤ `maxRetryAfterMs`).
 * - Never retried here: 401/403 (a bad key stays bad), 429 and every other 4xx. A 429 is handed
 *   back to the adapter, which turns it into ProviderError('rate-limited', retryAt) so the
 *   scheduler — the one owner of quota — waits. Retrying 429s inside the client would spend
 *   calls the scheduler does not know about and hide the real error.
 * - `throwHttpErrors: false`: the adapter reads every answer's body itself, because each provider
 *   words its errors differently (JSON, HTML pages, plain text, 200 with an error body).
 * - Cancellation: an aborted `signal` rejects with the signal's reason, never a ProviderError, so
 *   the scheduler can tell "we stopped" from "they failed".
 */
import got, { type Got, type RequestError } from 'got';

import type { Clock } from '../domain/types.js';
import { SYSTEM_CLOCK } from '../domain/types.js';
import { createLogger } from '../log.js';
import { ProviderError } from './errors.js';
import { scrubSecrets } from './http-response.js';

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_RETRY_LIMIT = 2;
export const DEFAULT_RETRY_BASE_MS = 500;
export const DEFAULT_MAX_RETRY_AFTER_MS = 5_000;

/** Status codes worth one more try: the provider or a proxy in front of it was briefly down. */
const RETRY_STATUS_CODES = [500, 502, 503, 504];

const log = createLogger('http-client');

export interface HttpClientOptions {
  /** Provider id, used in error messages and logs. */
  providerId: string;
  /** Base URL the request paths are relative to, e.g. `https://finnhub.io/api/v1`. */
  baseUrl: string;
  /** Headers sent with every request (auth headers). Never logged. */
  headers?: Record<string, string>;
  /** Values that must never appear in an error message or log (API keys). */
  secrets?: readonly string[];
  timeoutMs?: number;
  retryLimit?: number;
  /** First retry delay; doubles per attempt, plus up to 50 % jitter. */
  retryBaseMs?: number;
  /** Longest 5xx `Retry-After` the client waits out itself; longer ones are not retried. */
  maxRetryAfterMs?: number;
  clock?: Clock;
}

export interface GetOptions {
  searchParams?: Record<string, string | number | boolean>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** An answer of any status, body as text (adapters parse it). */
export interface HttpResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  body: string;
  /** Clock time the answer arrived (epoch ms), from the injected clock. */
  receivedAt: number;
}

export interface HttpClient {
  readonly providerId: string;
  /** GETs `path` (relative to the base URL). Throws ProviderError('provider-down') on network failure. */
  get(path: string, options?: GetOptions): Promise<HttpResponse>;
}

/** Validates options at construction; the error names the option and what was received. */
function checkOptions(options: HttpClientOptions): void {
  let url: URL;
  try {
    url = new URL(options.baseUrl);
  } catch {
    throw new TypeError(
      `http client: baseUrl must be an absolute URL, received "${options.baseUrl}"`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`http client: baseUrl must be http(s), received "${url.protocol}"`);
  }
  for (const name of ['timeoutMs', 'retryLimit', 'retryBaseMs', 'maxRetryAfterMs'] as const) {
    const value = options[name];
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) {
      throw new TypeError(`http client: ${name} must be a number ≥ 0, received ${String(value)}`);
    }
  }
}

/** Creates the shared `got` instance for one adapter. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  checkOptions(options);
  const clock = options.clock ?? SYSTEM_CLOCK;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retryBaseMs = options.retryBaseMs ?? DEFAULT_RETRY_BASE_MS;
  const secrets = options.secrets ?? [];
  const prefixUrl = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;

  const instance: Got = got.extend({
    prefixUrl,
    headers: { 'user-agent': 'market-heatmap', accept: 'application/json', ...options.headers },
    timeout: { request: timeoutMs },
    throwHttpErrors: false,
    followRedirect: false,
    retry: {
      limit: options.retryLimit ?? DEFAULT_RETRY_LIMIT,
      methods: ['GET'],
      statusCodes: RETRY_STATUS_CODES,
      maxRetryAfter: options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS,
      calculateDelay: ({ attemptCount, error, retryAfter, computedValue }) => {
        if (computedValue === 0) return 0;
        if (error.response && retryAfter) return computedValue;
        return retryBaseMs * 2 ** (attemptCount - 1) * (1 + Math.random() / 2);
      },
    },
    hooks: {
      beforeRetry: [
        (error, retryCount) => {
          log.debug(
            `retry ${options.providerId}: attempt ${retryCount} after ${error.code ?? error.name}`,
          );
        },
      ],
    },
  });

  return {
    providerId: options.providerId,
    async get(path, getOptions = {}) {
      const relative = path.replace(/^\/+/, '');
      try {
        const response = await instance.get(relative, {
          searchParams: getOptions.searchParams,
          headers: getOptions.headers,
          signal: getOptions.signal,
        });
        const headers: Record<string, string | undefined> = {};
        for (const [name, value] of Object.entries(response.headers)) {
          headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
        }
        return {
          status: response.statusCode,
          headers,
          body: response.body,
          receivedAt: clock.now(),
        };
      } catch (error) {
        if (getOptions.signal?.aborted) throw getOptions.signal.reason ?? error;
        throw networkFailure(options.providerId, relative, error, timeoutMs, secrets);
      }
    },
  };
}

/** Maps a got network error (no HTTP answer at all) to ProviderError('provider-down'). */
function networkFailure(
  providerId: string,
  path: string,
  error: unknown,
  timeoutMs: number,
  secrets: readonly string[],
): ProviderError {
  const requestError = error as Partial<RequestError>;
  const code = typeof requestError.code === 'string' ? requestError.code : undefined;
  let what: string;
  if (requestError.name === 'TimeoutError' || code === 'ETIMEDOUT') {
    what = `no answer within ${Math.round(timeoutMs / 100) / 10} s`;
  } else if (code === 'ECONNREFUSED') {
    what = 'connection refused';
  } else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    what = 'host not found (offline?)';
  } else {
    what = code ?? (error instanceof Error ? error.message : String(error));
  }
  const message = scrubSecrets(`${providerId} /${path.split('?')[0]}: ${what}`, secrets);
  log.warn(`fetch ${providerId}: ${message}`);
  return new ProviderError('provider-down', message, undefined, { cause: code ?? what });
}
