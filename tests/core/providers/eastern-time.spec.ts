import { describe, expect, it } from 'vitest';

import {
  easternSessionClose,
  nextEasternMidnight,
  parseEasternDateTime,
} from '../../../src-main/core/providers/eastern-time.js';

describe('parseEasternDateTime', () => {
  it('reads a zone-less winter time as EST (UTC−5), whatever the machine zone', () => {
    expect(new Date(parseEasternDateTime('2026-11-25 15:59:58.102')!).toISOString()).toBe(
      '2026-11-25T20:59:58.102Z',
    );
  });

  it('reads a zone-less summer time as EDT (UTC−4)', () => {
    expect(new Date(parseEasternDateTime('2024-10-18 19:59:55.291')!).toISOString()).toBe(
      '2024-10-18T23:59:55.291Z',
    );
  });

  it('reads a bare date as midnight Eastern', () => {
    expect(new Date(parseEasternDateTime('2026-07-01')!).toISOString()).toBe(
      '2026-07-01T04:00:00.000Z',
    );
  });

  it('keeps the millisecond of longer fractions and accepts a T separator', () => {
    expect(parseEasternDateTime('2026-11-25T15:59:58.102999')).toBe(
      parseEasternDateTime('2026-11-25 15:59:58.102'),
    );
  });

  it.each(['', 'yesterday', '2026-13-01', '2026-11-25 25:00', '2026-11-25T15:59:58Z'])(
    'refuses %j',
    (text) => {
      expect(parseEasternDateTime(text)).toBeNull();
    },
  );
});

describe('easternSessionClose', () => {
  it('dates a trading day at its 16:00 Eastern close', () => {
    expect(new Date(easternSessionClose('2026-12-04')!).toISOString()).toBe(
      '2026-12-04T21:00:00.000Z',
    );
    expect(new Date(easternSessionClose('2026-06-05')!).toISOString()).toBe(
      '2026-06-05T20:00:00.000Z',
    );
  });
});

describe('nextEasternMidnight', () => {
  it('gives the coming midnight in New York, not in UTC', () => {
    // 21:30 ET on Nov 25 is already Nov 26 in UTC; the next New York midnight is still ahead.
    expect(nextEasternMidnight(Date.UTC(2026, 10, 26, 2, 30))).toBe(Date.UTC(2026, 10, 26, 5));
  });

  it('is strictly after an instant that is exactly midnight', () => {
    expect(nextEasternMidnight(Date.UTC(2026, 10, 26, 5))).toBe(Date.UTC(2026, 10, 27, 5));
  });

  it('handles the 25-hour day when daylight saving ends', () => {
    // 2026-11-01 is the fall-back Sunday: midnight of Nov 2 is 05:00Z, 25 h after 04:00Z.
    expect(nextEasternMidnight(Date.UTC(2026, 10, 1, 12))).toBe(Date.UTC(2026, 10, 2, 5));
  });
});
