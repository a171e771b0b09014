/**
 * Every JSON store of the app, opened over a file that is not a JSON object: it starts empty,
 * keeps the bad text beside the file, warns with both paths, and saves a good file again.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';

import { openConfAlertStore } from '../../../src-main/core/alerts/conf-alert-store.js';
import { ConfUsageStore } from '../../../src-main/core/scheduler/usage-store.js';
import { ConfSnapshotStore } from '../../../src-main/core/store/conf-snapshot-store.js';
import { openTolerantStore } from '../../../src-main/core/store/corrupt-tolerant.js';
import { openConfViewStore } from '../../../src-main/core/views/view-store.js';
import { captureWarnings, stopCapture } from '../helpers/log-capture.js';

afterEach(stopCapture);

/** Each store: its file name, how to open it, and a save-then-load round trip. */
const STORES = [
  {
    file: 'views.json',
    roundTrip: (cwd: string) => {
      openConfViewStore({ cwd }).set('filters', [{ name: 'big' }]);
      return openConfViewStore({ cwd }).get('filters');
    },
    empty: (cwd: string) => openConfViewStore({ cwd }).get('filters'),
    saved: [{ name: 'big' }],
  },
  {
    file: 'alerts.json',
    roundTrip: (cwd: string) => {
      openConfAlertStore({ cwd }).saveHistory([]);
      return openConfAlertStore({ cwd }).loadHistory();
    },
    empty: (cwd: string) => openConfAlertStore({ cwd }).loadRules(),
    saved: [],
  },
  {
    file: 'usage.json',
    roundTrip: (cwd: string) => {
      new ConfUsageStore({ cwd }).save('finnhub', { day: '2026-12-04', used: 7 });
      return new ConfUsageStore({ cwd }).load('finnhub');
    },
    empty: (cwd: string) => new ConfUsageStore({ cwd }).load('finnhub'),
    saved: { day: '2026-12-04', used: 7 },
  },
  {
    file: 'snapshot.json',
    roundTrip: (cwd: string) => new ConfSnapshotStore({ cwd }).path,
    empty: (cwd: string) => new ConfSnapshotStore({ cwd }).load(),
    saved: undefined,
  },
] as const;

describe('corrupt-tolerant stores', () => {
  for (const store of STORES) {
    for (const [what, text] of [
      ['truncated JSON', '{"rules": [ {"id": "r1", '],
      ['a JSON array', '[1, 2, 3]'],
      ['binary garbage', '\u0000\u0001\uFFFD not json'],
    ] as const) {
      it(`${store.file}: ${what} starts empty and is kept beside the file`, () => {
        const cwd = mkdtempSync(join(tmpdir(), 'tolerant-'));
        writeFileSync(join(cwd, store.file), text);
        const warnings = captureWarnings();

        const loaded = store.empty(cwd);

        expect(loaded === undefined || (Array.isArray(loaded) && loaded.length === 0)).toBe(true);
        const backups = readdirSync(cwd).filter((f) => f.startsWith(`${store.file}.corrupt-`));
        expect(backups).toHaveLength(1);
        expect(readFileSync(join(cwd, backups[0]!), 'utf8')).toBe(text);
        expect(warnings.join('\n')).toContain(`${store.file} is not a JSON object; kept as`);
      });
    }

    it(`${store.file}: a directory in the file's place is moved aside, not a crash`, () => {
      const cwd = mkdtempSync(join(tmpdir(), 'tolerant-'));
      mkdirSync(join(cwd, store.file));
      writeFileSync(join(cwd, store.file, 'inside.txt'), 'kept');
      const warnings = captureWarnings();

      const loaded = store.empty(cwd);

      expect(loaded === undefined || (Array.isArray(loaded) && loaded.length === 0)).toBe(true);
      const aside = readdirSync(cwd).filter((f) => f.startsWith(`${store.file}.corrupt-`));
      expect(aside).toHaveLength(1);
      expect(readFileSync(join(cwd, aside[0]!, 'inside.txt'), 'utf8')).toBe('kept');
      expect(warnings.join('\n')).toContain(`${store.file} is not a file; moved to`);
    });

    it(`${store.file}: saves and reads back normally after a corrupt start`, () => {
      const cwd = mkdtempSync(join(tmpdir(), 'tolerant-'));
      writeFileSync(join(cwd, store.file), 'nope');
      store.empty(cwd);

      const result = store.roundTrip(cwd);

      if (store.saved !== undefined) expect(result).toEqual(store.saved);
    });
  }

  it('never overwrites an earlier backup made in the same millisecond', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'tolerant-'));
    const open = () =>
      openTolerantStore(
        (tolerant) => new Conf<Record<string, unknown>>({ projectName: 'x', cwd, ...tolerant }),
        () => 1_000,
      );
    writeFileSync(join(cwd, 'config.json'), 'first');
    open();
    writeFileSync(join(cwd, 'config.json'), 'second');
    open();

    const backups = readdirSync(cwd)
      .filter((f) => f.includes('.corrupt-'))
      .sort();
    expect(backups).toEqual(['config.json.corrupt-1000', 'config.json.corrupt-1000-1']);
    expect(readFileSync(join(cwd, backups[1]!), 'utf8')).toBe('second');
  });

  it('leaves a good file alone', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'tolerant-'));
    writeFileSync(join(cwd, 'views.json'), '{"filters": [{"name": "kept"}]}');

    expect(openConfViewStore({ cwd }).get('filters')).toEqual([{ name: 'kept' }]);
    expect(readdirSync(cwd).filter((f) => f.includes('.corrupt-'))).toEqual([]);
  });
});
