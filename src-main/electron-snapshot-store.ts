/**
 * The engine's SnapshotStore in the app: the last snapshot lives in electron-store's JSON file
 * under userData, so a restart shows the last map at once. (Headless, the core uses conf for
 * the same job.) Like every SnapshotStore, it never throws from `load` on bad data.
 */
import { createLogger, formatError } from './core/log.js';
import { parseSnapshot, type SnapshotStore } from './core/store/snapshot-store.js';
import type { KeyValueStore } from './key-value-store.js';

const log = createLogger('snapshot-store');
const SNAPSHOT_KEY = 'snapshot';

export function createElectronSnapshotStore(kv: KeyValueStore): SnapshotStore {
  return {
    load: () => {
      let stored: unknown;
      try {
        stored = kv.get(SNAPSHOT_KEY);
      } catch (error) {
        log.warn('load snapshot: unreadable store, starting without one', formatError(error));
        return undefined;
      }
      if (stored === undefined) return undefined;

      const parsed = parseSnapshot(stored);
      if (parsed.ok) return parsed.snapshot;
      log.warn('load snapshot: stored snapshot is invalid, starting without one', parsed.error);
      return undefined;
    },
    save: (snapshot) => {
      try {
        kv.set(SNAPSHOT_KEY, snapshot);
      } catch (error) {
        // Losing one snapshot only costs a slower next start; never fail the quit for it.
        log.warn('save snapshot: could not write', formatError(error));
      }
    },
  };
}
