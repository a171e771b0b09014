import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { isProviderError } from '../../../src-main/core/providers/errors.js';
import { createHttpClient, type HttpClient } from '../../../src-main/core/providers/http-client.js';
import {
  describeBody,
  nonJsonFailure,
  rateLimitRetryAt,
} from '../../../src-main/core/providers/http-response.js';
import {
  closedPortUrl,
  htmlPage,
  json,
  type MockServer,
  startMockServer,
  text,
} from '../../mocks/providers/mock-server.js';

type Case = 'ok' | 'server-error' | 'unauthorized' | 'forbidden' | 'too-many' | 'slow';

const cases: Record<Case, () => ReturnType<typeof json>> = {
  ok: () => json(200, { ok: true }),
  'server-error': () => htmlPage(503, '503 Service Unavailable'),
  unauthorized: () => json(401, { error: 'Invalid API key.' }),
  forbidden: () => json(403, { message: 'forbidden' }),
  'too-many': () => json(429, { error: 'slow down' }, { 'retry-after': '7' }),
  slow: () => ({ ...json(200, { ok: true }), delayMs: 500 }),
};

let mock: MockServer<Case>;
let client: HttpClient;
const NOW = 1_795_600_000_000;

beforeAll(async () => {
  mock = await startMockServer(cases, { initialCase: 'ok', basePath: '/api/v1' });
  client = createHttpClient({
    providerId: 'test',
    baseUrl: mock.url,
    timeoutMs: 100,
    retryLimit: 2,
    retryBaseMs: 5,
    secrets: ['sekrit-key'],
    clock: { now: () => NOW },
  });
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

describe('createHttpClient', () => {
  it('resolves the path against the base URL and passes query and headers', async () => {
    const response = await client.get('/quote', {
      searchParams: { symbol: 'AAPL' },
      headers: { 'x-a': 'b' },
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ ok: true });
    expect(response.receivedAt).toBe(NOW);
    expect(mock.requests[0]).toMatchObject({ path: '/quote', query: { symbol: 'AAPL' } });
    expect(mock.requests[0]!.headers['x-a']).toBe('b');
  });

  it('retries a 5xx twice, then hands back the last answer', async () => {
    mock.useCase('server-error');
    const response = await client.get('quote');
    expect(response.status).toBe(503);
    expect(mock.requests).toHaveLength(3);
  });

  it('recovers when a retry succeeds', async () => {
    mock.queue(htmlPage(502));
    const response = await client.get('quote');
    expect(response.status).toBe(200);
    expect(mock.requests).toHaveLength(2);
  });

  it.each(['unauthorized', 'forbidden', 'too-many'] as const)('never retries %s', async (name) => {
    mock.useCase(name);
    await client.get('quote');
    expect(mock.requests).toHaveLength(1);
  });

  it('turns a timeout into provider-down after the retries', async () => {
    mock.useCase('slow');
    const error = await client.get('quote').catch((e: unknown) => e);
    expect(isProviderError(error) && error.kind).toBe('provider-down');
    expect((error as Error).message).toMatch(/no answer within 0.1 s/);
    expect(mock.requests).toHaveLength(3);
  });

  it('turns a refused connection into provider-down', async () => {
    const refused = createHttpClient({
      providerId: 'test',
      baseUrl: await closedPortUrl(),
      retryLimit: 0,
    });
    const error = await refused
      .get('quote', { searchParams: { token: 'sekrit-key' } })
      .catch((e: unknown) => e);
    expect(isProviderError(error) && error.kind).toBe('provider-down');
    expect((error as Error).message).toMatch(/connection refused/);
    expect((error as Error).message).not.toContain('sekrit-key');
  });

  it('rejects with the abort reason when cancelled, not a ProviderError', async () => {
    mock.useCase('slow');
    const controller = new AbortController();
    const pending = client.get('quote', { signal: controller.signal });
    controller.abort(new Error('stopped'));
    const error = await pending.catch((e: unknown) => e);
    expect(isProviderError(error)).toBe(false);
    expect((error as Error).message).toBe('stopped');
  });

  it('refuses a base URL that is not absolute http(s)', () => {
    expect(() => createHttpClient({ providerId: 't', baseUrl: 'finnhub.io' })).toThrow(/baseUrl/);
    expect(() => createHttpClient({ providerId: 't', baseUrl: 'ftp://x' })).toThrow(/http/);
  });
});

describe('reading answers', () => {
  const at = (status: number, body: string, headers: Record<string, string> = {}) => ({
    status,
    body,
    headers,
    receivedAt: NOW,
  });

  it('names what came back instead of JSON', () => {
    expect(describeBody(htmlPage().body as string)).toBe('an HTML page ("502 Bad Gateway")');
    expect(describeBody('{"c":187.4')).toBe('truncated or invalid JSON');
    expect(describeBody(text(503, 'upstream connect error or disconnect').body as string)).toMatch(
      /^plain text/,
    );
    expect(describeBody('  ')).toBe('an empty body');
  });

  it('maps non-JSON answers by status', () => {
    expect(nonJsonFailure('p', at(502, '<html></html>')).kind).toBe('provider-down');
    expect(nonJsonFailure('p', at(200, '{"c":1')).kind).toBe('malformed');
    expect(nonJsonFailure('p', at(429, 'Too Many Requests')).kind).toBe('rate-limited');
  });

  it('scrubs secrets from error messages', () => {
    expect(
      nonJsonFailure('p', at(200, 'bad key sekrit-key'), ['sekrit-key']).message,
    ).not.toContain('sekrit');
  });

  it('computes retryAt from Retry-After, X-RateLimit-Reset, or one minute', () => {
    expect(rateLimitRetryAt(at(429, '', { 'retry-after': '7' }))).toBe(NOW + 7_000);
    expect(rateLimitRetryAt(at(429, '', { 'x-ratelimit-reset': String(NOW / 1000 + 20) }))).toBe(
      NOW + 20_000,
    );
    expect(rateLimitRetryAt(at(429, ''))).toBe(NOW + 60_000);
  });
});
