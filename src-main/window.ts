/**
 * The app window: secure webPreferences, no new windows, no navigation away from our own
 * origin, shown once its first paint is ready. Windows made here are the only IPC senders
 * main trusts (see `isAppWindow`).
 */
import { BrowserWindow, type WebContents, type WebPreferences } from 'electron';

import { createLogger } from './core/log.js';
import { openExternalSafely } from './external-links.js';
import { originOf } from './origin.js';
import type { EventChannel, EventContract } from './shared/ipc-contract.js';

const log = createLogger('window');

const DEFAULT_WIDTH = 1400;
const DEFAULT_HEIGHT = 900;
const MIN_WIDTH = 800;
const MIN_HEIGHT = 500;

/** Set explicitly on every window, even where they are Electron's defaults. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    preload: preloadPath,
  };
}

export interface AppWindowOptions {
  /** The page to load: the local HTTP server's `/`, or the vite dev server in development. */
  url: string;
  preloadPath: string;
  /** Saved bounds, already clamped to a connected display (window-state.ts). */
  bounds?: { x: number; y: number; width: number; height: number };
  /** Stay hidden in the tray after loading (a launch at login). */
  startHidden?: boolean;
}

const appWindows = new Set<BrowserWindow>();

/** True for windows created by `createAppWindow` that are still open. */
export function isAppWindow(win: BrowserWindow | null): boolean {
  return win !== null && appWindows.has(win);
}

/** The first open app window, if any (the one a second launch focuses). */
export function getMainWindow(): BrowserWindow | undefined {
  for (const win of appWindows) if (!win.isDestroyed()) return win;
  return undefined;
}

/** Sends a contract event to every open app window. */
export function sendToAppWindows<C extends EventChannel>(
  channel: C,
  payload: EventContract[C],
): void {
  for (const win of appWindows) {
    if (!win.isDestroyed()) win.webContents.send(channel, payload);
  }
}

/** Creates the app window on `url`; it shows itself when ready to paint. */
export function createAppWindow(options: AppWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: DEFAULT_WIDTH,
    height: DEFAULT_HEIGHT,
    ...options.bounds,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    title: 'Market Heatmap',
    backgroundColor: '#111318',
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  appWindows.add(win);
  win.on('closed', () => appWindows.delete(win));

  guardWebContents(win.webContents, new URL(options.url).origin);
  win.once('ready-to-show', () => {
    if (!options.startHidden) win.show();
  });

  win.loadURL(options.url).catch((error: unknown) => {
    log.error('load window: could not load the renderer', options.url, error);
  });
  return win;
}

/** Denies new windows (http(s) links go to the browser) and navigation to other origins. */
export function guardWebContents(contents: WebContents, allowedOrigin: string): void {
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });

  contents.on('will-navigate', (event) => {
    if (originOf(event.url) === allowedOrigin) return;
    event.preventDefault();
    log.warn('navigate: blocked navigation away from the app', originOf(event.url));
  });

  // The window has webviewTag off; this also covers any webview a later change might add.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
