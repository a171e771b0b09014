/**
 * The shell's electron-store files (in userData), each opened so that a corrupt file is kept
 * beside it and the app starts with that store empty instead of failing to start
 * (core/store/corrupt-tolerant.ts has the rule and the reason).
 */
import { join } from 'node:path';

import { app } from 'electron';
import ElectronStore from 'electron-store';

import { openTolerantStore } from './core/store/corrupt-tolerant.js';

export type AppStore = ElectronStore<Record<string, unknown>>;

/** Opens `<userData>/<name>.json`. */
export function openAppStore(name: string): AppStore {
  return openTolerantStore(
    (tolerant) => new ElectronStore<Record<string, unknown>>({ name, ...tolerant }),
    Date.now,
    join(app.getPath('userData'), `${name}.json`),
  );
}
