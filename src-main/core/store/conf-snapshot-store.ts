/**
 * The headless SnapshotStore, on `conf` (a JSON file in the user's config folder, or in `cwd`).
 * A corrupted file never stops startup: it is kept beside it (corrupt-tolerant.ts) and the engine
 * starts empty.
 */
import type Conf from 'conf';

import { createLogger, formatError } from '../log.js';
import { openConfFile } from './corrupt-tolerant.js';
import { parseSnapshot, type Snapshot, type SnapshotStore } from './snapshot-store.js';

const log = createLogger('snapshot-store');

export const SNAPSHOT_CONFIG_NAME = 'snapshot';
const SNAPSHOT_KEY = 'snapshot';

export interface ConfSnapshotStoreOptions {
  /** Folder of the store file; default: the OS config folder for `market-heatmap`. */
  cwd?: string;
}

type StoreShape = Record<string, unknown>;

/** See the module comment. */
export class ConfSnapshotStore implements SnapshotStore {
  private readonly conf: Conf<StoreShape>;

  constructor(options: ConfSnapshotStoreOptions = {}) {
    this.conf = openConfFile(SNAPSHOT_CONFIG_NAME, options);
  }

  /** Path of the store file. */
  get path(): string {
    return this.conf.path;
  }

  load(): Snapshot | undefined {
    let stored: unknown;
    try {
      stored = this.conf.get(SNAPSHOT_KEY);
    } catch (error: unknown) {
      const path = this.conf.path;
      log.warn(`load snapshot: ${path} is unreadable, starting empty`, formatError(error));
      return undefined;
    }
    if (stored === undefined) return undefined;

    const parsed = parseSnapshot(stored);
    if (parsed.ok) return parsed.snapshot;
    log.warn(
      `load snapshot: ${this.conf.path} holds an invalid snapshot (${parsed.error}), starting empty`,
    );
    return undefined;
  }

  save(snapshot: Snapshot): void {
    try {
      this.conf.set(SNAPSHOT_KEY, snapshot);
    } catch (error: unknown) {
      // Losing one snapshot only costs a slower next start; the engine keeps running.
      log.error(`save snapshot: cannot write ${this.conf.path}`, formatError(error));
    }
  }
}
