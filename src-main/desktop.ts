/**
 * The desktop side of the app around its main window: the tray, close-to-tray, notifications of
 * alerts, pausing and idling updates, and the actions they share (show the window, open a
 * tile or a view, open the log folder, quit).
 */
import { app, type BrowserWindow, shell } from 'electron';

import { setupAlertNotifications } from './alert-notifications.js';
import type { Backend } from './backend.js';
import { setupCloseToTray } from './close-to-tray.js';
import { createLogger, formatError } from './core/log.js';
import type { DesktopPrefsStore } from './desktop-prefs.js';
import { logFolder } from './logging.js';
import type { LoginItem } from './login-item.js';
import { setupPowerPacing } from './power-pacing.js';
import type { AppView } from './shared/ipc-contract.js';
import { setupTray } from './tray/tray.js';
import { createUpdateControl } from './update-control.js';
import { sendToAppWindows } from './window.js';
import { trackWindowState } from './window-state.js';

const log = createLogger('desktop');

export interface DesktopOptions {
  backend: Pick<Backend, 'engine' | 'alerts'>;
  prefs: DesktopPrefsStore;
  loginItem: LoginItem;
  /** The main window now (a new one on macOS after all were closed). */
  getWindow: () => BrowserWindow | undefined;
  /** Creates the main window when none exists. */
  createWindow: () => BrowserWindow;
  iconDir: string;
}

/** Wires a newly made main window: close hides it, its bounds are remembered. */
export function adoptMainWindow(win: BrowserWindow, prefs: DesktopPrefsStore): BrowserWindow {
  setupCloseToTray(win, prefs);
  trackWindowState(win, prefs);
  return win;
}

/** See the module comment. Returns a function that removes the tray and listeners. */
export function setupDesktop(options: DesktopOptions): () => void {
  const { backend } = options;
  const windowNow = (): BrowserWindow => options.getWindow() ?? options.createWindow();

  const showWindow = (): BrowserWindow => {
    const win = windowNow();
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
    return win;
  };
  const showView = (view: AppView): void => {
    showWindow();
    sendToAppWindows('app:show-view', { view });
  };

  const updates = createUpdateControl(backend.engine);
  const tray = setupTray({
    engine: backend.engine,
    updates,
    alerts: backend.alerts,
    loginItem: options.loginItem,
    iconDir: options.iconDir,
    window: {
      isVisible: () => options.getWindow()?.isVisible() ?? false,
      show: () => void showWindow(),
      hide: () => options.getWindow()?.hide(),
    },
    actions: {
      openSettings: () => showView('settings'),
      openAlert: (event) => {
        if (event.symbol) focusSymbol(event.symbol);
        else showView('alerts');
      },
      openLogFolder: () => {
        shell.openPath(logFolder()).then(
          (problem) => problem && log.warn('open log folder:', problem),
          (error: unknown) => log.warn('open log folder:', formatError(error)),
        );
      },
      quit: () => app.quit(),
    },
  });

  function focusSymbol(symbol: string): void {
    showWindow();
    sendToAppWindows('app:focus-symbol', { symbol });
  }

  const stopNotifications = setupAlertNotifications({
    alerts: backend.alerts,
    onClick: (event) => {
      if (event?.symbol) focusSymbol(event.symbol);
      else showView('alerts');
    },
  });
  const pacing = setupPowerPacing(updates, () => options.getWindow()?.isVisible() ?? false);

  // Showing or hiding the window changes both the idle policy and the tray's menu.
  const onVisibility = (): void => {
    pacing.update();
    tray.refresh();
  };
  const watchWindow = (win: BrowserWindow): void => {
    win.on('show', onVisibility);
    win.on('hide', onVisibility);
  };
  const current = options.getWindow();
  if (current) watchWindow(current);
  app.on('browser-window-created', (_event, win) => watchWindow(win));

  return () => {
    stopNotifications();
    pacing.dispose();
    updates.dispose();
    tray.destroy();
  };
}
