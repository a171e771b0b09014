/**
 * Request guards that run before any route: DNS-rebinding protection (the Host header must
 * name this loopback server), refusal of foreign origins (no CORS, ever), and refusal of
 * request bodies. Each guard returns the HttpError to answer with, or undefined to go on, so
 * the hardening work can add guards (rate caps) to `REQUEST_GUARDS` without touching routing.
 */
import type { IncomingMessage } from 'node:http';

import { HttpError } from './errors.js';

/** What a guard may know about the server answering. */
export interface GuardContext {
  /** The port the server is bound to. */
  port: number;
  /** Extra `host:port` values to accept, lower case (a dev proxy that keeps its own Host). */
  extraHosts: readonly string[];
  /** Extra origins to accept, lower case, without a trailing slash. */
  extraOrigins: readonly string[];
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

/** Refuses any request that announces a body: the API is read-only. */
export const checkNoBody: RequestGuard = (req) => {
  const length = req.headers['content-length'];
  const chunked = req.headers['transfer-encoding'] !== undefined;
  if (!chunked && (length === undefined || Number(length) === 0)) return undefined;

  return new HttpError(413, 'Request bodies are not accepted.');
};

/** The guards every request passes, in order. */
export const REQUEST_GUARDS: readonly RequestGuard[] = [checkHost, checkOrigin, checkNoBody];

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
