/**
 * Small helpers that write complete responses. Every answer of the API goes through here, so
 * the security headers and the no-stack-trace rule live in one place.
 */
import type { ServerResponse } from 'node:http';

import type { ApiError } from '../../shared/api-types.js';
import { clipErrorBody } from './clip-echo.js';
import type { HttpError } from './errors.js';

/** Headers sent on every response, whatever its type. */
export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** API answers are live data: never cache them. */
const API_CACHE_CONTROL = 'no-store';

/** Writes `body` as JSON with `status`; a no-op when the response has already started. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  if (res.headersSent) return;

  const payload = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(payload),
    'Cache-Control': API_CACHE_CONTROL,
  });
  res.end(payload);
}

/** Writes an HttpError as its status and `ApiError` body, echoed request values clipped. */
export function sendHttpError(res: ServerResponse, error: HttpError): void {
  sendJson(res, error.status, clipErrorBody(error.toBody()), error.headers);
}

/** Writes a generic error body (used for 500s, whose details stay in the log). */
export function sendApiError(res: ServerResponse, status: number, body: ApiError): void {
  sendJson(res, status, body);
}

/** Writes a short plain-text answer (the "renderer not built" page). */
export function sendText(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) return;

  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': API_CACHE_CONTROL,
  });
  res.end(text);
}
