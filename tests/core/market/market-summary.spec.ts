/** The market at a glance: cap-weighted change per sector and overall, and breadth. */
import { describe, expect, it } from 'vitest';

import { summarizeMarket } from '../../../src-main/core/market/market-summary.js';
import { stockRow } from '../alerts/market-fixture.js';

describe('summarizeMarket', () => {
  it('weights changes by market cap, overall and per sector, largest sector first', () => {
    const summary = summarizeMarket([
      stockRow('A', 'Tech', 3e12, 1),
      stockRow('B', 'Tech', 1e12, -1),
      stockRow('C', 'Energy', 1e12, 2),
    ]);

    expect(summary.changePercent).toBeCloseTo((3 - 1 + 2) / 5);
    expect(summary.sectors).toEqual([
      { sector: 'Tech', marketCap: 4e12, changePercent: 0.5 },
      { sector: 'Energy', marketCap: 1e12, changePercent: 2 },
    ]);
  });

  it('counts advancers, decliners and unchanged, and skips missing quotes', () => {
    const summary = summarizeMarket([
      stockRow('A', 'Tech', 1e9, 1),
      stockRow('B', 'Tech', null, -1),
      stockRow('C', 'Tech', 1e9, 0),
      stockRow('D', 'Tech', 1e9, 5, null),
    ]);

    expect(summary).toMatchObject({ advancers: 1, decliners: 1, unchanged: 1, advancerShare: 0.5 });
  });

  it('says null, not zero, when nothing has a change', () => {
    const summary = summarizeMarket([stockRow('A', 'Tech', 1e9, null)]);

    expect(summary.changePercent).toBeNull();
    expect(summary.advancerShare).toBeNull();
    expect(summary.sectors).toEqual([]);
  });
});
