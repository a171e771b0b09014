import { describe, expect, it } from 'vitest';

import { newYorkToEpoch } from '../../../src-main/core/market/new-york-time.js';
import { loadNyseCalendar } from '../../../src-main/core/market/nyse-calendar.js';
import { RESOURCES_DIR } from '../helpers/resources.js';

const calendar = loadNyseCalendar(RESOURCES_DIR);
const at = (iso: string): number => Date.parse(iso);

describe('NyseCalendar.sessionAt', () => {
  it('reports pre, regular, post and closed on an ordinary winter weekday (EST)', () => {
    expect(calendar.sessionAt(at('2026-03-06T08:59:00Z')).session).toBe('closed');
    expect(calendar.sessionAt(at('2026-03-06T09:00:00Z')).session).toBe('pre');
    expect(calendar.sessionAt(at('2026-03-06T14:29:00Z')).session).toBe('pre');
    expect(calendar.sessionAt(at('2026-03-06T14:30:00Z')).session).toBe('regular');
    expect(calendar.sessionAt(at('2026-03-06T21:00:00Z')).session).toBe('post');
    expect(calendar.sessionAt(at('2026-03-07T01:00:00Z')).session).toBe('closed');
  });

  it('opens at 13:30 UTC on the Monday after the spring DST switch (EDT)', () => {
    expect(calendar.sessionAt(at('2026-03-09T13:29:00Z')).session).toBe('pre');
    expect(calendar.sessionAt(at('2026-03-09T13:30:00Z')).session).toBe('regular');
    expect(calendar.sessionAt(at('2026-03-09T19:59:00Z')).session).toBe('regular');
    expect(calendar.sessionAt(at('2026-03-09T20:00:00Z')).session).toBe('post');
  });

  it('opens at 14:30 UTC again on the Monday after the autumn DST switch', () => {
    expect(calendar.sessionAt(at('2026-11-02T14:29:00Z')).session).toBe('pre');
    expect(calendar.sessionAt(at('2026-11-02T14:30:00Z')).session).toBe('regular');
  });

  it('converts New York wall times on the DST switch days themselves', () => {
    expect(newYorkToEpoch('2026-03-08', 9 * 60 + 30)).toBe(at('2026-03-08T13:30:00Z'));
    expect(newYorkToEpoch('2026-11-01', 9 * 60 + 30)).toBe(at('2026-11-01T14:30:00Z'));
    expect(newYorkToEpoch('2026-03-07', 9 * 60 + 30)).toBe(at('2026-03-07T14:30:00Z'));
  });

  it('is closed all weekend', () => {
    expect(calendar.sessionAt(at('2026-03-08T15:00:00Z')).session).toBe('closed');
  });

  it('reports a holiday with its name on Thanksgiving 2026', () => {
    const info = calendar.sessionAt(at('2026-11-26T16:00:00Z'));

    expect(info.session).toBe('holiday');
    expect(info.note).toBe('Thanksgiving Day');
    expect(calendar.isTradingDay('2026-11-26')).toBe(false);
  });

  it('closes the regular session at 13:00 ET on the early close of 2026-11-27', () => {
    expect(calendar.sessionAt(at('2026-11-27T17:59:00Z')).session).toBe('regular');
    expect(calendar.sessionAt(at('2026-11-27T18:00:00Z')).session).toBe('post');
    expect(calendar.sessionAt(at('2026-11-27T22:00:00Z')).session).toBe('closed');
    expect(calendar.regularHours('2026-11-27')).toEqual({
      open: at('2026-11-27T14:30:00Z'),
      close: at('2026-11-27T18:00:00Z'),
    });
  });

  it('says when a date lies outside the years the holiday list covers', () => {
    expect(calendar.sessionAt(at('2029-07-04T15:00:00Z')).covered).toBe(false);
    expect(calendar.sessionAt(at('2026-07-06T15:00:00Z')).covered).toBe(true);
  });
});
