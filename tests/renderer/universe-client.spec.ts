/**
 * The whole-universe lookup behind search: fetched once on the first miss, searched like the
 * map, and fetched again after a failed answer rather than remembering the failure.
 */
import { describe, expect, it, vi } from 'vitest';

import { createUniverseLookup } from '../../src-renderer/api/universe-client';

const STOCKS = {
  asOf: null,
  source: { provider: 'replay', mode: 'replay', label: 'Replay' },
  stocks: [
    { symbol: 'AAPL', name: 'Apple Inc.', categories: ['sp500', 'stock'] },
    { symbol: 'QQQ', name: 'Invesco QQQ Trust', categories: ['etf'] },
  ],
};

describe('createUniverseLookup', () => {
  it('asks for universe=all once and finds by ticker or name', async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify(STOCKS), { status: 200 }));
    const find = createUniverseLookup(fetchImpl);

    await expect(find('qqq')).resolves.toEqual({
      symbol: 'QQQ',
      name: 'Invesco QQQ Trust',
      categories: ['etf'],
    });
    await expect(find('apple')).resolves.toMatchObject({ symbol: 'AAPL' });
    await expect(find('nothing')).resolves.toBeNull();
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    expect(fetchImpl.mock.calls[0]).toContain('/api/stocks?universe=all');
  });

  it('tries again after a failed answer', async () => {
    const fetchImpl = vi
      .fn<(input: string) => Promise<Response>>()
      .mockResolvedValueOnce(new Response(JSON.stringify({ error: 'busy' }), { status: 503 }))
      .mockResolvedValueOnce(new Response(JSON.stringify(STOCKS), { status: 200 }));
    const find = createUniverseLookup(fetchImpl);

    await expect(find('qqq')).resolves.toBeNull();
    await expect(find('qqq')).resolves.toMatchObject({ symbol: 'QQQ' });
    expect(fetchImpl).toHaveBeenCalledTimes(2);
  });
});
