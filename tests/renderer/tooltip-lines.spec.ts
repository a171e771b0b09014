import { describe, expect, it } from 'vitest';

import { buildTiles } from '../../src-renderer/lib/tiles';
import { tooltipLines } from '../../src-renderer/lib/tooltip-lines';

const base = {
  symbol: 'XOM',
  name: 'Exxon Mobil',
  sector: 'Energy',
  industry: 'Integrated Oil & Gas',
  categories: ['sp500'],
  marketCap: 480e9,
  price: 110.5,
  previousClose: 109,
  change: 1.5,
  changePercent: 1.376,
  volume: 10,
  updatedAt: '2026-08-07T19:59:00Z',
  status: 'live' as const,
};

describe('tooltip lines', () => {
  it('names the stock and lists its quote, size and place', () => {
    const [tile] = buildTiles([base]);
    const { title, lines } = tooltipLines(tile!);
    expect(title).toBe('Exxon Mobil (XOM)');
    expect(lines).toContain('Price: 110.50');
    expect(lines).toContain('Change: +1.50 (+1.38%)');
    expect(lines).toContain('Market cap: $480.00B');
    expect(lines).toContain('Sector: Energy');
    expect(lines).toContain('Industry: Integrated Oil & Gas');
    expect(lines.some((l) => l.startsWith('Updated: 2026-08-0'))).toBe(true);
  });

  it('says when the size is a stand-in for a missing market cap', () => {
    const [tile] = buildTiles([{ ...base, marketCap: null }]);
    expect(tooltipLines(tile!).lines).toContain(
      'Market cap: unknown (drawn at the minimum tile size)',
    );
  });

  it("says when a small company's tile was enlarged", () => {
    const big = { ...base, symbol: 'BIG', marketCap: 4e12 };
    const [, tile] = buildTiles([big, { ...base, marketCap: 1e8 }]);
    expect(tooltipLines(tile!).lines).toContain(
      'Market cap: $100.00M (tile enlarged to the minimum size)',
    );
  });

  it('says "no data" with the reason for a missing quote', () => {
    const [tile] = buildTiles([
      { ...base, status: 'missing', price: null, changePercent: null, reason: 'no close that day' },
    ]);
    const { lines } = tooltipLines(tile!);
    expect(lines).toContain('No data: no close that day');
    expect(lines).toContain('Price: —');
  });

  it('flags a stale quote', () => {
    const [tile] = buildTiles([{ ...base, status: 'stale', reason: 'older than 60 s' }]);
    expect(tooltipLines(tile!).lines).toContain('Stale: older than 60 s');
  });

  it("says a closed tile is the last session's close, with the session's date", () => {
    const [tile] = buildTiles([{ ...base, status: 'closed', closedSessionDate: '2026-11-27' }]);
    const { lines } = tooltipLines(tile!);
    expect(lines).toContain("Market closed: last session's close (Fri, 27 Nov 2026)");
    expect(lines.join('\n')).not.toMatch(/Stale/);
  });

  it("says how late a delayed tile is, from the engine's own lag", () => {
    const [tile] = buildTiles([{ ...base, status: 'delayed', delayedByMinutes: 15 }]);
    expect(tooltipLines(tile!).lines).toContain('Delayed 15 min');
  });

  it('adds no status line to a live tile', () => {
    const [tile] = buildTiles([base]);
    expect(tooltipLines(tile!).lines.join('\n')).not.toMatch(/Stale|Delayed|closed|No data/);
  });
});
