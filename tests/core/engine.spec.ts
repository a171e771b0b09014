import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { Quote } from '../../src-main/core/domain/types.js';
import {
  createEngine,
  defaultResourcesDir,
  type RunningEngine,
} from '../../src-main/core/engine.js';
import { ProviderError } from '../../src-main/core/providers/errors.js';
import type { MarketDataProvider } from '../../src-main/core/providers/provider.js';
import { ResourceError } from '../../src-main/core/resources/read-resource.js';
import { MemorySnapshotStore } from '../../src-main/core/store/snapshot-store.js';
import { RESOURCES_DIR } from './helpers/resources.js';

const T0 = Date.parse('2030-01-02T12:00:00Z');
const ALL = { sectors: [], categories: [] };
const clock = { now: (): number => Date.now() };
const engines: RunningEngine[] = [];

async function engineWith(store?: MemorySnapshotStore): Promise<RunningEngine> {
  const engine = await createEngine({
    resourcesDir: RESOURCES_DIR,
    clock,
    replay: { startDate: '2026-08-07' },
    ...(store ? { store } : {}),
  });
  engines.push(engine);
  return engine;
}

function row(engine: RunningEngine, symbol: string) {
  return engine.stocks(ALL).stocks.find((s) => s.symbol === symbol);
}

