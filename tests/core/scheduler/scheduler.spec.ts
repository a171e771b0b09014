import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { ProviderError } from '../../../src-main/core/providers/errors.js';
import type {
  MarketDataProvider,
  QuoteBatchResult,
  RatePolicy,
} from '../../../src-main/core/providers/provider.js';
import { Scheduler } from '../../../src-main/core/scheduler/scheduler.js';

const SYMBOLS = ['A', 'B', 'C', 'D', 'E'];
const REFRESH_MS = 100;
const clock = { now: (): number => Date.now() };

type Fetch = (symbols: readonly string[], signal?: AbortSignal) => Promise<QuoteBatchResult>;

function fakeProvider(batchSize: number, fetch: Fetch, ratePolicy: RatePolicy = {}) {
  const fetchQuotes = vi.fn(fetch);
  const provider: MarketDataProvider = {
    id: 'fake',
    capabilities: { batchSize, streaming: false, profiles: false, history: false },
    ratePolicy,
    source: () => ({ provider: 'fake', mode: 'live', label: 'Fake' }),
    fetchQuotes,
  };
  return { provider, fetchQuotes };
}

const ok: Fetch = async () => ({ quotes: [], missing: [] });

function schedulerFor(provider: MarketDataProvider, onResult = vi.fn()): Scheduler {
  return new Scheduler({
    provider,
    symbols: () => SYMBOLS,
    onResult,
    refreshMs: REFRESH_MS,
    clock,
    random: () => 0,
  });
}

describe('Scheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse('2026-08-07T14:00:00Z'));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('fetches the whole universe in batches of the provider batch size, in order', async () => {
    const { provider, fetchQuotes } = fakeProvider(2, ok);
    const onResult = vi.fn();
    const scheduler = schedulerFor(provider, onResult);

    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);

    expect(fetchQuotes.mock.calls.map((c) => c[0])).toEqual([['A', 'B'], ['C', 'D'], ['E']]);
    expect(onResult).toHaveBeenCalledTimes(3);
    await scheduler.stop();
  });

  it('starts a new cycle every refresh interval', async () => {
    const { provider, fetchQuotes } = fakeProvider(5, ok);
    const scheduler = schedulerFor(provider);

    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(REFRESH_MS * 3);

    expect(fetchQuotes).toHaveBeenCalledTimes(4);
    await scheduler.stop();
  });

  it('keeps to the rate policy: at most perSecond calls in each second', async () => {
    const { provider, fetchQuotes } = fakeProvider(1, ok, { perSecond: 2 });
    const scheduler = schedulerFor(provider);

    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    const afterFirstWindow = fetchQuotes.mock.calls.length;
    await vi.advanceTimersByTimeAsync(1000);
    const afterSecondWindow = fetchQuotes.mock.calls.length;

    expect(afterFirstWindow).toBe(2);
    expect(afterSecondWindow).toBe(4);
    await scheduler.stop();
  });

  it('backs off exponentially after provider failures', async () => {
    const { provider, fetchQuotes } = fakeProvider(5, async () => {
      throw new ProviderError('provider-down', 'HTTP 503');
    });
    const scheduler = schedulerFor(provider);

    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(499);
    const beforeFirstRetry = fetchQuotes.mock.calls.length;
    await vi.advanceTimersByTimeAsync(1);
    const atFirstRetry = fetchQuotes.mock.calls.length;
    await vi.advanceTimersByTimeAsync(999);
    const beforeSecondRetry = fetchQuotes.mock.calls.length;
    await vi.advanceTimersByTimeAsync(1);

    expect([beforeFirstRetry, atFirstRetry, beforeSecondRetry]).toEqual([1, 2, 2]);
    expect(fetchQuotes).toHaveBeenCalledTimes(3);
    expect(scheduler.state).toBe('backing-off');
    await scheduler.stop();
  });

  it('waits until retryAt when the provider says it is rate limited', async () => {
    let calls = 0;
    const { provider, fetchQuotes } = fakeProvider(5, async () => {
      calls += 1;
      if (calls === 1) throw new ProviderError('rate-limited', '429', Date.now() + 7000);
      return { quotes: [], missing: [] };
    });
    const scheduler = schedulerFor(provider);

    scheduler.start();
    await vi.advanceTimersByTimeAsync(6999);
    const beforeRetryAt = fetchQuotes.mock.calls.length;
    await vi.advanceTimersByTimeAsync(1);

    expect(beforeRetryAt).toBe(1);
    expect(fetchQuotes).toHaveBeenCalledTimes(2);
    expect(scheduler.state).toBe('running');
    await scheduler.stop();
  });

  it('stops on a bad key, without sending the rest of the cycle, until the key changes', async () => {
    let badKey = true;
    const { provider, fetchQuotes } = fakeProvider(2, async () => {
      if (badKey) throw new ProviderError('bad-key', '401');
      return { quotes: [], missing: [] };
    });
    const scheduler = schedulerFor(provider);

    scheduler.start();
    await vi.advanceTimersByTimeAsync(60_000);
    const whileBad = fetchQuotes.mock.calls.length;
    badKey = false;
    scheduler.keyChanged();
    await vi.advanceTimersByTimeAsync(0);

    expect(whileBad).toBe(1);
    expect(fetchQuotes).toHaveBeenCalledTimes(4);
    expect(scheduler.state).toBe('running');
    await scheduler.stop();
  });

  it('never has two requests in flight for the same symbol', async () => {
    const active = new Map<string, number>();
    let worst = 0;
    const { provider, fetchQuotes } = fakeProvider(2, async (symbols) => {
      for (const s of symbols) active.set(s, (active.get(s) ?? 0) + 1);
      worst = Math.max(worst, ...active.values());
      await new Promise((resolve) => setTimeout(resolve, 5 * REFRESH_MS));
      for (const s of symbols) active.set(s, (active.get(s) ?? 0) - 1);
      return { quotes: [], missing: [] };
    });
    const scheduler = schedulerFor(provider);

    scheduler.start();
    await vi.advanceTimersByTimeAsync(20 * REFRESH_MS);

    expect(fetchQuotes.mock.calls.length).toBeGreaterThan(3);
    expect(worst).toBe(1);
    await scheduler.stop();
  });

  it('aborts a running request on stop and fetches nothing afterwards', async () => {
    let seen: AbortSignal | undefined;
    const { provider, fetchQuotes } = fakeProvider(5, (_symbols, signal) => {
      seen = signal;
      return new Promise((_resolve, reject) => {
        signal?.addEventListener('abort', () => reject(signal.reason));
      });
    });
    const scheduler = schedulerFor(provider);

    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    await scheduler.stop();
    await vi.advanceTimersByTimeAsync(10 * REFRESH_MS);

    expect(seen?.aborted).toBe(true);
    expect(fetchQuotes).toHaveBeenCalledTimes(1);
    expect(scheduler.state).toBe('stopped');
  });

  it('rejects a refresh interval that is not positive, naming the option', () => {
    const { provider } = fakeProvider(5, ok);

    expect(
      () => new Scheduler({ provider, symbols: () => [], onResult: vi.fn(), refreshMs: 0, clock }),
    ).toThrow(/`refreshMs` must be > 0, received 0/);
  });
});
