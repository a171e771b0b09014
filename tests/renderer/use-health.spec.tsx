import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { FetchLike } from '../../src-renderer/api/http-json';
import { useHealth } from '../../src-renderer/hooks/use-health';

function Probe({ fetchImpl }: { fetchImpl: FetchLike }) {
  const { health } = useHealth(1_000, fetchImpl);
  return <p role="status">{health ? health.providerState.state : 'none'}</p>;
}

const answer = (state: string) =>
  new Response(JSON.stringify({ providerState: { state } }), { status: 200 });

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('useHealth', () => {
  it('polls /api/health and keeps the last answer when a poll fails', async () => {
    const fetchImpl = vi
      .fn<FetchLike>()
      .mockResolvedValueOnce(answer('ok'))
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(answer('rate-limited'));
    render(<Probe fetchImpl={fetchImpl} />);

    await act(async () => vi.advanceTimersByTimeAsync(0));
    expect(screen.getByRole('status').textContent).toBe('ok');

    await act(async () => vi.advanceTimersByTimeAsync(1_000));
    expect(screen.getByRole('status').textContent).toBe('ok');

    await act(async () => vi.advanceTimersByTimeAsync(1_000));
    expect(screen.getByRole('status').textContent).toBe('rate-limited');
    expect(fetchImpl).toHaveBeenCalledWith('/api/health', expect.anything());
  });
});
