import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import type {
  HealthResponse,
  ProviderHealth,
  ProviderStateKind,
} from '../../src-main/shared/api-types';
import { formatCountdown, ProviderBanner } from '../../src-renderer/components/ProviderBanner';

const NOW = Date.parse('2026-11-25T15:00:00Z');

function healthWith(state: ProviderStateKind, extra: Partial<ProviderHealth> = {}): HealthResponse {
  return {
    status: 'degraded',
    provider: 'finnhub',
    mode: 'live',
    source: { provider: 'finnhub', mode: 'live', label: 'Finnhub' },
    lastUpdate: null,
    counts: { live: 0, stale: 500, missing: 3 },
    providerState: {
      state,
      message: `message for ${state}`,
      retryAt: null,
      callsToday: 120,
      callsLeftToday: null,
      fullRefreshSeconds: 503,
      limitations: [],
      ...extra,
    },
    uptimeSeconds: 60,
    version: '0.1.0',
  };
}

describe('ProviderBanner', () => {
  it('shows nothing while the provider is fine or the replay plays', () => {
    const replay = { ...healthWith('starting'), mode: 'replay' as const };
    const { container, rerender } = render(
      <ProviderBanner health={healthWith('ok')} now={NOW} onOpenSettings={vi.fn()} />,
    );
    expect(container.innerHTML).toBe('');

    rerender(<ProviderBanner health={replay} now={NOW} onOpenSettings={vi.fn()} />);
    expect(container.innerHTML).toBe('');
  });

  it('counts down to the end of a rate limit', () => {
    const health = healthWith('rate-limited', {
      retryAt: new Date(NOW + 65_000).toISOString(),
      callsLeftToday: 40,
    });
    render(<ProviderBanner health={health} now={NOW} onOpenSettings={vi.fn()} />);

    const banner = screen.getByRole('alert', { name: 'Finnhub: Rate limited' });
    expect(banner.textContent).toContain('message for rate-limited');
    expect(banner.textContent).toContain('Next try in 1:05');
    expect(banner.textContent).toContain('120 calls today, 40 left');
    expect(screen.queryByRole('button', { name: 'Open Settings' })).toBeNull();
  });

  it('counts in the provider’s own unit (credits for Twelve Data)', () => {
    const health = healthWith('rate-limited', {
      callsToday: 24,
      callsLeftToday: 776,
      unit: 'credits',
    });
    render(<ProviderBanner health={health} now={NOW} onOpenSettings={vi.fn()} />);

    expect(screen.getByRole('alert').textContent).toContain('24 credits today, 776 left');
  });

  it.each(['bad-key', 'plan-limit'] as const)('offers Open Settings for %s', (state) => {
    const onOpenSettings = vi.fn();
    render(<ProviderBanner health={healthWith(state)} now={NOW} onOpenSettings={onOpenSettings} />);

    fireEvent.click(screen.getByRole('button', { name: 'Open Settings' }));

    expect(onOpenSettings).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('alert').textContent).toContain(`message for ${state}`);
  });

  it('offers Open Settings when the day’s quota is used up', () => {
    const health = healthWith('rate-limited', { callsLeftToday: 0 });
    render(<ProviderBanner health={health} now={NOW} onOpenSettings={vi.fn()} />);

    expect(screen.getByRole('button', { name: 'Open Settings' })).toBeTruthy();
  });

  it('says an unreachable provider is retried, with the countdown', () => {
    const health = healthWith('offline', { retryAt: new Date(NOW + 9_000).toISOString() });
    render(<ProviderBanner health={health} now={NOW} onOpenSettings={vi.fn()} />);

    const banner = screen.getByRole('alert', { name: 'Finnhub: Provider unreachable' });
    expect(banner.textContent).toContain('Next try in 0:09');
  });

  it('announces a live provider that is still connecting politely', () => {
    render(<ProviderBanner health={healthWith('starting')} now={NOW} onOpenSettings={vi.fn()} />);

    expect(screen.getByRole('status', { name: 'Finnhub: Connecting' })).toBeTruthy();
  });
});

describe('formatCountdown', () => {
  it.each([
    [0, '0:00'],
    [999, '0:01'],
    [65_000, '1:05'],
    [3_725_000, '1:02:05'],
    [-5_000, '0:00'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatCountdown(ms)).toBe(text);
  });
});
