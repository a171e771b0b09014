/**
 * When the app quits and when it makes its window. Quitting waits for the backend to stop (the
 * engine saves its snapshot then), but never longer than STOP_TIMEOUT_MS.
 */
import { app, type BrowserWindow } from 'electron';

import { createLogger, formatError } from './core/log.js';

const log = createLogger('lifecycle');

/** Longest a quit waits for the engine to save and stop. */
export const STOP_TIMEOUT_MS = 5_000;

/**
 * Stops the backend before the app exits. Electron's `before-quit` cannot await, so the first
 * one is cancelled, the backend stopped, and quit asked again.
 */
export function setupQuit(stopBackend: () => Promise<void>): void {
  let stopped = false;
  let stopping = false;

  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    if (stopping) return;
    stopping = true;

    void withTimeout(stopBackend(), STOP_TIMEOUT_MS)
      .catch((error: unknown) => {
        log.error('quit: the backend did not stop cleanly', formatError(error));
      })
      .finally(() => {
        stopped = true;
        app.quit();
      });
  });

  // Closing the main window hides it to the tray (close-to-tray.ts), so every window closes
  // only on the way out; this quit covers a window destroyed some other way (macOS apps
  // conventionally stay in the dock then).
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

/** Creates the main window now, and again when macOS re-activates an app without one. */
export function setupMainWindow(
  createWindow: () => BrowserWindow,
  getWindow: () => BrowserWindow | undefined,
): BrowserWindow {
  app.on('activate', () => {
    if (!getWindow()) createWindow();
  });
  return createWindow();
}

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
