/**
 * One small fetch wrapper for the local API's JSON routes. Every call resolves (never throws)
 * to `{ ok, value }` or `{ ok: false, status, error }` with the API's own error body, so the UI
 * can show the server's words (a filter error's position, a CSV import's bad lines).
 */
import type { ApiError } from '../../src-main/shared/api-types';
import { createLogger } from '../lib/log';

const log = createLogger('api');

export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: number; error: ApiError };

/** What the client needs from the platform; tests pass a fake. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Status used when no answer arrived at all. */
export const NO_ANSWER = 0;

const defaultFetch: FetchLike = (input, init) => fetch(input, init);

function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) return false;
  return typeof (value as ApiError).error === 'string';
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Sends a request; `body` (when given) is sent as JSON. */
export function requestJson<T>(
  method: Method,
  path: string,
  body?: unknown,
  fetchImpl: FetchLike = defaultFetch,
): Promise<ApiResult<T>> {
  const init: RequestInit = { method, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers = { ...init.headers, 'Content-Type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  return send<T>(path, init, fetchImpl, 'json');
}

/** Sends `text` as the body with its own content type (CSV upload); the answer is JSON. */
export function requestWithText<T>(
  method: Method,
  path: string,
  text: string,
  contentType: string,
  fetchImpl: FetchLike = defaultFetch,
): Promise<ApiResult<T>> {
  const headers = { Accept: 'application/json', 'Content-Type': contentType };
  return send<T>(path, { method, headers, body: text }, fetchImpl, 'json');
}

/** GETs a text answer (a CSV download); errors still come back as the API's JSON. */
export function requestText(path: string, fetchImpl: FetchLike = defaultFetch) {
  return send<string>(path, { method: 'GET' }, fetchImpl, 'text');
}

async function send<T>(
  path: string,
  init: RequestInit,
  fetchImpl: FetchLike,
  answer: 'json' | 'text',
): Promise<ApiResult<T>> {
  const method = init.method ?? 'GET';
  let res: Response;
  try {
    res = await fetchImpl(path, init);
  } catch (error: unknown) {
    log.warn(`${method} ${path}: no answer`, error);
    return { ok: false, status: NO_ANSWER, error: { error: 'The local server did not answer.' } };
  }

  const text = await res.text().catch(() => '');
  if (res.ok && answer === 'text') return { ok: true, value: text as T };
  let parsed: unknown = undefined;
  try {
    parsed = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    // Not JSON: handled below as an unreadable answer.
  }

  if (res.ok) return { ok: true, value: parsed as T };
  const error = isApiError(parsed) ? parsed : { error: `The server answered ${res.status}.` };
  return { ok: false, status: res.status, error };
}

/** `encodeURIComponent` for one path segment. */
export const segment = (value: string) => encodeURIComponent(value);
