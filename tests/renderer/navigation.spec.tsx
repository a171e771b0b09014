import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import type { Watchlist } from '../../src-main/shared/api-types';
import type { MapTileRef } from '../../src-renderer/chart/heatmap-view';
import { Breadcrumb } from '../../src-renderer/components/navigation/Breadcrumb';
import { groupLabel, tileLabel } from '../../src-renderer/components/navigation/labels';
import { searchTiles } from '../../src-renderer/components/navigation/search-tiles';
import { SearchBox } from '../../src-renderer/components/navigation/SearchBox';
import { TileContextMenu } from '../../src-renderer/components/navigation/TileContextMenu';

const IT = 'Information Technology';
const ROWS = [
  { symbol: 'AAPL', name: 'Apple Inc.', sector: IT, changePercent: 1.2 },
  { symbol: 'AMAT', name: 'Applied Materials', sector: IT, changePercent: -1 },
  { symbol: 'APP', name: 'AppLovin', sector: IT, changePercent: 0.5 },
  { symbol: 'PG', name: 'Procter & Gamble', sector: 'Consumer Staples', changePercent: 0 },
  { symbol: 'TSLA', name: 'Tesla, Inc.', sector: 'Consumer Discretionary', changePercent: -2 },
];

describe('Breadcrumb', () => {
  it('shows the path and goes back to any level above', async () => {
    const onNavigate = vi.fn();
    render(
      <Breadcrumb
        rootLabel="S&P 500"
        path={{ sector: 'Energy', industry: 'Oil & Gas Refining' }}
        onNavigate={onNavigate}
      />,
    );
    const nav = screen.getByRole('navigation', { name: 'Drill-down' });
    expect(within(nav).getByText('Oil & Gas Refining').getAttribute('aria-current')).toBe(
      'location',
    );
    await userEvent.click(within(nav).getByRole('button', { name: 'Energy' }));
    expect(onNavigate).toHaveBeenLastCalledWith({ sector: 'Energy' });
    await userEvent.click(within(nav).getByRole('button', { name: 'S&P 500' }));
    expect(onNavigate).toHaveBeenLastCalledWith({});
  });

  it('is just the map’s name at the top level', () => {
    render(<Breadcrumb rootLabel="Dow 30" path={{}} onNavigate={vi.fn()} />);
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    expect(screen.getByText('Dow 30').getAttribute('aria-current')).toBe('location');
  });
});

describe('searchTiles', () => {
  it('ranks an exact ticker, then ticker prefixes, then names', () => {
    expect(searchTiles(ROWS, 'app').map((r) => r.symbol)).toEqual(['APP', 'AAPL', 'AMAT']);
    expect(searchTiles(ROWS, 'gamble').map((r) => r.symbol)).toEqual(['PG']);
    expect(searchTiles(ROWS, '  ')).toEqual([]);
  });
});

