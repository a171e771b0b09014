import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { MarketClosedNote } from '../../src-renderer/components/MarketClosedNote';

const base = { date: '2026-11-28', earlyClose: false, closesAt: null, replayed: false };

describe('MarketClosedNote', () => {
  it('labels the map with the session whose close the closed tiles show', () => {
    render(<MarketClosedNote session={{ ...base, state: 'closed' }} closedSession="2026-11-27" />);
    expect(screen.getByRole('note', { name: 'Market closed' }).textContent).toBe(
      'Market closed · showing the close of Fri, 27 Nov 2026',
    );
  });

  it('names the holiday', () => {
    const holiday = { ...base, state: 'holiday' as const, note: 'Thanksgiving Day' };
    render(<MarketClosedNote session={holiday} closedSession="2026-11-25" />);
    expect(screen.getByRole('note').textContent).toBe(
      'Market holiday (Thanksgiving Day) · showing the close of Wed, 25 Nov 2026',
    );
  });

  it('names pre-market when the tiles still show the last close before the open', () => {
    render(<MarketClosedNote session={{ ...base, state: 'pre' }} closedSession="2026-11-27" />);
    expect(screen.getByRole('note').textContent).toBe(
      'Pre-market · showing the close of Fri, 27 Nov 2026',
    );
  });

  it('shows nothing while no tile is closed', () => {
    render(<MarketClosedNote session={{ ...base, state: 'closed' }} closedSession={null} />);
    expect(screen.queryByRole('note')).toBeNull();
  });
});
