import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import type { ApiError, Watchlist } from '../../src-main/shared/api-types';
import type { ApiResult } from '../../src-renderer/api/http-json';
import {
  useWatchlists,
  type WatchlistsClient,
} from '../../src-renderer/components/watchlists/use-watchlists';
import { watchlistCsv } from '../../src-renderer/components/watchlists/watchlist-csv';
import { WatchlistsPanel } from '../../src-renderer/components/watchlists/WatchlistsPanel';

const KNOWN = new Set(['AAPL', 'MSFT', 'NVDA', 'XOM']);
const NAMES: Record<string, string> = { AAPL: 'Apple Inc.', MSFT: 'Microsoft', NVDA: 'Nvidia' };

const ok = <T,>(value: T): ApiResult<T> => ({ ok: true, value });
const bad = <T,>(error: ApiError, status = 400): ApiResult<T> => ({ ok: false, status, error });

/** An in-memory stand-in for `/api/watchlists` with the server's validation. */
function fakeServer(): WatchlistsClient & { lists: Watchlist[] } {
  const lists: Watchlist[] = [];
  let n = 0;
  const find = (id: string) => lists.find((w) => w.id === id);
  const unknown = (symbols: string[]) => symbols.filter((s) => !KNOWN.has(s));
  const stamp = '2026-12-04T10:00:00Z';

  return {
    lists,
    listWatchlists: async () => ok({ watchlists: lists.map((w) => ({ ...w })) }),
    createWatchlist: async ({ name, symbols = [] }) => {
      if (!name.trim()) return bad({ error: 'A watchlist needs a name.' });
      const w = { id: `wl-${++n}`, name, symbols, createdAt: stamp, updatedAt: stamp };
      lists.push(w);
      return ok(w);
    },
    updateWatchlist: async (id, req) => {
      const w = find(id);
      if (!w) return bad({ error: `No watchlist with id "${id}".` }, 404);
      const missing = unknown(req.add ?? []);
      if (missing.length) {
        return bad({ error: 'Unknown symbol(s). Nothing was changed.', unknownSymbols: missing });
      }
      if (req.name !== undefined) w.name = req.name;
      w.symbols = [...new Set([...w.symbols, ...(req.add ?? [])])].filter(
        (s) => !(req.remove ?? []).includes(s),
      );
      return ok({ ...w });
    },
    deleteWatchlist: async (id) => {
      const i = lists.findIndex((w) => w.id === id);
      if (i < 0) return bad({ error: 'gone' }, 404);
      lists.splice(i, 1);
      return ok(null);
    },
    importWatchlistCsv: async (id, csv, mode) => {
      const w = find(id);
      if (!w) return bad({ error: 'gone' }, 404);
      const cells = csv
        .split(/\r?\n/)
        .map((line, i) => ({ line: i + 1, value: (line.split(',')[0] ?? '').trim() }))
        .filter((c) => c.value && c.value !== 'symbol');
      const rows = cells
        .filter((c) => !KNOWN.has(c.value))
        .map((c) => ({ ...c, problem: 'unknown symbol' }));
      if (rows.length) return bad({ error: `${rows.length} line(s) could not be imported.`, rows });
      const symbols = cells.map((c) => c.value);
      const duplicates = symbols.filter((s, i) => symbols.indexOf(s) !== i);
      w.symbols = [...new Set(mode === 'replace' ? symbols : [...w.symbols, ...symbols])];
      return ok({ watchlist: { ...w }, imported: new Set(symbols).size, duplicates });
    },
    exportWatchlistCsv: async (id) => {
      const w = find(id);
      return w ? ok(watchlistCsv(w, (s) => NAMES[s])) : bad({ error: 'gone' }, 404);
    },
  };
}

function Harness(props: {
  server: WatchlistsClient;
  onShowMap?(id: string): void;
  onExport?(text: string, name: string): void;
}) {
  const state = useWatchlists(props.server);
  return (
    <WatchlistsPanel
      state={state}
      nameOf={(s) => NAMES[s]}
      onShowMap={props.onShowMap ?? vi.fn()}
      onExport={props.onExport ?? vi.fn()}
    />
  );
}

async function createList(name: string) {
  await userEvent.type(screen.getByRole('textbox', { name: 'New watchlist' }), name);
  await userEvent.click(screen.getByRole('button', { name: 'Create' }));
  await screen.findByRole('option', { name: `${name} (0)` });
}

