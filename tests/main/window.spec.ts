import { BrowserWindow, shell } from 'electron';
import { describe, expect, it } from 'vitest';

import { createAppWindow, getMainWindow, isAppWindow } from '../../src-main/window.js';
import { MockBrowserWindow } from '../mocks/electron.js';

const ORIGIN = 'http://127.0.0.1:5174';
const PRELOAD = '/app/dist-electron/preload.mjs';

function openWindow(): MockBrowserWindow {
  createAppWindow({ url: `${ORIGIN}/`, preloadPath: PRELOAD });
  const win = BrowserWindow.getAllWindows().at(-1);
  if (!win) throw new Error('no window was created');
  return win as unknown as MockBrowserWindow;
}

describe('createAppWindow', () => {
  it('sets the secure webPreferences explicitly on every window', () => {
    const windows = [openWindow(), openWindow()];

    for (const win of windows) {
      expect(win.options.webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        preload: PRELOAD,
      });
    }
  });

  it('loads the renderer URL and stays hidden until ready-to-show', () => {
    const win = openWindow();

    expect(win.loadURL).toHaveBeenCalledWith(`${ORIGIN}/`);
    expect(win.options.show).toBe(false);
    expect(win.show).not.toHaveBeenCalled();

    win.simulateReadyToShow();
    expect(win.show).toHaveBeenCalledTimes(1);
  });

  it('denies window.open and sends http(s) links to the browser through the shell', () => {
    const { webContents } = openWindow();

    const deny = { action: 'deny' };
    expect(webContents.simulateWindowOpen('https://example.com/news?a=1')).toEqual(deny);
    expect(webContents.simulateWindowOpen('http://example.org/')).toEqual(deny);

    expect(shell.openExternal).toHaveBeenCalledTimes(2);
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.com/news?a=1');
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'not a url'])(
    'denies window.open of %s and never hands it to the shell',
    (url) => {
      const { webContents } = openWindow();

      expect(webContents.simulateWindowOpen(url)).toEqual({ action: 'deny' });
      expect(shell.openExternal).not.toHaveBeenCalled();
    },
  );

  it('prevents navigation to a foreign origin and allows its own origin', () => {
    const { webContents } = openWindow();

    expect(webContents.simulateWillNavigate('https://evil.example/')).toBe(true);
    expect(webContents.simulateWillNavigate('http://127.0.0.1:9999/')).toBe(true);
    expect(webContents.simulateWillNavigate('file:///tmp/x.html')).toBe(true);
    expect(webContents.simulateWillNavigate(`${ORIGIN}/?sector=Energy`)).toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('refuses to attach webviews', () => {
    const { webContents } = openWindow();

    expect(webContents.simulatePreventable('will-attach-webview', {}, {})).toBe(true);
  });

  it('tracks its windows until they close', () => {
    const win = openWindow();
    const stranger = new BrowserWindow();

    expect(isAppWindow(win as unknown as BrowserWindow)).toBe(true);
    expect(isAppWindow(stranger)).toBe(false);
    expect(getMainWindow()).toBe(win);

    win.close();
    expect(isAppWindow(win as unknown as BrowserWindow)).toBe(false);
    expect(getMainWindow()).toBeUndefined();
  });
});
