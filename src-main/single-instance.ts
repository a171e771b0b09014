/**
 * One app per user: a second launch hands over to the first, which comes to the front.
 */
import { app, type BrowserWindow } from 'electron';

/**
 * Takes the single-instance lock. Returns false (and quits) when another instance holds it;
 * the caller must then stop setting up.
 */
export function setupSingleInstance(getWindow: () => BrowserWindow | undefined): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }

  app.on('second-instance', () => {
    const win = getWindow();
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  return true;
}
