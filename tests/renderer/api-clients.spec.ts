import { describe, expect, it, vi } from 'vitest';

import { checkFilter } from '../../src-renderer/api/filters-client';
import { createHistoryClient, HISTORY_TTL_MS } from '../../src-renderer/api/history-client';
import type { FetchLike } from '../../src-renderer/api/http-json';
import { importWatchlistCsv } from '../../src-renderer/api/watchlists-client';

const answer = (status: number, body: unknown) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });

describe('API clients', () => {
  it('hands back the API’s own 400 body with the filter error position', async () => {
    const error = {
      error: 'Bad filter expression: unknown field "nope".',
      filterError: { position: 0, end: 4, excerpt: 'nope\n^^^^' },
    };
    const fetchImpl = vi.fn<FetchLike>(async () => answer(400, error));
    const result = await checkFilter('nope > 1', fetchImpl);
    const path = '/api/filter-check?filter=nope+%3E+1';
    expect(fetchImpl).toHaveBeenCalledWith(path, expect.anything());
    expect(result).toEqual({ ok: false, status: 400, error });
  });

  it('says when the server did not answer at all, and when it answered without JSON', async () => {
    const down: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await checkFilter('x', down)).toEqual({
      ok: false,
      status: 0,
      error: { error: 'The local server did not answer.' },
    });
    expect(await checkFilter('x', async () => answer(502, '<html>'))).toEqual({
      ok: false,
      status: 502,
      error: { error: 'The server answered 502.' },
    });
  });

  it('uploads a CSV import as text/csv', async () => {
    const fetchImpl = vi.fn<FetchLike>(async () => answer(200, { imported: 1 }));
    await importWatchlistCsv('wl 1', 'symbol\nAAPL\n', 'replace', fetchImpl);
    const [path, init] = fetchImpl.mock.calls[0] ?? [];
    expect(path).toBe('/api/watchlists/wl%201/import?mode=replace');
    expect(init?.method).toBe('POST');
    expect((init?.headers as Record<string, string>)['Content-Type']).toMatch(/^text\/csv/);
    expect(init?.body).toBe('symbol\nAAPL\n');
  });

  it('reuses a symbol’s history for a while and asks again after failures', async () => {
    let now = 0;
    const fetchImpl = vi.fn<FetchLike>(async () =>
      answer(200, { symbol: 'AAPL', intraday: [], daily: [] }),
    );
    const client = createHistoryClient(fetchImpl, () => now);
    await client.get('AAPL');
    await client.get('AAPL');
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    now += HISTORY_TTL_MS;
    await client.get('AAPL');
    expect(fetchImpl).toHaveBeenCalledTimes(2);

    const failing = vi.fn<FetchLike>(async () => answer(503, { error: 'busy' }));
    const other = createHistoryClient(failing, () => 0);
    await other.get('MSFT');
    await other.get('MSFT');
    expect(failing).toHaveBeenCalledTimes(2);
  });
});
