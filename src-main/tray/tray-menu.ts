/**
 * The tray's context menu as a template: show or hide the window, pause or resume updates, the
 * provider's state, the last alerts, launch at login, Settings, the log folder, quit. Pure: it
 * only describes the menu; the caller builds it with `Menu.buildFromTemplate`.
 */
import type { MenuItemConstructorOptions } from 'electron';

import type { AlertEvent } from '../shared/alert-types.js';

/** How many recent alerts the menu lists. */
export const MENU_ALERTS = 5;

export interface TrayMenuState {
  windowVisible: boolean;
  paused: boolean;
  /** "Replay of 2026-08-07 closes — ok", already worded. */
  providerLine: string;
  /** Newest first. */
  recentAlerts: readonly AlertEvent[];
  launchAtLogin: boolean;
}

export interface TrayMenuActions {
  toggleWindow(): void;
  togglePause(): void;
  openAlert(event: AlertEvent): void;
  setLaunchAtLogin(enabled: boolean): void;
  openSettings(): void;
  openLogFolder(): void;
  quit(): void;
}

/** See the module comment. */
export function trayMenuTemplate(
  state: TrayMenuState,
  actions: TrayMenuActions,
): MenuItemConstructorOptions[] {
  const alerts: MenuItemConstructorOptions[] =
    state.recentAlerts.length === 0
      ? [{ label: 'No alerts yet', enabled: false }]
      : state.recentAlerts.slice(0, MENU_ALERTS).map((event) => ({
          label: `${shortTime(event.firedAt)}  ${event.title}`,
          click: () => actions.openAlert(event),
        }));

  return [
    { label: state.windowVisible ? 'Hide window' : 'Show window', click: actions.toggleWindow },
    { label: state.paused ? 'Resume updates' : 'Pause updates', click: actions.togglePause },
    { label: state.providerLine, enabled: false },
    { type: 'separator' },
    { label: 'Last alerts', submenu: alerts },
    { type: 'separator' },
    {
      label: 'Launch at login',
      type: 'checkbox',
      checked: state.launchAtLogin,
      click: (item) => actions.setLaunchAtLogin(item.checked),
    },
    { label: 'Settings…', click: actions.openSettings },
    { label: 'Open log folder', click: actions.openLogFolder },
    { type: 'separator' },
    { label: 'Quit Market Heatmap', click: actions.quit },
  ];
}

function shortTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? ''
    : date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}
