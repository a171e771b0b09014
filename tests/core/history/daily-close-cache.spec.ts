import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import {
  DAILY_CLOSES_FILE,
  DailyCloseCache,
  SAVE_INTERVAL_MS,
} from '../../../src-main/core/history/daily-close-cache.js';
import { setLogLevel, setLogSink } from '../../../src-main/core/log.js';
import { ConfSnapshotStore } from '../../../src-main/core/store/conf-snapshot-store.js';
import { FakeClock } from '../helpers/fake-clock.js';

const T0 = Date.parse('2026-11-25T20:00:00Z');

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'daily-closes-'));
}

function captureWarnings(): string[] {
  const lines: string[] = [];
  setLogLevel('warn');
  setLogSink((level, _module, line) => {
    if (level === 'warn') lines.push(line);
  });
  return lines;
}

describe('DailyCloseCache', () => {
  afterEach(() => {
    setLogSink(undefined);
    setLogLevel('error');
  });

  it('gives back closes, their sources and request progress after reopening the folder', () => {
    const dir = tempDir();
    const cache = new DailyCloseCache(new FakeClock(T0), dir);
    cache.put('AAPL', '2026-11-24', 189, 'finnhub:quote', false);
    cache.put('MSFT', '2026-11-24', 415.5, 'polygon:history', true);
    cache.markDone('polygon:date:2026-11-24');
    cache.markDone('alpaca:symbol:AAPL', '2026-11-24');
    cache.saveNow();

    const reopened = new DailyCloseCache(new FakeClock(T0), dir);
    expect(reopened.get('AAPL', '2026-11-24')).toEqual({ close: 189, source: 'finnhub:quote' });
    expect(reopened.get('MSFT', '2026-11-24')).toEqual({ close: 415.5, source: 'polygon:history' });
    expect(reopened.isDone('polygon:date:2026-11-24')).toBe(true);
    expect(reopened.progress('alpaca:symbol:AAPL')).toBe('2026-11-24');
    expect(reopened.size()).toBe(2);
  });

  it('lets a history close replace a captured one, but never the reverse', () => {
    const cache = new DailyCloseCache(new FakeClock(T0));
    expect(cache.put('AAPL', '2026-11-24', 189, 'finnhub:quote', false)).toBe(true);
    expect(cache.put('AAPL', '2026-11-24', 190, 'finnhub:quote', false)).toBe(false);
    expect(cache.put('AAPL', '2026-11-24', 188.9, 'alpaca:history', true)).toBe(true);
    expect(cache.put('AAPL', '2026-11-24', 189, 'alpaca:quote', false)).toBe(false);

    expect(cache.get('AAPL', '2026-11-24')).toEqual({ close: 188.9, source: 'alpaca:history' });
  });

  it('refuses a zero, negative or non-finite close (never a -100 % tile)', () => {
    const cache = new DailyCloseCache(new FakeClock(T0));
    for (const bad of [0, -1, Number.NaN, Infinity]) {
      expect(cache.put('AAPL', '2026-11-24', bad, 'finnhub:quote', false)).toBe(false);
    }
    expect(cache.size()).toBe(0);
  });

  it('writes at most once a save interval, and saveNow writes what is left', () => {
    const dir = tempDir();
    const clock = new FakeClock(T0);
    const cache = new DailyCloseCache(clock, dir);
    const path = join(dir, DAILY_CLOSES_FILE);

    cache.put('AAPL', '2026-11-24', 189, 'finnhub:quote', false);
    cache.maybeSave();
    cache.put('MSFT', '2026-11-24', 415, 'finnhub:quote', false);
    cache.maybeSave();
    expect(Object.keys(JSON.parse(readFileSync(path, 'utf8')).closes)).toEqual(['AAPL']);

    clock.advance(SAVE_INTERVAL_MS);
    cache.maybeSave();
    expect(Object.keys(JSON.parse(readFileSync(path, 'utf8')).closes)).toEqual(['AAPL', 'MSFT']);
    expect(readdirSync(dir)).toEqual([DAILY_CLOSES_FILE]);
  });

  it('sets a corrupt file aside with a log line, starts empty, and keeps the snapshot beside it', () => {
    const dir = tempDir();
    const snapshots = new ConfSnapshotStore({ cwd: dir });
    snapshots.save({
      savedAt: T0,
      source: { provider: 'finnhub', mode: 'live', label: 'Finnhub' },
      quotes: [],
    });
    writeFileSync(join(dir, DAILY_CLOSES_FILE), '{"version":1,"closes":{"AAPL":{"2026-11-2');
    const warnings = captureWarnings();

    const cache = new DailyCloseCache(new FakeClock(T0), dir);

    expect(cache.size()).toBe(0);
    expect(warnings.join('\n')).toMatch(/not valid JSON; set aside as .*corrupt-/);
    expect(existsSync(join(dir, `${DAILY_CLOSES_FILE}.corrupt-${T0}`))).toBe(true);
    expect(new ConfSnapshotStore({ cwd: dir }).load()?.savedAt).toBe(T0);

    cache.put('AAPL', '2026-11-24', 189, 'finnhub:quote', false);
    cache.saveNow();
    expect(new DailyCloseCache(new FakeClock(T0), dir).get('AAPL', '2026-11-24')?.close).toBe(189);
  });

  it('sets aside a file of the wrong shape (a negative close) and names the problem', () => {
    const dir = tempDir();
    const wrong = { version: 1, closes: { AAPL: { '2026-11-24': [-5, 'x'] } }, done: {} };
    writeFileSync(join(dir, DAILY_CLOSES_FILE), JSON.stringify(wrong));
    const warnings = captureWarnings();

    expect(new DailyCloseCache(new FakeClock(T0), dir).size()).toBe(0);
    expect(warnings.join('\n')).toMatch(/not a daily-close cache/);
  });

  it('counts the symbols with a close on a date and finds the first date of a source', () => {
    const cache = new DailyCloseCache(new FakeClock(T0));
    cache.put('AAPL', '2026-11-20', 180, 'finnhub:quote', false);
    cache.put('AAPL', '2026-11-24', 189, 'finnhub:quote', false);
    cache.put('MSFT', '2026-11-24', 415, 'finnhub:quote', false);
    cache.put('MSFT', '2026-11-18', 400, 'alpaca:history', true);

    expect(cache.countOn('2026-11-24', ['AAPL', 'MSFT', 'NVDA'])).toBe(2);
    expect(cache.firstDate('finnhub:')).toBe('2026-11-20');
    expect(cache.firstDate()).toBe('2026-11-18');
  });
});
