/**
 * The main process with the real engine and the real HTTP server on the repository's
 * resources: the window's URL serves the whole universe, and quitting saves a snapshot to
 * the (faked) electron-store.
 */
import { describe, expect, it, vi } from 'vitest';

import type { StocksResponse } from '../../src-main/shared/api-types.js';
import { app, BrowserWindow, type MockBrowserWindow } from '../mocks/electron.js';

const saved = vi.hoisted(() => new Map<string, Map<string, unknown>>());

vi.mock('electron-store', () => ({
  default: class {
    private readonly values: Map<string, unknown>;
    constructor(options: { name: string }) {
      this.values = new Map();
      saved.set(options.name, this.values);
    }
    get = (key: string) => this.values.get(key);
    set = (key: string, value: unknown) => this.values.set(key, value);
    delete = (key: string) => this.values.delete(key);
  },
}));

vi.mock('electron-log', () => {
  const quiet = { debug() {}, info() {}, warn() {}, error() {} };
  // Like electron-log: hooks run on every message; the file transport knows its path.
  const file = { getFile: () => ({ path: '/tmp/electron-mock/logs/main.log' }) };
  return { default: { transports: { file }, hooks: [], scope: () => quiet } };
});

describe('main with the real engine', () => {
  it('serves the replayed universe to the window and saves a snapshot on quit', async () => {
    await import('../../src-main/main.js');
    await vi.waitFor(() => expect(BrowserWindow.getAllWindows()).toHaveLength(1), {
      timeout: 10_000,
    });
    const win = BrowserWindow.getAllWindows()[0] as unknown as MockBrowserWindow;
    const url = win.loadURL.mock.calls[0]?.[0] ?? '';

    const response = await fetch(new URL('/api/stocks', url));
    const body = (await response.json()) as StocksResponse;
    expect(response.status).toBe(200);
    expect(body.stocks.length).toBeGreaterThanOrEqual(500);
    expect(body.source.mode).toBe('replay');

    app.quit();
    await vi.waitFor(() => expect(app.state.quitting).toBe(true), { timeout: 10_000 });
    expect(saved.get('snapshot')?.get('snapshot')).toMatchObject({ source: { mode: 'replay' } });
  }, 20_000);
});