describe('SearchBox', () => {
  it('finds a ticker by name with the keyboard and reports it', async () => {
    const onFound = vi.fn();
    render(<SearchBox rows={ROWS} onFound={onFound} onDismiss={vi.fn()} />);
    const box = screen.getByRole('combobox', { name: 'Search ticker or name' });

    await userEvent.type(box, 'appl');
    const list = screen.getByRole('listbox', { name: 'Matches' });
    const symbols = within(list)
      .getAllByRole('option')
      .map((o) => o.querySelector('strong')?.textContent);
    expect(symbols).toEqual(['AAPL', 'AMAT', 'APP']);
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(onFound).toHaveBeenCalledWith('AMAT');
    expect(screen.getByRole('status').textContent).toBe('AMAT highlighted on the map.');
  });

  it('says when nothing matches and gives focus back on Escape', async () => {
    const onDismiss = vi.fn();
    render(<SearchBox rows={ROWS} onFound={vi.fn()} onDismiss={onDismiss} />);
    const box = screen.getByRole('combobox', { name: 'Search ticker or name' });
    await userEvent.type(box, 'zzz{Enter}');
    expect(screen.getByRole('status').textContent).toBe('No ticker or name matches “zzz”.');
    await userEvent.keyboard('{Escape}{Escape}');
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it('hides the "no match" message on Escape and drops the highlight when emptied', async () => {
    const onClear = vi.fn();
    render(<SearchBox rows={ROWS} onFound={vi.fn()} onDismiss={vi.fn()} onClear={onClear} />);
    const box = screen.getByRole('combobox', { name: 'Search ticker or name' });
    await userEvent.type(box, 'zzz{Enter}');
    expect(
      screen.getByText('No ticker or name matches “zzz”.', { selector: '.search-miss' }),
    ).toBeTruthy();

    await userEvent.keyboard('{Escape}');
    expect(screen.queryByText(/No ticker or name matches/)).toBeNull();
    expect((box as HTMLInputElement).value).toBe('');
    expect(onClear).toHaveBeenCalledTimes(1);
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByText(/No ticker or name matches/)).toBeNull();
  });

  it('names a miss found outside this map and offers to show it', async () => {
    const findElsewhere = vi.fn(async (q: string) =>
      q === 'qqq' ? { symbol: 'QQQ', name: 'Invesco QQQ Trust', categories: ['etf'] } : null,
    );
    const onShowElsewhere = vi.fn();
    render(
      <SearchBox
        rows={ROWS}
        onFound={vi.fn()}
        onDismiss={vi.fn()}
        findElsewhere={findElsewhere}
        onShowElsewhere={onShowElsewhere}
      />,
    );
    const box = screen.getByRole('combobox', { name: 'Search ticker or name' });

    await userEvent.type(box, 'zzz{Enter}');
    expect(
      await screen.findByText('No ticker or name matches “zzz”.', { selector: '.search-miss' }),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show it' })).toBeNull();

    await userEvent.clear(box);
    await userEvent.type(box, 'qqq{Enter}');
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'QQQ (Invesco QQQ Trust) is not on this map.',
      ),
    );
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Show it' }));
    await userEvent.keyboard('{Enter}');
    expect(onShowElsewhere).toHaveBeenCalledWith({
      symbol: 'QQQ',
      name: 'Invesco QQQ Trust',
      categories: ['etf'],
    });
    expect(screen.queryByText(/is not on this map/)).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('QQQ is highlighted on the map.');
  });

  it('drops an answer that arrives after the user typed on', async () => {
    let answer: (
      value: null | { symbol: string; name: string; categories: string[] },
    ) => void = () => undefined;
    const findElsewhere = vi.fn(
      () =>
        new Promise<{ symbol: string; name: string; categories: string[] } | null>(
          (resolve) => (answer = resolve),
        ),
    );
    render(
      <SearchBox rows={ROWS} onFound={vi.fn()} onDismiss={vi.fn()} findElsewhere={findElsewhere} />,
    );
    const box = screen.getByRole('combobox', { name: 'Search ticker or name' });

    await userEvent.type(box, 'qqq{Enter}');
    await userEvent.type(box, 'x');
    answer({ symbol: 'QQQ', name: 'Invesco QQQ Trust', categories: ['etf'] });
    await Promise.resolve();

    expect(screen.queryByText(/is not on this map/)).toBeNull();
  });

  it('drops the "no match" message when the focus leaves the box', async () => {
    render(
      <>
        <SearchBox rows={ROWS} onFound={vi.fn()} onDismiss={vi.fn()} />
        <button type="button">Energy</button>
      </>,
    );
    await userEvent.type(screen.getByRole('combobox'), 'zzz{Enter}');
    await userEvent.click(screen.getByRole('button', { name: 'Energy' }));
    expect(screen.queryByText(/No ticker or name matches/)).toBeNull();
  });

  it('picks a match with the mouse', async () => {
    const onFound = vi.fn();
    render(<SearchBox rows={ROWS} onFound={onFound} onDismiss={vi.fn()} />);
    await userEvent.type(screen.getByRole('combobox'), 'tes');
    await userEvent.click(screen.getByRole('option', { name: /TSLA/ }));
    expect(onFound).toHaveBeenCalledWith('TSLA');
  });
});

