/**
 * The Electron main process: a thin shell around the engine. It takes the single-instance
 * lock, starts the engine and the local HTTP layer, and opens a window on the renderer that
 * server serves. All market logic lives in src-main/core.
 */
import path from 'node:path';

import { app, dialog, safeStorage } from 'electron';

import { openAppStore } from './app-stores.js';
import { startBackend } from './backend.js';
import { createAlertStore } from './core/alerts/alert-store.js';
import { SYSTEM_CLOCK } from './core/domain/types.js';
import { DailyCloseCache } from './core/history/daily-close-cache.js';
import { createLogger, formatError } from './core/log.js';
import { adoptMainWindow, setupDesktop } from './desktop.js';
import { createDesktopPrefs } from './desktop-prefs.js';
import { createElectronSnapshotStore } from './electron-snapshot-store.js';
import { setupIpc } from './ipc.js';
import { createKeyStore } from './key-store.js';
import { setupMainWindow, setupQuit } from './lifecycle.js';
import { setupLogging } from './logging.js';
import { launchedHidden, setupLoginItem } from './login-item.js';
import { originOf } from './origin.js';
import { resolveAppPaths } from './paths.js';
import { setupPermissions } from './permissions.js';
import { createSenderCheck } from './sender-check.js';
import { createSettingsService, savedProviderSettings } from './settings-service.js';
import { createSettingsStore } from './settings-store.js';
import { setupSingleInstance } from './single-instance.js';
import { createViewStateStore } from './view-state-store.js';
import { setupWebContentsGuard } from './web-contents-guard.js';
import { createAppWindow, getMainWindow, isAppWindow, sendToAppWindows } from './window.js';
import { restoredBounds } from './window-state.js';

const log = createLogger('main');

/** The API port in development: vite's dev server proxies `/api` there (vite.config.ts). */
const DEV_API_PORT = 5174;

async function main(): Promise<void> {
  setupLogging();
  if (!setupSingleInstance(getMainWindow)) return;
  await app.whenReady();
  setupPermissions();

  const paths = resolveAppPaths();
  const devServerUrl = process.env.VITE_DEV_SERVER_URL;
  const settingsFile = openAppStore('settings');
  const settingsStore = createSettingsStore(settingsFile);
  const keys = createKeyStore(openAppStore('credentials'), safeStorage);
  const backend = await startBackend({
    resourcesDir: paths.resourcesDir,
    rendererDir: paths.rendererDir,
    store: createElectronSnapshotStore(openAppStore('snapshot')),
    port: devServerUrl ? devApiPort() : 0,
    extraOrigins: devServerUrl ? [originOf(devServerUrl)] : [],
    alertStore: createAlertStore(openAppStore('alerts')),
    viewStore: openAppStore('views'),
    providerSettings: savedProviderSettings(settingsStore, keys),
    dailyCloses: new DailyCloseCache(SYSTEM_CLOCK, app.getPath('userData')),
  });
  setupQuit(backend.stop);

  const settings = createSettingsService({ store: settingsStore, keys, engine: backend.engine });

  const rendererUrl = devServerUrl ?? `${backend.origin}/`;
  setupWebContentsGuard(() => originOf(rendererUrl));
  const prefs = createDesktopPrefs(openAppStore('desktop'));
  const loginItem = setupLoginItem(prefs);
  setupIpc({
    isTrustedSender: createSenderCheck({ allowedOrigin: originOf(rendererUrl), isAppWindow }),
    appInfo: () => ({
      version: app.getVersion(),
      platform: process.platform,
      apiBaseUrl: backend.origin,
    }),
    settings,
    broadcast: sendToAppWindows,
    loginItem,
    viewState: createViewStateStore(settingsFile),
  });

  let startHidden = launchedHidden();
  const createWindow = () => {
    const bounds = restoredBounds(prefs);
    const win = createAppWindow({
      url: rendererUrl,
      preloadPath: paths.preloadPath,
      startHidden,
      ...(bounds ? { bounds } : {}),
    });
    // Only the first window of a login launch stays hidden.
    startHidden = false;
    return adoptMainWindow(win, prefs);
  };
  setupMainWindow(createWindow, getMainWindow);
  setupDesktop({
    backend,
    prefs,
    loginItem,
    getWindow: getMainWindow,
    createWindow,
    iconDir: path.join(paths.resourcesDir, 'icons'),
  });
}

function devApiPort(): number {
  const port = Number(process.env.PORT ?? DEV_API_PORT);
  if (!Number.isInteger(port) || port <= 0 || port > 65_535) {
    throw new Error(`PORT must be an integer 1..65535, got "${process.env.PORT}"`);
  }
  return port;
}

main().catch((error: unknown) => {
  log.error('start: the app could not start', error);
  dialog.showErrorBox('Market Heatmap could not start', formatError(error));
  app.exit(1);
});
