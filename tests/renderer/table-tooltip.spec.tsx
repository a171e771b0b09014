import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { nextSort, sortRows } from '../../src-renderer/components/table/sort-rows';
import { StockTable } from '../../src-renderer/components/table/StockTable';
import { sparklinePoints, thin } from '../../src-renderer/components/tooltip/sparkline';
import { placeTooltip, TileTooltip } from '../../src-renderer/components/tooltip/TileTooltip';
import { recentPrices } from '../../src-renderer/components/tooltip/use-history';
import { makeTile } from './helpers/tiles';

const MISSING = { status: 'missing' } as const;
const TILES = [
  makeTile({ symbol: 'AAA', name: 'Alpha', marketCap: 300, changePercent: 1 }),
  makeTile({ symbol: 'BBB', name: 'Beta', marketCap: 100, changePercent: -2 }),
  makeTile({ symbol: 'CCC', name: 'Gamma', marketCap: 200, changePercent: null, ...MISSING }),
];

describe('StockTable', () => {
  const table = () => (
    <StockTable
      tiles={TILES}
      version={1}
      valueOf={(t) => t.changePercent}
      shareOf={(t) => (t.marketCap ?? 0) / 600}
      valueLabel="Change 1 day"
      caption="S&P 500 › Information Technology"
    />
  );

  it('lists the same rows as the map, largest share first', () => {
    render(table());
    const t = screen.getByRole('table', { name: /S&P 500 › Information Technology: 3 rows/ });
    const heads = within(t)
      .getAllByRole('rowheader')
      .map((h) => h.textContent);
    expect(heads).toEqual(['AAA', 'CCC', 'BBB']);
    expect(
      within(t)
        .getByRole('columnheader', { name: /Share of map/ })
        .getAttribute('aria-sort'),
    ).toBe('descending');
  });

  it('sorts by a column and flips on a second click, unknown values last', async () => {
    render(table());
    await userEvent.click(screen.getByRole('button', { name: 'Change 1 day' }));
    const order = () => screen.getAllByRole('rowheader').map((h) => h.textContent);
    expect(order()).toEqual(['AAA', 'BBB', 'CCC']);
    await userEvent.click(screen.getByRole('button', { name: /Change 1 day/ }));
    expect(order()).toEqual(['BBB', 'AAA', 'CCC']);
    expect(
      screen.getByRole('columnheader', { name: /Change 1 day/ }).getAttribute('aria-sort'),
    ).toBe('ascending');
  });

  it('sorts text columns A–Z first', () => {
    const rows = TILES.map((t) => ({ ...t, value: t.changePercent, share: 0 }));
    expect(nextSort({ key: 'share', direction: 'descending' }, 'name')).toEqual({
      key: 'name',
      direction: 'ascending',
    });
    expect(sortRows(rows, { key: 'name', direction: 'descending' }).map((r) => r.name)).toEqual([
      'Gamma',
      'Beta',
      'Alpha',
    ]);
  });
});

describe('sparkline', () => {
  it('maps prices into the box, high at the top', () => {
    expect(sparklinePoints([1, 3, 2], 100, 20, 0)).toBe('0.0,20.0 50.0,0.0 100.0,10.0');
    expect(sparklinePoints([5, 5], 10, 20, 0)).toBe('0.0,10.0 10.0,10.0');
    expect(sparklinePoints([5], 10, 20)).toBe('');
  });

  it('thins long series evenly, keeping both ends', () => {
    const values = Array.from({ length: 1000 }, (_, i) => i);
    const out = thin(values, 10);
    expect(out).toHaveLength(10);
    expect(out[0]).toBe(0);
    expect(out[9]).toBe(999);
  });

  it('prefers the session’s prices and falls back to daily closes', () => {
    const intraday = [1, 2, 3, 4, 5].map((price, i) => ({ time: `t${i}`, price }));
    const daily = [
      { date: 'd1', close: 10 },
      { date: 'd2', close: null },
      { date: 'd3', close: 11 },
    ];
    expect(recentPrices({ symbol: 'X', intraday, daily })).toEqual({
      values: [1, 2, 3, 4, 5],
      period: 'this session',
    });
    expect(recentPrices({ symbol: 'X', intraday: intraday.slice(0, 2), daily })).toEqual({
      values: [10, 11],
      period: 'the last 2 trading days',
    });
  });
});

describe('TileTooltip', () => {
  const tile = makeTile({ symbol: 'AAA', name: 'Alpha', price: 12.5, changePercent: 1.5 });
  const ref = {
    symbol: 'AAA',
    name: 'Alpha',
    sector: tile.sector,
    industry: tile.industry,
    rect: { x: 0, y: 0, w: 50, h: 50 },
    value: 1.5,
    status: 'live' as const,
    share: 0.021,
    labelHidden: false,
  };

  it('shows the change, share of the map and a sparkline of recent prices', () => {
    const intraday = [10, 11, 12, 11.5, 12.5].map((price, i) => ({ time: `t${i}`, price }));
    render(
      <TileTooltip
        tile={tile}
        mapTile={ref}
        anchor={{ left: 10, top: 10, width: 50, height: 50 }}
        timeframeLabel="1 day"
        history={{ kind: 'ok', history: { symbol: 'AAA', intraday, daily: [] } }}
      />,
    );
    const tip = screen.getByRole('tooltip');
    expect(tip.textContent).toContain('Alpha (AAA)');
    expect(tip.textContent).toContain('1 day: +1.50% · 2.1% of the map');
    expect(
      within(tip).getByRole('img', { name: 'Price over this session: from 10.00 to 12.50' }),
    ).toBeTruthy();
  });

  it('says why there is no line', () => {
    render(
      <TileTooltip
        tile={tile}
        mapTile={ref}
        anchor={{ left: 10, top: 10, width: 50, height: 50 }}
        timeframeLabel="1 day"
        history={{
          kind: 'ok',
          history: {
            symbol: 'AAA',
            intraday: [],
            daily: [],
            dailyNote: 'No history in the replay',
          },
        }}
      />,
    );
    expect(screen.getByRole('tooltip').textContent).toContain('No history in the replay');
  });

  it('sits right of the tile when it fits, else left, inside the window', () => {
    const size = { width: 200, height: 100 };
    const viewport = { width: 1000, height: 600 };
    expect(placeTooltip({ left: 100, top: 50, width: 50, height: 50 }, size, viewport)).toEqual({
      left: 160,
      top: 50,
    });
    expect(placeTooltip({ left: 800, top: 550, width: 100, height: 40 }, size, viewport)).toEqual({
      left: 590,
      top: 492,
    });
  });
});
