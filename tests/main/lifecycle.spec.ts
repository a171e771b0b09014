import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { setLogSink } from '../../src-main/core/log.js';
import { setupQuit, STOP_TIMEOUT_MS } from '../../src-main/lifecycle.js';
import { app } from '../mocks/electron.js';

let logged: string[];

beforeEach(() => {
  logged = [];
  setLogSink((level, module, line) => logged.push(`${level} [${module}] ${line}`));
});

afterEach(() => {
  vi.useRealTimers();
  setLogSink(undefined);
});

describe('setupQuit', () => {
  it('stops the backend once, then lets the quit through', async () => {
    const stop = vi.fn(async () => undefined);
    setupQuit(stop);

    app.quit();
    app.quit();
    expect(app.state.quitting).toBe(false);

    await vi.waitFor(() => expect(app.state.quitting).toBe(true));
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('quits anyway when the backend fails to stop', async () => {
    setupQuit(async () => {
      throw new Error('disk full');
    });

    app.quit();

    await vi.waitFor(() => expect(app.state.quitting).toBe(true));
    expect(logged).toEqual([
      expect.stringContaining('quit: the backend did not stop cleanly Error: disk full'),
    ]);
  });

  it('quits after STOP_TIMEOUT_MS when the backend hangs', async () => {
    vi.useFakeTimers();
    setupQuit(() => new Promise<void>(() => undefined));

    app.quit();
    await vi.advanceTimersByTimeAsync(STOP_TIMEOUT_MS - 1);
    expect(app.state.quitting).toBe(false);
    await vi.advanceTimersByTimeAsync(1);

    expect(app.state.quitting).toBe(true);
    expect(logged).toEqual([expect.stringContaining(`timed out after ${STOP_TIMEOUT_MS} ms`)]);
  });

  it.runIf(process.platform !== 'darwin')('quits when the last window closes', () => {
    setupQuit(async () => undefined);

    app.emit('window-all-closed');

    expect(app.quit).toHaveBeenCalled();
  });
});
