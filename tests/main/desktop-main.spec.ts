/**
 * The desktop behaviour of the whole main process, against the fake electron: closing hides to
 * the tray (said once), quitting really quits, a second launch focuses the window, launch at
 * login is off by default, alerts become notifications that open the tile, every window has
 * the secure webPreferences, and any other webContents is guarded too.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { secureWebPreferences } from '../../src-main/window.js';
import { TestMarket } from '../core/alerts/market-fixture.js';
import {
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  type MockBrowserWindow,
  Notification,
  Tray,
} from '../mocks/electron.js';

const engineMock = vi.hoisted(() => ({ createEngine: vi.fn() }));
vi.mock('../../src-main/core/engine.js', () => engineMock);

vi.mock('electron-store', () => import('../mocks/electron-store.js'));

vi.mock('electron-log', () => import('../mocks/electron-log.js'));

let market: TestMarket;

function fakeEngine() {
  let paused = false;
  return {
    sectors: market.sectors,
    categories: () => ['sp500'],
    stocks: market.stocks,
    onChanges: market.onChanges,
    health: () => ({
      status: 'ok',
      provider: 'replay',
      mode: 'replay',
      source: { provider: 'replay', mode: 'replay', label: 'Replay' },
      lastUpdate: null,
      counts: { live: 4, stale: 0, missing: 0 },
      providerState: { state: 'ok', message: 'Playing the replay.' },
      uptimeSeconds: 1,
      version: '0.1.0',
    }),
    configureProvider: vi.fn(async () => undefined),
    testKey: vi.fn(async () => ({ ok: true as const, detail: 'fake' })),
    watch: () => () => undefined,
    start: vi.fn(async () => undefined),
    stop: vi.fn(async () => undefined),
    pause: vi.fn(async () => {
      paused = true;
    }),
    resume: vi.fn(() => {
      paused = false;
    }),
    isPaused: () => paused,
  };
}

beforeEach(() => {
  vi.resetModules();
  market = new TestMarket();
  engineMock.createEngine.mockReset().mockResolvedValue(fakeEngine());
  delete process.env.VITE_DEV_SERVER_URL;
});

afterEach(async () => {
  app.quit();
  await vi.waitFor(() => expect(app.state.quitting || !app.hasSingleInstanceLock()).toBe(true));
});

async function startMain(): Promise<MockBrowserWindow> {
  await import('../../src-main/main.js');
  await vi.waitFor(() => expect(Tray.instances).toHaveLength(1));
  const win = BrowserWindow.getAllWindows()[0] as unknown as MockBrowserWindow;
  win.simulateReadyToShow();
  return win;
}

const trayMenu = (): Menu => Tray.instances[0]!.contextMenu as unknown as Menu;

describe('desktop lifecycle', () => {
  it('hides the window to the tray on close, and says so only the first time', async () => {
    const win = await startMain();

    win.close();
    expect(win.isDestroyed()).toBe(false);
    expect(win.isVisible()).toBe(false);
    expect(Notification.instances.map((n) => n.options.title)).toEqual([
      'Market Heatmap is still running',
    ]);

    trayMenu().simulateClick('Show window');
    expect(win.isVisible()).toBe(true);
    win.close();
    expect(Notification.instances).toHaveLength(1);
    expect(app.state.quitting).toBe(false);
  });

  it('quits for real from the tray menu', async () => {
    const win = await startMain();

    trayMenu().simulateClick('Quit Market Heatmap');

    await vi.waitFor(() => expect(app.state.quitting).toBe(true));
    expect(win.isDestroyed()).toBe(true);
  });

  it('brings the window back when the app is launched a second time', async () => {
    const win = await startMain();
    win.hide();

    app.simulateSecondInstance();

    expect(win.isVisible()).toBe(true);
    expect(win.focus).toHaveBeenCalled();
  });

  it('does not launch at login unless the user turns it on', async () => {
    await startMain();
    const fromApp = { webContents: BrowserWindow.getAllWindows()[0]!.webContents };

    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
    expect(app.getLoginItemSettings().openAtLogin).toBe(false);
    await expect(ipcMain.simulateInvoke('desktop:get-launch-at-login', fromApp)).resolves.toBe(
      false,
    );
    expect(trayMenu().item('Launch at login')?.checked).toBe(false);
  });

  it('refuses the login-item channel from an unknown sender or with a bad argument', async () => {
    await startMain();
    const fromApp = { webContents: BrowserWindow.getAllWindows()[0]!.webContents };
    const stranger = new BrowserWindow() as unknown as MockBrowserWindow;

    const fromStranger = { webContents: stranger.webContents };
    await expect(
      ipcMain.simulateInvoke('desktop:set-launch-at-login', fromStranger, true),
    ).rejects.toThrow('desktop:set-launch-at-login: refused, the sender is not an app window');
    await expect(
      ipcMain.simulateInvoke('desktop:set-launch-at-login', fromApp, 'yes'),
    ).rejects.toThrow(/desktop:set-launch-at-login: invalid arguments at 0/);
  });

  it('notifies an alert, and a click opens the window at its tile', async () => {
    const win = await startMain();
    const monitorRule = { kind: 'price', symbol: 'AAPL', direction: 'above', level: 250 };
    const origin = new URL(win.loadURL.mock.calls[0]![0]).origin;
    const created = await fetch(`${origin}/api/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(monitorRule),
    });
    expect(created.status).toBe(201);
    win.hide();

    market.set('AAPL', { price: 260 });
    market.emit();

    const shown = Notification.instances.find((n) => n.options.title === 'AAPL above $250.00');
    expect(shown?.show).toHaveBeenCalled();
    shown!.simulateClick();
    expect(win.isVisible()).toBe(true);
    expect(win.webContents.send).toHaveBeenCalledWith('app:focus-symbol', { symbol: 'AAPL' });
  });

  it('notifies when stocks start matching a criteria rule in the filter language', async () => {
    const win = await startMain();
    const origin = new URL(win.loadURL.mock.calls[0]![0]).origin;
    const post = (expression: string) =>
      fetch(`${origin}/api/alerts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'criteria', expression }),
      });

    const refused = await post('changePercent >> 2');
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toMatch(/changePercent >> 2\n/);
    expect((await post('sector = "Energy" and changePercent > 3')).status).toBe(201);

    market.set('XOM', { changePercent: 4 });
    market.emit();

    const shown = Notification.instances.find(
      (n) => n.options.title === 'XOM matches your criteria',
    );
    expect(shown?.show).toHaveBeenCalled();
  });

  it('gives every window the secure webPreferences and guards any other webContents', async () => {
    await startMain();
    const stray = new BrowserWindow({}) as unknown as MockBrowserWindow;

    for (const win of BrowserWindow.getAllWindows() as unknown as MockBrowserWindow[]) {
      if (win === stray) continue;
      expect(win.options.webPreferences).toEqual(
        secureWebPreferences(win.options.webPreferences?.preload ?? ''),
      );
    }
    expect(stray.webContents.simulateWindowOpen('https://example.com/')).toEqual({
      action: 'deny',
    });
    expect(stray.webContents.simulateWillNavigate('https://evil.example/')).toBe(true);
    expect(stray.webContents.simulatePreventable('will-attach-webview')).toBe(true);
  });
});
