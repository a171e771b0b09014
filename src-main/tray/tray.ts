/**
 * The tray icon: a tiny live heatmap (tray-pixels.ts) with the summary as tooltip (and title on
 * macOS), and the tray menu (tray-menu.ts). Redrawn after market changes at most every
 * MIN_REDRAW_MS, and at once when the menu's state changes (pause, window shown, an alert).
 */
import path from 'node:path';

import { Menu, type NativeImage, nativeImage, Tray } from 'electron';

import type { AlertService } from '../core/alerts/alert-monitor.js';
import type { Engine } from '../core/engine-types.js';
import { createLogger, formatError } from '../core/log.js';
import { summarizeMarket } from '../core/market/market-summary.js';
import type { AlertEvent } from '../shared/alert-types.js';
import { encodePng } from './png.js';
import { type TrayMenuActions, trayMenuTemplate } from './tray-menu.js';
import { renderTrayPixels } from './tray-pixels.js';
import { trayTitle, trayTooltip } from './tray-text.js';

const log = createLogger('tray');

/** The icon and tooltip follow the market at most this often. */
export const MIN_REDRAW_MS = 3_000;
/** The 32 px icon is a 16 pt image at 2x. */
const ICON_SCALE_FACTOR = 2;
const ALL = { sectors: [], categories: [] };

export interface TrayDependencies {
  engine: Pick<Engine, 'stocks' | 'health' | 'onChanges'>;
  updates: { pause(): Promise<void>; resume(): void; isPaused(): boolean };
  alerts: Pick<AlertService, 'list' | 'onAlert'>;
  window: { isVisible(): boolean; show(): void; hide(): void };
  loginItem: { get(): boolean; set(enabled: boolean): void };
  actions: Pick<TrayMenuActions, 'openSettings' | 'openLogFolder' | 'quit' | 'openAlert'>;
  /** Folder with the fallback icons (resources/icons). */
  iconDir: string;
  platform?: NodeJS.Platform;
  now?: () => number;
}

export interface AppTray {
  /** Redraws icon, tooltip and menu now. */
  refresh(): void;
  destroy(): void;
}

/** The plain icon for this platform, shown before the first data and if drawing fails. */
export function fallbackIcon(iconDir: string, platform: NodeJS.Platform): NativeImage {
  // macOS wants a monochrome "template" image that it tints for light and dark menu bars.
  const file = platform === 'darwin' ? 'trayTemplate.png' : 'tray.png';
  const image = nativeImage.createFromPath(path.join(iconDir, file));
  if (platform === 'darwin') image.setTemplateImage(true);
  return image;
}

/** Creates the tray (see the module comment). */
export function setupTray(deps: TrayDependencies): AppTray {
  const platform = deps.platform ?? process.platform;
  const now = deps.now ?? Date.now;
  const tray = new Tray(fallbackIcon(deps.iconDir, platform));
  let lastDrawnAt = Number.NEGATIVE_INFINITY;
  let pending: ReturnType<typeof setTimeout> | undefined;

  const menuActions: TrayMenuActions = {
    ...deps.actions,
    toggleWindow: () => {
      if (deps.window.isVisible()) deps.window.hide();
      else deps.window.show();
      refresh();
    },
    togglePause: () => {
      if (deps.updates.isPaused()) deps.updates.resume();
      else void deps.updates.pause().catch((e: unknown) => log.warn('pause:', formatError(e)));
      refresh();
    },
    setLaunchAtLogin: (enabled) => {
      deps.loginItem.set(enabled);
      refresh();
    },
  };

  function draw(): void {
    lastDrawnAt = now();
    const paused = deps.updates.isPaused();
    const health = deps.engine.health();
    const summary = summarizeMarket(deps.engine.stocks(ALL).stocks);

    try {
      const pixels = renderTrayPixels(summary);
      const png = encodePng(pixels.width, pixels.height, pixels.rgba);
      tray.setImage(nativeImage.createFromBuffer(png, { scaleFactor: ICON_SCALE_FACTOR }));
    } catch (error) {
      log.warn('draw tray icon: falling back to the plain icon', formatError(error));
      tray.setImage(fallbackIcon(deps.iconDir, platform));
    }
    tray.setToolTip(
      trayTooltip({ summary, source: health.source, lastUpdate: health.lastUpdate, paused }),
    );
    if (platform === 'darwin') tray.setTitle(trayTitle(summary, paused));

    const providerLine = `${health.source.label} — ${health.providerState.message}`;
    const menu = trayMenuTemplate(
      {
        windowVisible: deps.window.isVisible(),
        paused,
        providerLine: providerLine.length > 80 ? `${providerLine.slice(0, 79)}…` : providerLine,
        recentAlerts: deps.alerts.list().history,
        launchAtLogin: deps.loginItem.get(),
      },
      menuActions,
    );
    tray.setContextMenu(Menu.buildFromTemplate(menu));
  }

  function refresh(): void {
    clearTimeout(pending);
    pending = undefined;
    try {
      draw();
    } catch (error) {
      log.error('draw tray: failed', formatError(error));
    }
  }

  // Market changes come every second or faster; the icon needs far less.
  const onChanges = (): void => {
    if (pending) return;
    const wait = Math.max(0, lastDrawnAt + MIN_REDRAW_MS - now());
    pending = setTimeout(refresh, wait);
  };

  const unsubscribeChanges = deps.engine.onChanges(onChanges);
  const unsubscribeAlerts = deps.alerts.onAlert((_event: AlertEvent) => refresh());
  // Windows and most Linux trays: a click toggles the window (macOS opens the menu instead).
  tray.on('click', () => menuActions.toggleWindow());
  refresh();

  return {
    refresh,
    destroy: () => {
      clearTimeout(pending);
      unsubscribeChanges();
      unsubscribeAlerts();
      tray.destroy();
    },
  };
}
