import { describe, expect, it } from 'vitest';

import type { MarketSessionInfo } from '../../src-main/shared/api-types';
import {
  freshnessOf,
  isMarketClosed,
  lastCloseDate,
  sessionText,
} from '../../src-renderer/lib/freshness';

const session = (over: Partial<MarketSessionInfo> = {}): MarketSessionInfo => ({
  state: 'regular',
  date: '2026-11-27',
  earlyClose: false,
  closesAt: '2026-11-27T21:00:00.000Z',
  replayed: false,
  ...over,
});

describe('freshness', () => {
  it('reads a quote the engine holds stale because the market is closed as closed', () => {
    const closed = { status: 'stale' as const, reason: 'last good quote 16:00 ET — market closed' };
    expect(freshnessOf(closed)).toBe('closed');
    expect(freshnessOf({ status: 'stale', reason: 'no update for 42 s' })).toBe('stale');
    expect(freshnessOf({ status: 'live' })).toBe('live');
    expect(freshnessOf({ status: 'missing', reason: 'market closed' })).toBe('missing');
  });

  it('names each session, the early close in New York time and a replayed date', () => {
    expect(sessionText(session({ state: 'pre' }))).toBe('Pre-market');
    expect(sessionText(session({ state: 'post' }))).toBe('After-hours');
    expect(sessionText(session({ state: 'closed', closesAt: null }))).toBe('Market closed');
    expect(sessionText(session({ state: 'holiday', note: 'Thanksgiving Day' }))).toBe(
      'Market holiday (Thanksgiving Day)',
    );
    const early = session({ earlyClose: true, closesAt: '2026-11-27T18:00:00.000Z' });
    expect(sessionText(early)).toBe('Regular session · early close 13:00');
    expect(sessionText(session({ replayed: true, date: '2026-08-07' }))).toBe(
      'Regular session · replayed 2026-08-07',
    );
  });

  it('treats closed and holiday sessions as a closed market', () => {
    expect(isMarketClosed(session({ state: 'closed' }))).toBe(true);
    expect(isMarketClosed(session({ state: 'holiday' }))).toBe(true);
    expect(isMarketClosed(session({ state: 'post' }))).toBe(false);
    expect(isMarketClosed(undefined)).toBe(false);
  });

  it('dates the last close by the newest quote, in New York', () => {
    const rows = [
      { updatedAt: '2026-12-03T21:00:00Z' },
      { updatedAt: null },
      { updatedAt: '2026-12-04T02:30:00Z' },
    ];
    expect(lastCloseDate(rows)).toBe('2026-12-03');
    expect(lastCloseDate([{ updatedAt: null }])).toBeNull();
  });
});
