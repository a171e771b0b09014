/**
 * `/api/health`, polled every few seconds, for the provider banner and Settings. Polling keeps
 * it simple: health changes on the scale of seconds (rate limits, key checks), and the stream
 * stays about quotes. A failed poll keeps the last answer; the stream's own notice already says
 * when the server is unreachable.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

import type { HealthResponse } from '../../src-main/shared/api-types';
import { type FetchLike, requestJson } from '../api/http-json';

/** Often enough that a countdown or a fixed key shows within seconds; cheap for the server. */
export const HEALTH_POLL_MS = 3_000;

export interface HealthState {
  /** The last answer, or null before the first. */
  health: HealthResponse | null;
  /** Asks again now (after Settings saved a change). */
  refresh(): void;
}

/** Polls `/api/health` every `intervalMs` while mounted. */
export function useHealth(intervalMs = HEALTH_POLL_MS, fetchImpl?: FetchLike): HealthState {
  const [health, setHealth] = useState<HealthResponse | null>(null);
  const mounted = useRef(true);

  const poll = useCallback(async () => {
    const result = await requestJson<HealthResponse>('GET', '/api/health', undefined, fetchImpl);
    if (mounted.current && result.ok && result.value) setHealth(result.value);
  }, [fetchImpl]);

  useEffect(() => {
    mounted.current = true;
    void poll();
    const id = window.setInterval(() => void poll(), intervalMs);
    return () => {
      mounted.current = false;
      window.clearInterval(id);
    };
  }, [poll, intervalMs]);

  return { health, refresh: () => void poll() };
}
