/**
 * Closing the window hides it to the tray instead of quitting: the app keeps watching the market
 * and firing alerts. The first time, a notification says where it went. A real quit (tray menu,
 * app menu, OS logout) lets the window close.
 */
import { app, type BrowserWindow, Notification } from 'electron';

import type { DesktopPrefsStore } from './desktop-prefs.js';

export const HIDDEN_NOTICE = {
  title: 'Market Heatmap is still running',
  body: 'It keeps the map and your alerts up to date in the tray. Quit it from the tray menu.',
} as const;

/** Hides `win` on close unless the app is quitting; tells the user once. */
export function setupCloseToTray(win: BrowserWindow, prefs: DesktopPrefsStore): void {
  let quitting = false;
  // before-quit comes before Electron closes the windows; from then on, close means close.
  app.on('before-quit', () => {
    quitting = true;
  });

  win.on('close', (event) => {
    if (quitting) return;
    event.preventDefault();
    win.hide();

    if (prefs.get().trayNoticeShown) return;
    prefs.update({ trayNoticeShown: true });
    if (Notification.isSupported()) new Notification({ ...HIDDEN_NOTICE }).show();
  });
}
