import { describe, expect, it } from 'vitest';

import type { SourceDelay } from '../../src-main/shared/api-types';
import { delayText, freshnessOf, isDelayed } from '../../src-renderer/lib/freshness';
import { buildTiles, countStatuses, setDelay } from '../../src-renderer/lib/tiles';
import { tooltipLines } from '../../src-renderer/lib/tooltip-lines';

const END_OF_DAY: SourceDelay = { kind: 'end-of-day', sessionDate: '2026-11-24', note: 'closes' };
const FIFTEEN: SourceDelay = { kind: 'delayed', minutes: 15, note: 'late' };
const REALTIME: SourceDelay = { kind: 'realtime', note: 'now' };

const row = (symbol: string, status: 'live' | 'stale' | 'missing', reason?: string) => ({
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
  it('calls a live quote from a delayed or end-of-day source delayed, never a real-time one', () => {
    expect(freshnessOf({ status: 'live', delay: END_OF_DAY })).toBe('delayed');
    expect(freshnessOf({ status: 'live', delay: FIFTEEN })).toBe('delayed');
    expect(freshnessOf({ status: 'live', delay: REALTIME })).toBe('live');
    expect(freshnessOf({ status: 'live' })).toBe('live');
    expect(isDelayed(REALTIME)).toBe(false);
  });

  it('keeps stale, missing and market-closed ahead of delayed', () => {
    expect(freshnessOf({ status: 'stale', delay: FIFTEEN })).toBe('stale');
    expect(freshnessOf({ status: 'missing', delay: END_OF_DAY })).toBe('missing');
    expect(
      freshnessOf({ status: 'stale', reason: 'since 16:00, market closed', delay: FIFTEEN }),
    ).toBe('closed');
  });

  it('words the delay for the tooltip and status bar', () => {
    expect(delayText(END_OF_DAY)).toBe('Delayed: end-of-day close of 2026-11-24');
    expect(delayText({ kind: 'end-of-day', note: 'x' })).toBe('Delayed: end-of-day close');
    expect(delayText(FIFTEEN)).toBe('Delayed 15 min');
    expect(delayText({ kind: 'delayed', note: 'x' })).toBe('Delayed');
  });

  it('stamps the delay on tiles, counts them apart and says so in the tooltip', () => {
    const tiles = buildTiles([row('XOM', 'live'), row('CVX', 'stale'), row('COP', 'missing')]);
    expect(setDelay(tiles, END_OF_DAY)).toBe(true);
    expect(setDelay(tiles, { ...END_OF_DAY })).toBe(false);

    expect(countStatuses(tiles)).toEqual({ live: 0, delayed: 1, stale: 1, missing: 1, closed: 0 });
    expect(tooltipLines(tiles[0]!).lines).toContain('Delayed: end-of-day close of 2026-11-24');
    expect(tooltipLines(tiles[1]!).lines.join('\n')).not.toMatch(/Delayed/);
  });
});
