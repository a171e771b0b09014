/**
 * The main process wiring, run against the fake electron: it starts the engine and the real
 * local HTTP server, opens the window on that server, and stops both on quit.
 */
import { createServer } from 'node:net';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { Engine } from '../../src-main/core/engine-types.js';
import { app, BrowserWindow, dialog, type MockBrowserWindow } from '../mocks/electron.js';

const engineMock = vi.hoisted(() => ({
  createEngine: vi.fn(),
}));

// A fake engine keeps this spec about the wiring (and fast); main-real-engine.spec.ts runs the
// real one.
vi.mock('../../src-main/core/engine.js', () => engineMock);

vi.mock('electron-store', () => import('../mocks/electron-store.js'));

vi.mock('electron-log', () => import('../mocks/electron-log.js'));

function fakeEngine() {
  return {
    sectors: () => ['Energy'],
    categories: () => ['sp500'],
    stocks: vi.fn(),
    health: () => ({
      status: 'ok',
      provider: 'replay',
      mode: 'replay',
      source: { provider: 'replay', mode: 'replay', label: 'Replay' },
      lastUpdate: null,
      counts: { live: 0, stale: 0, missing: 0 },
      providerState: {
        state: 'starting' as const,
        message: 'Playing the embedded replay.',
        retryAt: null,
        callsToday: 0,
        callsLeftToday: null,
        fullRefreshSeconds: null,
        limitations: [],
      },
      uptimeSeconds: 1,
      version: '0.1.0',
    }),
    onChanges: () => () => undefined,
    configureProvider: vi.fn(async () => undefined),
    testKey: vi.fn(async () => ({ ok: true as const, detail: 'fake' })),
    watch: () => () => undefined,
    start: vi.fn(async () => undefined),
    stop: vi.fn(async () => undefined),
  } satisfies Engine;
}

let engine: ReturnType<typeof fakeEngine>;

beforeEach(() => {
  vi.resetModules();
  engine = fakeEngine();
  engineMock.createEngine.mockReset().mockResolvedValue(engine);
  delete process.env.VITE_DEV_SERVER_URL;
});

afterEach(async () => {
  // Quit whatever a test left running so its HTTP server closes.
  app.quit();
  await vi.waitFor(() => expect(app.state.quitting || !app.hasSingleInstanceLock()).toBe(true));
});

async function startMain(): Promise<MockBrowserWindow> {
  await import('../../src-main/main.js');
  await vi.waitFor(() => expect(BrowserWindow.getAllWindows()).toHaveLength(1));
  return BrowserWindow.getAllWindows()[0] as unknown as MockBrowserWindow;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

describe('main', () => {
  it('starts the engine with the repo resources and a snapshot store', async () => {
    await startMain();

    expect(engineMock.createEngine).toHaveBeenCalledWith(
      expect.objectContaining({
        resourcesDir: path.join(process.cwd(), 'resources'),
        store: expect.objectContaining({ load: expect.any(Function), save: expect.any(Function) }),
      }),
    );
    expect(engine.start).toHaveBeenCalledTimes(1);
  });

  it('opens the window on the local HTTP server, which answers on 127.0.0.1', async () => {
    const win = await startMain();

    const url = win.loadURL.mock.calls[0]?.[0] ?? '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const health = await fetch(new URL('/api/health', url));
    expect(health.status).toBe(200);
    await expect(health.json()).resolves.toMatchObject({ provider: 'replay' });
  });

  it('stops the HTTP server and then the engine when the app quits', async () => {
    const win = await startMain();
    const url = win.loadURL.mock.calls[0]?.[0] ?? '';

    app.quit();

    await vi.waitFor(() => expect(app.state.quitting).toBe(true));
    expect(engine.stop).toHaveBeenCalledTimes(1);
    await expect(fetch(new URL('/api/health', url))).rejects.toThrow();
    expect(BrowserWindow.getAllWindows()).toHaveLength(0);
  });

  it('uses the packaged resources folder in a packaged app', async () => {
    app.isPackaged = true;
    const resourcesPath = path.join(path.sep, 'opt', 'Market Heatmap', 'resources');
    vi.stubGlobal('process', Object.assign(process, { resourcesPath }));

    await startMain();

    expect(engineMock.createEngine).toHaveBeenCalledWith(
      expect.objectContaining({ resourcesDir: path.join(resourcesPath, 'resources') }),
    );
    vi.unstubAllGlobals();
  });

  it('loads the vite dev server in development, with the API on PORT', async () => {
    const port = await freePort();
    vi.stubEnv('VITE_DEV_SERVER_URL', 'http://localhost:5173/');
    vi.stubEnv('PORT', String(port));

    const win = await startMain();

    expect(win.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
    vi.unstubAllEnvs();
  });

  it('starts nothing when another instance holds the lock', async () => {
    app.configure({ lockAvailable: false });

    await import('../../src-main/main.js');
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());

    expect(engineMock.createEngine).not.toHaveBeenCalled();
    expect(BrowserWindow.getAllWindows()).toHaveLength(0);
  });

  it('shows an error and exits when the engine cannot start', async () => {
    engineMock.createEngine.mockRejectedValue(new Error('universe.json is missing'));

    await import('../../src-main/main.js');

    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(1));
    expect(dialog.showErrorBox).toHaveBeenCalledWith(
      'Market Heatmap could not start',
      expect.stringContaining('universe.json is missing'),
    );
  });
});
