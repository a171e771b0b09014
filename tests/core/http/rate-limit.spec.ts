/** The request budget: a token bucket in pure form, and the 429 it makes the server answer. */
import { afterEach, describe, expect, it } from 'vitest';

import { createRateLimiter } from '../../../src-main/core/http/rate-limit.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { send, startTestServer, type TestServer } from './helpers.js';

let server: TestServer | undefined;

afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe('createRateLimiter', () => {
  it('grants a burst of `capacity`, then refills at the given rate', () => {
    const clock = new FakeClock(0);
    const limiter = createRateLimiter({ capacity: 3, refillPerSecond: 2 }, clock);

    expect([limiter.take(), limiter.take(), limiter.take()]).toEqual([0, 0, 0]);
    expect(limiter.take()).toBe(500);

    clock.advance(500);
    expect(limiter.take()).toBe(0);
    expect(limiter.take()).toBeGreaterThan(0);

    clock.advance(60_000);
    expect([limiter.take(), limiter.take(), limiter.take(), limiter.take()]).toEqual([
      0, 0, 0, 500,
    ]);
  });

  it('refuses a capacity or rate that is not positive, naming the option', () => {
    expect(() => createRateLimiter({ capacity: 0, refillPerSecond: 1 })).toThrow(/`capacity`/);
    expect(() => createRateLimiter({ capacity: 1, refillPerSecond: -1 })).toThrow(
      /`refillPerSecond`/,
    );
  });
});

describe('HTTP rate cap', () => {
  it('answers 429 JSON with Retry-After once the budget is spent', async () => {
    server = await startTestServer({ rateLimit: { capacity: 2, refillPerSecond: 0.1 } });

    expect((await send(server.port, '/api/health')).status).toBe(200);
    expect((await send(server.port, '/api/health')).status).toBe(200);
    const refused = await send(server.port, '/api/health');

    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('10');
    expect(refused.json()).toEqual({ error: 'Too many requests; retry later.' });
  });
});