describe('watchlists panel', () => {
  it('creates, renames and deletes a watchlist', async () => {
    const server = fakeServer();
    render(<Harness server={server} />);
    expect(screen.getByText(/No watchlists yet/)).toBeTruthy();

    await createList('Tech');
    expect(server.lists.map((w) => w.name)).toEqual(['Tech']);

    const name = screen.getByRole('textbox', { name: 'Name' });
    await userEvent.clear(name);
    await userEvent.type(name, 'Big tech');
    await userEvent.click(screen.getByRole('button', { name: 'Rename' }));
    await screen.findByRole('option', { name: 'Big tech (0)' });
    expect(screen.getByRole('status').textContent).toBe('Renamed to “Big tech”.');

    await userEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    const confirm = screen.getByRole('group', { name: 'Confirm delete' });
    await userEvent.click(within(confirm).getByRole('button', { name: 'Yes, delete' }));
    await screen.findByText(/No watchlists yet/);
    expect(server.lists).toEqual([]);
  });

  it('adds and removes symbols, naming unknown ones', async () => {
    const server = fakeServer();
    render(<Harness server={server} />);
    await createList('Tech');

    await userEvent.type(screen.getByRole('textbox', { name: 'Add symbols' }), 'aapl, msft');
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    const symbols = await screen.findByRole('list', { name: 'Symbols in Tech' });
    await waitFor(() => expect(within(symbols).getAllByRole('listitem')).toHaveLength(2));

    await userEvent.type(screen.getByRole('textbox', { name: 'Add symbols' }), 'NOPE');
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Unknown symbols: NOPE.');

    await userEvent.click(screen.getByRole('button', { name: 'Remove AAPL' }));
    await waitFor(() => expect(server.lists[0]?.symbols).toEqual(['MSFT']));
  });

  it('imports a CSV and reports every bad line, importing nothing', async () => {
    const server = fakeServer();
    render(<Harness server={server} />);
    await createList('Tech');
    const input = screen.getByLabelText('Import CSV');

    const badFile = new File(['symbol\nAAPL\nZZZZ9\n$$$\n'], 'bad.csv', { type: 'text/csv' });
    await userEvent.upload(input, badFile);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Nothing was imported.');
    expect(alert.textContent).toContain('Line 3 (“ZZZZ9”): unknown symbol');
    expect(alert.textContent).toContain('Line 4 (“$$$”): unknown symbol');
    expect(server.lists[0]?.symbols).toEqual([]);

    const good = new File(['symbol\nAAPL\nNVDA\nAAPL\n'], 'good.csv', { type: 'text/csv' });
    await userEvent.upload(input, good);
    const status = await screen.findByRole('status');
    expect(status.textContent).toContain('Imported 2 symbols from good.csv.');
    expect(status.textContent).toContain('Listed more than once (kept once): AAPL.');
    expect(server.lists[0]?.symbols).toEqual(['AAPL', 'NVDA']);
  });

  it('exports the list as CSV and shows it as its own map', async () => {
    const server = fakeServer();
    const onExport = vi.fn();
    const onShowMap = vi.fn();
    render(<Harness server={server} onExport={onExport} onShowMap={onShowMap} />);
    await createList('Tech');
    await userEvent.type(screen.getByRole('textbox', { name: 'Add symbols' }), 'MSFT NVDA');
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    await screen.findByRole('option', { name: 'Tech (2)' });

    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(onExport).toHaveBeenCalled());
    expect(onExport.mock.calls[0]?.[0]).toBe('symbol,name\r\nMSFT,Microsoft\r\nNVDA,Nvidia\r\n');
    expect(onExport.mock.calls[0]?.[1]).toMatch(/^watchlist-wl-1-\d{4}-\d\d-\d\d\.csv$/);

    await userEvent.click(screen.getByRole('button', { name: 'Show as map' }));
    expect(onShowMap).toHaveBeenCalledWith('wl-1');
  });
});

describe('watchlistCsv', () => {
  it('quotes names with commas and quotes', () => {
    const w = { id: 'x', name: 'x', symbols: ['BRK.B'], createdAt: '', updatedAt: '' };
    expect(watchlistCsv(w, () => 'Berkshire "B", Inc.')).toBe(
      'symbol,name\r\nBRK.B,"Berkshire ""B"", Inc."\r\n',
    );
  });
});
