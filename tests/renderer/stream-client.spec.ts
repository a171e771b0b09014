import { describe, expect, it, vi } from 'vitest';

import type { StocksResponse } from '../../src-main/shared/api-types';
import {
  connectStream,
  type StreamDeps,
  type StreamStatus,
} from '../../src-renderer/api/stream-client';

/** A scriptable stand-in for EventSource: tests fire its events by hand. */
class FakeEventSource {
  listeners = new Map<string, (e: MessageEvent) => void>();
  onerror: (() => void) | null = null;
  closed = false;
  constructor(public url: string) {}
  addEventListener(type: string, fn: (e: MessageEvent) => void) {
    this.listeners.set(type, fn);
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data: unknown) {
    this.listeners.get(type)?.({ data: JSON.stringify(data) } as MessageEvent);
  }
}

function setup() {
  const sources: FakeEventSource[] = [];
  const timers: Array<{ fn: () => void; ms: number; cleared: boolean }> = [];
  const deps: StreamDeps = {
    createEventSource: (url) => {
      const es = new FakeEventSource(url);
      sources.push(es);
      return es as unknown as EventSource;
    },
    setTimeout: (fn, ms) => {
      const t = { fn, ms, cleared: false };
      timers.push(t);
      return t;
    },
    clearTimeout: (h) => {
      (h as { cleared: boolean }).cleared = true;
    },
    now: () => 1_000_000,
    random: () => 0,
  };
  const statuses: StreamStatus[] = [];
  const handlers = {
    onSnapshot: vi.fn(),
    onChanges: vi.fn(),
    onStatus: (s: StreamStatus) => statuses.push(s),
  };
  return { sources, timers, deps, statuses, handlers };
}

const snapshot: StocksResponse = {
  asOf: '2026-08-07T14:00:00Z',
  source: { provider: 'replay', mode: 'replay', label: 'Replay of 2026-08-07 closes' },
  stocks: [],
};

describe('stream client', () => {
  it('opens the stream with the filter query', () => {
    const t = setup();
    connectStream('?sector=Energy', t.handlers, t.deps);
    expect(t.sources[0]?.url).toBe('/api/stream?sector=Energy');
    expect(t.statuses).toEqual([{ kind: 'connecting' }]);
  });

  it('passes snapshots and change batches on', () => {
    const t = setup();
    connectStream('', t.handlers, t.deps);
    t.sources[0]?.emit('snapshot', snapshot);
    t.sources[0]?.emit('changes', { asOf: 'x', source: snapshot.source, changes: [] });

    expect(t.handlers.onSnapshot).toHaveBeenCalledWith(snapshot);
    expect(t.handlers.onChanges).toHaveBeenCalledTimes(1);
    expect(t.statuses.at(-1)).toEqual({ kind: 'open' });
  });

  it('drops a malformed event without failing', () => {
    const t = setup();
    connectStream('', t.handlers, t.deps);
    t.sources[0]?.listeners.get('changes')?.({ data: '{nope' } as MessageEvent);
    expect(t.handlers.onChanges).not.toHaveBeenCalled();
  });

  it('retries with growing delays and says when the next try is', () => {
    const t = setup();
    connectStream('?category=dow30', t.handlers, t.deps);

    t.sources[0]?.onerror?.();
    expect(t.sources[0]?.closed).toBe(true);
    expect(t.statuses.at(-1)).toEqual({ kind: 'retrying', attempt: 1, retryAt: 1_001_000 });

    t.timers[0]?.fn();
    expect(t.sources[1]?.url).toBe('/api/stream?category=dow30');
    t.sources[1]?.onerror?.();
    expect(t.timers[1]?.ms).toBe(2000);
  });

  it('resets the back-off after a snapshot', () => {
    const t = setup();
    connectStream('', t.handlers, t.deps);
    t.sources[0]?.onerror?.();
    t.timers[0]?.fn();
    t.sources[1]?.emit('snapshot', snapshot);
    t.sources[1]?.onerror?.();
    expect(t.timers[1]?.ms).toBe(1000);
  });

  it('reconnects at once on retryNow', () => {
    const t = setup();
    const c = connectStream('', t.handlers, t.deps);
    t.sources[0]?.onerror?.();
    c.retryNow();
    expect(t.timers[0]?.cleared).toBe(true);
    expect(t.sources).toHaveLength(2);
  });

  it('stops everything on close', () => {
    const t = setup();
    const c = connectStream('', t.handlers, t.deps);
    t.sources[0]?.onerror?.();
    c.close();
    expect(t.timers[0]?.cleared).toBe(true);

    const t2 = setup();
    const c2 = connectStream('', t2.handlers, t2.deps);
    c2.close();
    expect(t2.sources[0]?.closed).toBe(true);
    t2.sources[0]?.emit('snapshot', snapshot);
    expect(t2.handlers.onSnapshot).not.toHaveBeenCalled();
  });
});
