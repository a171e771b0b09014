import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { MarketClosedNote } from '../../src-renderer/components/MarketClosedNote';

const base = { date: '2026-12-05', earlyClose: false, closesAt: null, replayed: false };

describe('MarketClosedNote', () => {
  it('says the map shows the last close while the market is closed', () => {
    render(<MarketClosedNote session={{ ...base, state: 'closed' }} lastClose="2026-12-04" />);
    expect(screen.getByRole('note').textContent).toBe('Market closed — last close of 2026-12-04');
  });

  it('names the holiday', () => {
    const holiday = { ...base, state: 'holiday' as const, note: 'Christmas Day' };
    render(<MarketClosedNote session={holiday} lastClose={null} />);
    expect(screen.getByRole('note').textContent).toBe('Market closed (Christmas Day) — last close');
  });

  it('shows nothing during a session', () => {
    render(<MarketClosedNote session={{ ...base, state: 'post' }} lastClose="2026-12-04" />);
    expect(screen.queryByRole('note')).toBeNull();
  });
});
