import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { ConfSnapshotStore } from '../../../src-main/core/store/conf-snapshot-store.js';
import { SnapshotSaver } from '../../../src-main/core/store/snapshot-saver.js';
import { MemorySnapshotStore, type Snapshot } from '../../../src-main/core/store/snapshot-store.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { captureWarnings, stopCapture } from '../helpers/log-capture.js';

const SNAPSHOT: Snapshot = {
  savedAt: Date.parse('2026-08-07T15:00:00Z'),
  source: { provider: 'replay', mode: 'replay', label: 'Replay of 2026-08-07 closes' },
  quotes: [
    {
      symbol: 'AAPL',
      price: 313.1,
      previousClose: 312.41,
      volume: null,
      marketCap: 4.5e12,
      timestamp: 1,
      receivedAt: 2,
    },
  ],
};

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'snapshot-store-'));
}

describe('ConfSnapshotStore', () => {
  afterEach(stopCapture);

  it('gives back the saved snapshot after reopening the same folder', () => {
    const cwd = tempDir();
    new ConfSnapshotStore({ cwd }).save(SNAPSHOT);

    expect(new ConfSnapshotStore({ cwd }).load()).toEqual(SNAPSHOT);
  });

  it('loads nothing from an empty folder', () => {
    expect(new ConfSnapshotStore({ cwd: tempDir() }).load()).toBeUndefined();
  });

  it('starts empty with a warning when the file is not JSON, and can save again', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'snapshot.json'), '{"snapshot": {"savedAt": 1, "quo');
    const warnings = captureWarnings();

    const store = new ConfSnapshotStore({ cwd });
    const loaded = store.load();
    store.save(SNAPSHOT);

    expect(loaded).toBeUndefined();
    expect(warnings.join('\n')).toMatch(
      /is not a JSON object; kept as .*snapshot\.json\.corrupt-\d+, starting empty/,
    );
    expect(new ConfSnapshotStore({ cwd }).load()).toEqual(SNAPSHOT);
  });

  it('starts empty with a warning naming the field when the snapshot has the wrong shape', () => {
    const cwd = tempDir();
    writeFileSync(
      join(cwd, 'snapshot.json'),
      JSON.stringify({ snapshot: { ...SNAPSHOT, quotes: 'x' } }),
    );
    const warnings = captureWarnings();

    expect(new ConfSnapshotStore({ cwd }).load()).toBeUndefined();
    expect(warnings.join('\n')).toMatch(/invalid snapshot \(quotes:/);
  });
});

describe('SnapshotSaver', () => {
  it('saves at most once per interval, and always when asked directly', () => {
    const clock = new FakeClock(0);
    const store = new MemorySnapshotStore();
    let taken = 0;
    const saver = new SnapshotSaver(
      store,
      () => ({ ...SNAPSHOT, savedAt: ++taken }),
      clock,
      10_000,
    );

    const saves = [saver.maybeSave()];
    clock.advance(9_999);
    saves.push(saver.maybeSave());
    clock.advance(1);
    saves.push(saver.maybeSave());
    saver.saveNow();

    expect(saves).toEqual([true, false, true]);
    expect(store.load()?.savedAt).toBe(3);
  });
});
