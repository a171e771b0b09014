import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { computeBreadth } from '../../src-renderer/components/breadth/breadth';
import { BreadthBar } from '../../src-renderer/components/breadth/BreadthBar';
import { makeTile } from './helpers/tiles';

const TILES = [
  makeTile({ symbol: 'A', sector: 'Tech', industry: 'Chips', marketCap: 300, changePercent: 2 }),
  makeTile({ symbol: 'B', sector: 'Tech', industry: 'Soft', marketCap: 100, changePercent: -2 }),
  makeTile({ symbol: 'C', sector: 'Energy', industry: 'Oil', marketCap: 50, changePercent: 0 }),
  makeTile({ symbol: 'D', sector: 'Energy', industry: 'Oil', marketCap: null, changePercent: 1 }),
  makeTile({ symbol: 'E', sector: 'Energy', industry: 'Oil', status: 'missing', changePercent: 3 }),
];
const dayChange = (t: { changePercent: number | null }) => t.changePercent;

describe('computeBreadth', () => {
  it('counts advancers, decliners, unchanged and tiles without data', () => {
    const b = computeBreadth(TILES, dayChange);
    expect([b.advancers, b.decliners, b.unchanged, b.noData]).toEqual([2, 1, 1, 1]);
  });

  it('weights each group’s change by market cap, largest group first', () => {
    const b = computeBreadth(TILES, dayChange);
    expect(b.groups.map((g) => g.name)).toEqual(['Tech', 'Energy']);
    expect(b.groups[0]?.change).toBeCloseTo((300 * 2 - 100 * 2) / 400);
    // D has no cap and E no quote: only C (0 %) enters Energy's mean.
    expect(b.groups[1]?.change).toBe(0);
    expect(b.groups[1]?.count).toBe(3);
    expect(b.change).toBeCloseTo(400 / 450);
  });

  it('groups by industry when asked', () => {
    const b = computeBreadth(TILES, dayChange, 'industry');
    expect(b.groups.map((g) => g.name)).toEqual(['Chips', 'Soft', 'Oil']);
  });

  it('uses the time frame value it is given', () => {
    const b = computeBreadth(TILES, () => null);
    expect(b.noData).toBe(5);
    expect(b.change).toBeNull();
  });
});

describe('BreadthBar', () => {
  it('says the counts in words and each sector’s change', () => {
    render(<BreadthBar breadth={computeBreadth(TILES, dayChange)} groupLabel="Sectors" />);
    expect(
      screen.getByRole('img', {
        name: '2 advancing, 1 declining, 1 unchanged, 1 without data',
      }),
    ).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Sectors, cap-weighted change' });
    expect(list.textContent).toContain('Tech');
    expect(list.textContent).toContain('+1.00%');
  });

  it('names the whole view’s cap-weighted change in words, on screen and to assistive tech', () => {
    const breadth = { ...computeBreadth(TILES, dayChange), change: -0.14 };
    render(<BreadthBar breadth={breadth} groupLabel="Sectors" />);
    const total = screen.getByRole('note', {
      name: 'Whole view, cap-weighted change: down 0.14%',
    });
    expect(total.textContent).toBe('Whole view ▼ -0.14% (cap-weighted)');
  });

  it('drills into a sector from its chip', async () => {
    const onGroupClick = vi.fn();
    render(
      <BreadthBar
        breadth={computeBreadth(TILES, dayChange)}
        groupLabel="Sectors"
        onGroupClick={onGroupClick}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: /^Energy/ }));
    expect(onGroupClick).toHaveBeenCalledWith('Energy');
  });
});
