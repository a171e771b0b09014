/**
 * Reading provider answers: JSON parsing that names what came back instead (an HTML page,
 * plain text, truncated JSON), a by-status fallback for errors an adapter did not recognise,
 * and schema validation that turns a zod failure into ProviderError('malformed').
 */
import type { z } from 'zod';

import { ProviderError } from './errors.js';
import type { HttpResponse } from './http-client.js';
import { MINUTE_MS, retryAtFromHeaders } from './retry-after.js';

/** How long to wait after a 429 that says nothing about when to come back. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = MINUTE_MS;

const EXCERPT_LENGTH = 80;

/** Replaces every secret in `text` with `***` (keys echoed in bodies or URLs). */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('***');
  return out;
}

/** What kind of body came back, in words for an error message. */
export function describeBody(body: string): string {
  const trimmed = body.trim();
  if (trimmed === '') return 'an empty body';
  if (/^<(!doctype|html|\?xml|head|body)/i.test(trimmed)) {
    const title = /<title>([^<]{0,80})<\/title>/i.exec(trimmed)?.[1]?.trim();
    return title ? `an HTML page ("${title}")` : 'an HTML page';
  }
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return 'truncated or invalid JSON';
  const firstLine = trimmed.split(/\r?\n/)[0]!.slice(0, EXCERPT_LENGTH);
  return `plain text ("${firstLine}")`;
}

/** Parses JSON, or returns undefined when the body is not JSON (callers then describe it). */
export function tryParseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    // Not JSON: the caller maps the body by status and describeBody().
    return undefined;
  }
}

/**
 * The error for a non-JSON body: 'provider-down' when the status says the server or a proxy
 * failed (5xx), 'rate-limited'/'bad-key' when the status alone is clear, 'malformed' otherwise.
 */
export function nonJsonFailure(
  providerId: string,
  response: HttpResponse,
  secrets: readonly string[] = [],
): ProviderError {
  const what = scrubSecrets(describeBody(response.body), secrets);
  const byStatus = statusFailure(providerId, response, `answered ${what}`);
  if (byStatus) return byStatus;
  return new ProviderError('malformed', `${providerId}: HTTP ${response.status} with ${what}`);
}

/**
 * Generic mapping by status, for answers the adapter found no provider-specific meaning in.
 * Returns undefined for 2xx (the caller decides what a bad 200 body means).
 */
export function statusFailure(
  providerId: string,
  response: HttpResponse,
  detail: string,
): ProviderError | undefined {
  const { status } = response;
  const message = `${providerId}: HTTP ${status}, ${detail}`;
  if (status >= 200 && status < 300) return undefined;
  if (status === 429) {
    return new ProviderError('rate-limited', message, rateLimitRetryAt(response));
  }
  if (status === 401) return new ProviderError('bad-key', message);
  if (status === 402 || status === 403) return new ProviderError('plan-limit', message);
  if (status >= 500 || status === 404 || status === 408) {
    // 404 on a whole endpoint means a wrong base URL or a retired path, not an unknown symbol.
    return new ProviderError('provider-down', message);
  }
  return new ProviderError('malformed', message);
}

/** When to try again after a 429: Retry-After, else X-RateLimit-Reset, else one minute. */
export function rateLimitRetryAt(
  response: HttpResponse,
  fallbackMs: number = DEFAULT_RATE_LIMIT_WAIT_MS,
): number {
  return retryAtFromHeaders(
    {
      retryAfter: response.headers['retry-after'],
      resetEpochSeconds: response.headers['x-ratelimit-reset'],
    },
    response.receivedAt,
    fallbackMs,
  );
}

/**
 * Checks a parsed body against a wire schema. A mismatch is ProviderError('malformed') naming
 * the first offending field path (provider field names stay in the message, never in data).
 */
export function validate<S extends z.ZodType>(
  providerId: string,
  what: string,
  schema: S,
  value: unknown,
): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : '(root)';
  return throwMalformed(
    providerId,
    `${what}: unexpected shape at ${where}: ${issue?.message ?? 'invalid'}`,
  );
}

function throwMalformed(providerId: string, detail: string): never {
  throw new ProviderError('malformed', `${providerId} ${detail}`);
}
