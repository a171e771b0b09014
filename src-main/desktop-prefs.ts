/**
 * Desktop-only preferences kept by the shell (electron-store `desktop.json`): launch at login
 * (off unless the user turns it on), whether the "still running in the tray" notice was shown,
 * and the window's last bounds. Values read back are validated; bad ones fall back to defaults.
 */
import { z } from 'zod';

import { createLogger } from './core/log.js';
import type { KeyValueStore } from './key-value-store.js';

const log = createLogger('desktop-prefs');
const PREFS_KEY = 'desktop';

const boundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});

const prefsSchema = z.object({
  launchAtLogin: z.boolean(),
  trayNoticeShown: z.boolean(),
  windowBounds: boundsSchema.nullable(),
  windowMaximized: z.boolean(),
});

export type DesktopPrefs = z.infer<typeof prefsSchema>;
export type WindowBounds = z.infer<typeof boundsSchema>;

/** Never launch at login unless the user asked. */
export const DEFAULT_DESKTOP_PREFS: Readonly<DesktopPrefs> = {
  launchAtLogin: false,
  trayNoticeShown: false,
  windowBounds: null,
  windowMaximized: false,
};

export interface DesktopPrefsStore {
  get(): DesktopPrefs;
  update(patch: Partial<DesktopPrefs>): DesktopPrefs;
}

export function createDesktopPrefs(kv: KeyValueStore): DesktopPrefsStore {
  const get = (): DesktopPrefs => {
    const stored = kv.get(PREFS_KEY);
    if (stored === undefined) return { ...DEFAULT_DESKTOP_PREFS };
    const parsed = prefsSchema.partial().safeParse(stored);
    if (parsed.success) return { ...DEFAULT_DESKTOP_PREFS, ...stripUndefined(parsed.data) };
    log.warn('read desktop prefs: stored values are invalid, using the defaults');
    return { ...DEFAULT_DESKTOP_PREFS };
  };
  return {
    get,
    update: (patch) => {
      const next = prefsSchema.parse({ ...get(), ...patch });
      kv.set(PREFS_KEY, next);
      return next;
    },
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
