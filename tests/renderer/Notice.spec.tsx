import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { Notice, STALE_AFTER_MS } from '../../src-renderer/components/Notice';
import { StatusBar } from '../../src-renderer/components/StatusBar';

const NOW = new Date(2026, 7, 7, 15, 0, 0).getTime();

describe('Notice', () => {
  const quiet = {
    hasSnapshot: true,
    lastMessageAt: NOW - 1000,
    staleCount: 0,
    total: 500,
    now: NOW,
    onRetry: vi.fn(),
  };
  const open = { kind: 'open' } as const;

  it('says the server is unreachable, when it retries, and offers to retry now', () => {
    const onRetry = vi.fn();
    const retrying = { kind: 'retrying', attempt: 3, retryAt: NOW + 4200 } as const;
    render(<Notice {...quiet} status={retrying} onRetry={onRetry} />);

    expect(screen.getByRole('alert').textContent).toMatch(
      /Server unreachable\. Retrying in 5 s \(at 15:00:04, attempt 3\)/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Retry now' }));
    expect(onRetry).toHaveBeenCalled();
  });

  it('warns when no update came for a while', () => {
    render(<Notice {...quiet} lastMessageAt={NOW - STALE_AFTER_MS - 5000} status={open} />);
    expect(screen.getByRole('alert').textContent).toMatch(
      /No update received for 1 min: the map may be out of date/,
    );
  });

  it('stays quiet about a long silence while the market is closed', () => {
    const silent = NOW - STALE_AFTER_MS - 5000;
    render(<Notice {...quiet} lastMessageAt={silent} status={open} marketClosed />);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('warns when most quotes are stale', () => {
    render(<Notice {...quiet} staleCount={400} status={open} />);
    expect(screen.getByRole('alert').textContent).toMatch(/400 of 500 quotes/);
  });

  it('shows nothing when the data is fresh', () => {
    render(<Notice {...quiet} status={open} />);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('StatusBar', () => {
  it('shows the replay label, the counts and how long ago the last update was', () => {
    render(
      <StatusBar
        source={{ provider: 'replay', mode: 'replay', label: 'Replay of 2026-08-07 closes' }}
        counts={{ live: 500, delayed: 0, stale: 2, missing: 1, closed: 0 }}
        status={{ kind: 'open' }}
        lastMessageAt={NOW - 12_000}
        now={NOW}
      />,
    );
    const bar = screen.getByRole('status');
    expect(bar.textContent).toContain('REPLAY');
    expect(bar.textContent).toContain('Replay of 2026-08-07 closes');
    expect(bar.textContent).toContain('503 stocks · 500 live · 2 stale · 1 no data');
    expect(bar.textContent).toContain('Updated 12 s ago');
  });

  it('says the market session, and counts last-session closes apart from stale quotes', () => {
    render(
      <StatusBar
        source={{ provider: 'finnhub', mode: 'live', label: 'Finnhub' }}
        counts={{ live: 0, delayed: 0, stale: 1, missing: 2, closed: 500 }}
        status={{ kind: 'open' }}
        lastMessageAt={NOW}
        now={NOW}
        session={{
          state: 'closed',
          date: '2026-12-05',
          earlyClose: false,
          closesAt: null,
          replayed: false,
        }}
      />,
    );
    expect(screen.getByLabelText('Market session: Market closed')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain(
      '503 stocks · 0 live · 500 at last close · 1 stale · 2 no data',
    );
  });
});
