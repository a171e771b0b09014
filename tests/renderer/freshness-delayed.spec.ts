import { describe, expect, it } from 'vitest';

import type { QuoteStatus, SourceDelay as Delay } from '../../src-main/shared/api-types';
import { delayedTileText, delayText, isDelayed } from '../../src-renderer/lib/freshness';
import { buildTiles, countStatuses, setDelay } from '../../src-renderer/lib/tiles';
import { tooltipLines } from '../../src-renderer/lib/tooltip-lines';

const END_OF_DAY: Delay = { kind: 'end-of-day', sessionDate: '2026-11-24', note: 'closes' };
const FIFTEEN: Delay = { kind: 'delayed', minutes: 15, note: 'late' };
const REALTIME: Delay = { kind: 'realtime', note: 'now' };

const row = (symbol: string, status: QuoteStatus, reason?: string) => ({
  symbol,
  name: symbol,
  sector: 'Energy',
  industry: 'Oil',
  categories: ['sp500'],
  marketCap: 1e9,
  price: 10,
  previousClose: 9,
  change: 1,
  changePercent: 11.1,
  volume: null,
  updatedAt: '2026-11-24T21:00:00Z',
  status,
  ...(reason ? { reason } : {}),
});

describe('freshness of delayed sources', () => {
  it("words a delayed tile by the engine's own lag first, then the source's delay", () => {
    expect(delayedTileText({ delayedByMinutes: 15 }, END_OF_DAY)).toBe('Delayed 15 min');
    expect(delayedTileText({}, END_OF_DAY)).toBe('Delayed: end-of-day close of 2026-11-24');
    expect(delayedTileText({}, undefined)).toBe('Delayed');
    expect(isDelayed(REALTIME)).toBe(false);
    expect(isDelayed(FIFTEEN)).toBe(true);
  });

  it('words the delay for the tooltip and status bar', () => {
    expect(delayText(END_OF_DAY)).toBe('Delayed: end-of-day close of 2026-11-24');
    expect(delayText({ kind: 'end-of-day', note: 'x' })).toBe('Delayed: end-of-day close');
    expect(delayText(FIFTEEN)).toBe('Delayed 15 min');
    expect(delayText({ kind: 'delayed', note: 'x' })).toBe('Delayed');
  });

  it("counts the engine's delayed tiles apart and says so in the tooltip", () => {
    const tiles = buildTiles([row('XOM', 'delayed'), row('CVX', 'stale'), row('COP', 'missing')]);
    expect(setDelay(tiles, END_OF_DAY)).toBe(true);
    expect(setDelay(tiles, { ...END_OF_DAY })).toBe(false);

    expect(countStatuses(tiles)).toEqual({ live: 0, delayed: 1, stale: 1, missing: 1, closed: 0 });
    expect(tooltipLines(tiles[0]!).lines).toContain('Delayed: end-of-day close of 2026-11-24');
    expect(tooltipLines(tiles[1]!).lines.join('\n')).not.toMatch(/Delayed/);
  });
});
