import { describe, expect, it } from 'vitest';

import type { MarketSessionInfo } from '../../src-main/shared/api-types';
import {
  closedSessionOf,
  isMarketClosed,
  sessionDateText,
  sessionName,
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
  it("takes the closed session from the engine's typed status, never from reason text", () => {
    const rows = [
      { status: 'closed' as const, closedSessionDate: '2026-11-25' },
      { status: 'closed' as const, closedSessionDate: '2026-11-27' },
      { status: 'stale' as const, reason: 'last good quote 16:00 ET — market closed' },
      { status: 'live' as const },
    ];
    expect(closedSessionOf(rows)).toBe('2026-11-27');
    expect(closedSessionOf(rows.slice(2))).toBeNull();
  });

  it('writes a session date with its weekday, and a session by name', () => {
    expect(sessionDateText('2026-11-27')).toBe('Fri, 27 Nov 2026');
    expect(sessionDateText('someday')).toBe('someday');
    expect(sessionName(session({ state: 'holiday', note: 'Thanksgiving Day' }))).toBe(
      'Market holiday (Thanksgiving Day)',
    );
    expect(sessionName(session({ state: 'closed', note: 'ignored off a holiday' }))).toBe(
      'Market closed',
    );
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
});
