import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';

import type { Snapshot } from '../../src-main/core/store/snapshot-store.js';
import { createElectronSnapshotStore } from '../../src-main/electron-snapshot-store.js';
import { createMemoryStore, type KeyValueStore } from '../../src-main/key-value-store.js';

const SNAPSHOT: Snapshot = {
  savedAt: Date.UTC(2026, 7, 7, 20),
  source: { provider: 'replay', mode: 'replay', label: 'Replay of 2026-08-07 closes' },
  quotes: [
    {
      symbol: 'AAPL',
      price: 210.5,
      previousClose: 208,
      volume: null,
      marketCap: null,
      timestamp: Date.UTC(2026, 7, 7, 20),
      receivedAt: Date.UTC(2026, 7, 7, 20),
    },
  ],
};

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** electron-store is conf plus Electron's paths; conf in a temp folder is the same file store. */
function confStore(dir: string): KeyValueStore {
  return new Conf<Record<string, unknown>>({
    projectName: 'heatmap-test',
    cwd: dir,
    configName: 'snapshot',
  });
}

describe('createElectronSnapshotStore', () => {
  it('loads nothing from an empty store', () => {
    expect(createElectronSnapshotStore(createMemoryStore()).load()).toBeUndefined();
  });

  it('round-trips a snapshot through a JSON file across store instances', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'heatmap-snapshot-'));
    dirs.push(dir);

    createElectronSnapshotStore(confStore(dir)).save(SNAPSHOT);

    expect(createElectronSnapshotStore(confStore(dir)).load()).toEqual(SNAPSHOT);
  });

  it('ignores a stored value that is not a valid snapshot', () => {
    const store = createElectronSnapshotStore(createMemoryStore({ snapshot: { savedAt: 'x' } }));

    expect(store.load()).toBeUndefined();
  });

  it('neither load nor save throws when the underlying store fails', () => {
    const broken: KeyValueStore = {
      get: () => {
        throw new Error('EACCES');
      },
      set: () => {
        throw new Error('ENOSPC');
      },
      delete: () => undefined,
    };
    const store = createElectronSnapshotStore(broken);

    expect(store.load()).toBeUndefined();
    expect(() => store.save(SNAPSHOT)).not.toThrow();
  });
});
