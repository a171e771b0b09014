/**
 * Launch at login: an opt-in preference (never on by default), applied to the OS. macOS and
 * Windows use Electron's login items; Linux has none there, so an XDG autostart entry is
 * written. Either way the app starts hidden in the tray (`--hidden`).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { app } from 'electron';

import { createLogger, formatError } from './core/log.js';
import type { DesktopPrefsStore } from './desktop-prefs.js';

const log = createLogger('login-item');

/** The argument a login launch gets; the app then starts hidden in the tray. */
export const HIDDEN_ARG = '--hidden';
const AUTOSTART_FILE = 'market-heatmap.desktop';

export interface LoginItem {
  get(): boolean;
  set(enabled: boolean): void;
}

/** Whether this launch should start hidden: a login launch (our flag, or macOS's own). */
export function launchedHidden(argv: readonly string[] = process.argv): boolean {
  if (argv.includes(HIDDEN_ARG)) return true;
  return process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAsHidden;
}

/** Applies the saved preference to the OS now, and returns the toggle the UI uses. */
export function setupLoginItem(prefs: DesktopPrefsStore, platform = process.platform): LoginItem {
  const apply = (enabled: boolean): void => {
    try {
      if (platform === 'linux') writeAutostartEntry(enabled);
      else {
        app.setLoginItemSettings({ openAtLogin: enabled, openAsHidden: true, args: [HIDDEN_ARG] });
      }
    } catch (error) {
      log.warn('apply login item: the OS refused', formatError(error));
    }
  };

  // Only an explicit "on" is re-applied; a fresh install never registers itself.
  if (prefs.get().launchAtLogin) apply(true);

  return {
    get: () => prefs.get().launchAtLogin,
    set: (enabled) => {
      prefs.update({ launchAtLogin: enabled });
      apply(enabled);
      log.info(`login item: ${enabled ? 'on' : 'off'}`);
    },
  };
}

/** Writes or removes `~/.config/autostart/market-heatmap.desktop` (XDG autostart). */
function writeAutostartEntry(enabled: boolean): void {
  const configHome = process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config');
  const file = path.join(configHome, 'autostart', AUTOSTART_FILE);
  if (!enabled) {
    rmSync(file, { force: true });
    return;
  }
  // An AppImage runs from a temporary mount; APPIMAGE is the file to start again.
  const executable = process.env.APPIMAGE ?? process.execPath;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    [
      '[Desktop Entry]',
      'Type=Application',
      'Name=Market Heatmap',
      `Exec="${executable}" ${HIDDEN_ARG}`,
      'X-GNOME-Autostart-enabled=true',
      '',
    ].join('\n'),
  );
}
