/**
 * The main process with the real engine and the real HTTP server on the repository's
 * resources: the window's URL serves the whole universe, watchlists are kept in the app's own
 * store (userData), and quitting saves a snapshot to the (faked) electron-store.
 */
import { describe, expect, it, vi } from 'vitest';

import type { StocksResponse } from '../../src-main/shared/api-types.js';
import { app, BrowserWindow, type MockBrowserWindow } from '../mocks/electron.js';
import { savedStores } from '../mocks/electron-store.js';

vi.mock('electron-store', () => import('../mocks/electron-store.js'));

vi.mock('electron-log', () => import('../mocks/electron-log.js'));

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

    const created = await fetch(new URL('/api/watchlists', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: new URL(url).origin },
      body: JSON.stringify({ name: 'Desk', symbols: ['AAPL'] }),
    });
    expect(created.status).toBe(201);
    expect(savedStores.get('views')?.get('watchlists')).toMatchObject([
      { name: 'Desk', symbols: ['AAPL'] },
    ]);

    app.quit();
    await vi.waitFor(() => expect(app.state.quitting).toBe(true), { timeout: 10_000 });
    expect(savedStores.get('snapshot')?.get('snapshot')).toMatchObject({
      source: { mode: 'replay' },
    });
  }, 20_000);
});
