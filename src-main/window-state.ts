/**
 * Saves the main window's bounds (and whether it is maximised) as they change, and gives them
 * back, clamped to the displays connected now, for the next start.
 */
import { type BrowserWindow, screen } from 'electron';

import type { DesktopPrefsStore } from './desktop-prefs.js';
import { clampToDisplays, type Rect } from './window-bounds.js';

/** Moves and resizes come in bursts; save once they settle. */
const SAVE_DELAY_MS = 500;

/** The bounds to open the window with, or undefined for the default size. */
export function restoredBounds(prefs: DesktopPrefsStore): Rect | undefined {
  const areas = screen.getAllDisplays().map((display) => display.workArea);
  return clampToDisplays(prefs.get().windowBounds, areas);
}

/** Whether the window was maximised when last saved. */
export function wasMaximized(prefs: DesktopPrefsStore): boolean {
  return prefs.get().windowMaximized;
}

/** Keeps `prefs` in step with the window until it closes. */
export function trackWindowState(win: BrowserWindow, prefs: DesktopPrefsStore): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (win.isDestroyed()) return;
    // Normal bounds: a maximised window restores to its last unmaximised size.
    prefs.update({ windowBounds: win.getNormalBounds(), windowMaximized: win.isMaximized() });
  };
  const later = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };

  win.on('resize', later);
  win.on('move', later);
  win.on('maximize', save);
  win.on('unmaximize', save);
  win.on('close', save);
}