const LISTS: Watchlist[] = [
  { id: 'a', name: 'Tech', symbols: ['AAPL'], createdAt: '', updatedAt: '' },
  { id: 'b', name: 'Energy', symbols: [], createdAt: '', updatedAt: '' },
];

function renderMenu() {
  const handlers = {
    onCopy: vi.fn(),
    onAddTo: vi.fn(),
    onRemoveFrom: vi.fn(),
    onNewWatchlist: vi.fn(),
    onDetails: vi.fn(),
    onClose: vi.fn(),
  };
  render(
    <TileContextMenu
      target={{ symbol: 'AAPL', name: 'Apple Inc.', x: 20, y: 30 }}
      watchlists={LISTS}
      {...handlers}
    />,
  );
  return handlers;
}

describe('TileContextMenu', () => {
  it('offers copy, details, add to lists without the symbol, remove from lists with it', () => {
    renderMenu();
    const menu = screen.getByRole('menu', { name: 'Actions for AAPL, Apple Inc.' });
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((i) => i.textContent),
    ).toEqual([
      'Copy symbol AAPL',
      'Open details',
      'Add to Energy',
      'Remove from Tech',
      'Add to a new watchlist…',
    ]);
    expect(document.activeElement?.textContent).toBe('Copy symbol AAPL');
  });

  it('runs an item from the keyboard and closes', async () => {
    const h = renderMenu();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(h.onAddTo).toHaveBeenCalledWith('b', 'AAPL');
    expect(h.onClose).toHaveBeenCalled();
  });

  it('wraps around with the arrow keys and closes on Escape', async () => {
    const h = renderMenu();
    await userEvent.keyboard('{ArrowUp}');
    expect(document.activeElement?.textContent).toBe('Add to a new watchlist…');
    await userEvent.keyboard('{Enter}');
    expect(h.onNewWatchlist).toHaveBeenCalledWith('AAPL');
    await userEvent.keyboard('{Escape}');
    expect(h.onClose).toHaveBeenCalled();
  });

  it('copies the symbol, opens details and removes from a list on click', async () => {
    const h = renderMenu();
    await userEvent.click(screen.getByRole('menuitem', { name: 'Copy symbol AAPL' }));
    expect(h.onCopy).toHaveBeenCalledWith('AAPL');
    await userEvent.click(screen.getByRole('menuitem', { name: 'Open details' }));
    expect(h.onDetails).toHaveBeenCalledWith('AAPL');
    await userEvent.click(screen.getByRole('menuitem', { name: 'Remove from Tech' }));
    expect(h.onRemoveFrom).toHaveBeenCalledWith('a', 'AAPL');
  });

  it('closes on a press outside', async () => {
    const h = renderMenu();
    await userEvent.click(document.body);
    expect(h.onClose).toHaveBeenCalled();
  });
});

describe('accessible labels', () => {
  const ref: MapTileRef = {
    symbol: 'INTC',
    name: 'Intel',
    sector: 'Information Technology',
    industry: 'Semiconductors',
    rect: { x: 0, y: 0, w: 10, h: 10 },
    value: -0.27,
    status: 'live',
    share: 0.0104,
    labelHidden: false,
  };

  it('says name, direction, change, share of the map and place', () => {
    expect(tileLabel(ref, '1d')).toBe(
      'Intel (INTC), down 0.27% over 1 day, 1.0% of the map, ' +
        'Information Technology › Semiconductors',
    );
    expect(tileLabel({ ...ref, value: null, status: 'missing' }, '1w')).toBe(
      'Intel (INTC), no change data over 1 week, 1.0% of the map, ' +
        'Information Technology › Semiconductors, missing',
    );
  });

  it('says a group’s share, change and size', () => {
    expect(groupLabel({ name: 'Energy', share: 0.034, change: 1.5, count: 22 })).toBe(
      'Energy, 3.4% of the map, up 1.50%, 22 stocks',
    );
  });
});