describe('createEngine', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });

  afterEach(async () => {
    for (const engine of engines.splice(0)) await engine.stop();
    vi.useRealTimers();
  });

  it('serves every constituent across the 11 sectors once the replay has answered', async () => {
    const engine = await engineWith();

    await engine.start();
    await vi.advanceTimersByTimeAsync(0);
    const { stocks, source } = engine.stocks({ sectors: [], categories: ['sp500'] });
    const health = engine.health();

    expect(stocks).toHaveLength(503);
    expect(new Set(stocks.map((s) => s.sector)).size).toBe(11);
    expect(engine.stocks(ALL).stocks).toHaveLength(645);
    expect(row(engine, 'XLE')).toMatchObject({
      status: 'missing',
      reason: 'no replay data for ETFs',
    });
    expect(row(engine, 'ASML')).toMatchObject({
      reason: 'no replay data for stocks outside the S&P 500',
    });
    expect(source.label).toBe('Replay of 2026-08-07 closes');
    expect(row(engine, 'AAPL')).toMatchObject({
      status: 'live',
      previousClose: 312.41,
      volume: null,
    });
    expect(row(engine, 'APP')).toMatchObject({
      status: 'missing',
      price: null,
      reason: 'no close in the replay data for 2026-08-07',
    });
    // Health counts the default map (the S&P 500), not the ETFs and Nasdaq-only names the
    // replay has no data for.
    expect(health.counts).toMatchObject({ universe: 'sp500', total: 503, allInstruments: 645 });
    expect(health.counts.live + health.counts.missing).toBe(503);
    expect(health.counts.live).toBeGreaterThan(450);
    expect(health).toMatchObject({
      status: 'ok',
      provider: 'replay',
      mode: 'replay',
      uptimeSeconds: 0,
    });
    // A running replay is never described as live quotes.
    expect(health.providerState.message).toMatch(
      /^Playing the embedded replay of real daily closes/,
    );
  });

  it('reports its version from package.json and starts in the starting state', async () => {
    const engine = await engineWith();
    const pkg = JSON.parse(readFileSync(join(RESOURCES_DIR, '..', 'package.json'), 'utf8'));

    expect(engine.health()).toMatchObject({
      status: 'starting',
      version: pkg.version,
      lastUpdate: null,
    });
  });

  it('filters by sector AND category, each case-insensitively', async () => {
    const engine = await engineWith();

    const { stocks } = engine.stocks({
      sectors: ['information technology'],
      categories: ['DOW30'],
    });

    expect(stocks.map((s) => s.symbol)).toEqual(expect.arrayContaining(['AAPL', 'MSFT']));
    expect(
      stocks.every((s) => s.sector === 'Information Technology' && s.categories.includes('dow30')),
    ).toBe(true);
    expect(stocks.some((s) => s.symbol === 'JPM')).toBe(false);
  });

  it('moves prices between two requests a few seconds apart and streams the changes', async () => {
    const engine = await engineWith();
    const batches: { label: string; symbols: string[] }[] = [];
    engine.onChanges((b) =>
      batches.push({ label: b.source.label, symbols: b.changes.map((c) => c.symbol) }),
    );

    await engine.start();
    await vi.advanceTimersByTimeAsync(0);
    const before = row(engine, 'MSFT')?.price;
    await vi.advanceTimersByTimeAsync(3_000);
    const after = row(engine, 'MSFT')?.price;

    expect(after).not.toBe(before);
    expect(batches.length).toBeGreaterThanOrEqual(4);
    const last = batches[batches.length - 1];
    expect(last?.symbols).toContain('MSFT');
    expect(last?.symbols).not.toContain('APP');
    expect(last?.label).toBe('Replay of 2026-08-07 closes');
  });

  it('shows a restored snapshot as stale with its time until fresh quotes arrive', async () => {
    const saved: Quote = {
      symbol: 'AAPL',
      price: 300,
      previousClose: 299,
      volume: null,
      marketCap: 4e12,
      timestamp: T0 - 60_000,
      receivedAt: T0 - 60_000,
    };
    const store = new MemorySnapshotStore({
      savedAt: T0 - 60_000,
      source: { provider: 'replay', mode: 'replay', label: 'Replay of 2026-08-06 closes' },
      quotes: [saved],
    });
    const engine = await engineWith(store);

    const restored = row(engine, 'AAPL');
    await engine.start();
    await vi.advanceTimersByTimeAsync(0);

    expect(restored).toMatchObject({
      price: 300,
      status: 'stale',
      reason: 'restored from the snapshot of Jan 2, 06:59 ET',
    });
    expect(row(engine, 'AAPL')?.status).toBe('live');
  });

  it('saves at most every 10 s while running and once more on stop', async () => {
    const store = new MemorySnapshotStore();
    const save = vi.spyOn(store, 'save');
    const engine = await engineWith(store);

    await engine.start();
    await vi.advanceTimersByTimeAsync(5_000);
    const whileRunning = save.mock.calls.length;
    await engine.stop();

    expect(whileRunning).toBe(1);
    expect(save).toHaveBeenCalledTimes(2);
    expect(store.load()?.quotes.length).toBeGreaterThan(450);
  });

  it('reports degraded health while its provider fails, and resumes when the key changes', async () => {
    let failure: ProviderError | undefined = new ProviderError('bad-key', 'HTTP 401');
    const fetchQuotes = vi.fn(async () => {
      if (failure) throw failure;
      return { quotes: [], missing: [] };
    });
    const provider: MarketDataProvider = {
      id: 'fake',
      capabilities: { batchSize: 100, streaming: false, profiles: false, history: false },
      ratePolicy: { perMinute: 60 },
      source: () => ({ provider: 'fake', mode: 'live', label: 'Fake live' }),
      fetchQuotes,
    };
    const engine = await createEngine({ resourcesDir: RESOURCES_DIR, clock, provider });
    engines.push(engine);

    await engine.start();
    await vi.advanceTimersByTimeAsync(0);
    const whileBadKey = engine.health();
    failure = undefined;
    engine.keyChanged();
    await vi.advanceTimersByTimeAsync(0);

    expect(whileBadKey).toMatchObject({ status: 'degraded', provider: 'fake', mode: 'live' });
    expect(whileBadKey.providerState.state).toBe('bad-key');
    expect(engine.driver.status().state).toBe('running');
    expect(fetchQuotes.mock.calls.length).toBeGreaterThan(6);
  });

  it('fails with a ResourceError when the resources folder has no universe', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-resources-'));

    await expect(createEngine({ resourcesDir: empty })).rejects.toBeInstanceOf(ResourceError);
  });

  it('finds the repository resources folder by default', () => {
    expect(defaultResourcesDir()).toBe(resolve(RESOURCES_DIR));
  });
});
