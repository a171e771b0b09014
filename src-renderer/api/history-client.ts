/**
 * Client of `/api/history?symbol=` for tooltip sparklines, with a short cache: hovering across
 * the map must not fire one request per tile passed over (the server caps request rates), and
 * re-hovering a tile within the cache time shows its line at once.
 */
import type { HistoryResponse } from '../../src-main/shared/api-types';
import { type ApiResult, type FetchLike, requestJson } from './http-json';

/** How long a symbol's history is reused. Intraday points arrive every few seconds at most. */
export const HISTORY_TTL_MS = 30_000;
const MAX_ENTRIES = 200;

interface Entry {
  at: number;
  result: Promise<ApiResult<HistoryResponse>>;
}

export interface HistoryClient {
  get(symbol: string): Promise<ApiResult<HistoryResponse>>;
}

/** A cached history client; `now` and `fetchImpl` are injectable for tests. */
export function createHistoryClient(
  fetchImpl?: FetchLike,
  now: () => number = Date.now,
): HistoryClient {
  const cache = new Map<string, Entry>();

  return {
    get(symbol) {
      const hit = cache.get(symbol);
      if (hit && now() - hit.at < HISTORY_TTL_MS) return hit.result;

      const path = `/api/history?${new URLSearchParams({ symbol }).toString()}`;
      const result = requestJson<HistoryResponse>('GET', path, undefined, fetchImpl);
      cache.delete(symbol);
      cache.set(symbol, { at: now(), result });
      // Failures are not cached: the next hover asks again.
      void result.then((r) => {
        if (!r.ok && cache.get(symbol)?.result === result) cache.delete(symbol);
      });
      if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
      return result;
    },
  };
}
