import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { SavedFilters } from '../../../src-main/core/filter/saved-filters.js';
import {
  isViewInputError,
  type ViewInputError,
} from '../../../src-main/core/views/view-input-error.js';
import {
  createMemoryViewStore,
  openConfViewStore,
} from '../../../src-main/core/views/view-store.js';
import { readSymbolCells, writeSymbolsCsv } from '../../../src-main/core/watchlists/symbol-csv.js';
import { WatchlistStore } from '../../../src-main/core/watchlists/watchlist-store.js';

const KNOWN = new Set(['AAPL', 'MSFT', 'NVDA', 'BRK.B', 'XLE']);
const clock = { now: () => Date.parse('2026-08-07T15:00:00Z') };

function store(backend = createMemoryViewStore()): WatchlistStore {
  let n = 0;
  return new WatchlistStore({
    backend,
    clock,
    resolveSymbol: (s) => {
      const upper = s.trim().toUpperCase().replace('-', '.');
      return KNOWN.has(upper) ? upper : undefined;
    },
    newId: () => `wl-${(n += 1)}`,
  });
}

function refusal(action: () => unknown): ViewInputError {
  try {
    action();
  } catch (error) {
    if (isViewInputError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('readSymbolCells', () => {
  it('reads a header, a BOM, CRLF and blank lines, with 1-based line numbers', () => {
    const { cells, problems } = readSymbolCells(
      '\uFEFFname,Symbol\r\nApple,AAPL\r\n\r\n"Micro, soft",MSFT\r\n',
    );

    expect(problems).toEqual([]);
    expect(cells).toEqual([
      { line: 2, value: 'AAPL' },
      { line: 4, value: 'MSFT' },
    ]);
  });

  it('takes the first column without a header and reports an unclosed quote', () => {
    const { cells, problems } = readSymbolCells('AAPL\n"MSFT\nNVDA');

    expect(cells).toEqual([
      { line: 1, value: 'AAPL' },
      { line: 3, value: 'NVDA' },
    ]);
    expect(problems).toEqual([{ line: 2, value: '"MSFT', problem: 'unclosed quote' }]);
  });

  it('writes symbol,name with quotes where needed, and reads back what it wrote', () => {
    const csv = writeSymbolsCsv([{ symbol: 'BRK.B', name: 'Berkshire, "B"' }]);

    expect(csv).toBe('symbol,name\r\nBRK.B,"Berkshire, ""B"""\r\n');
    expect(readSymbolCells(csv).cells).toEqual([{ line: 2, value: 'BRK.B' }]);
  });
});

describe('WatchlistStore', () => {
  it('creates, renames, adds and removes, keeping order and no duplicates', () => {
    const lists = store();
    const created = lists.create({ name: ' Tech ', symbols: ['aapl', 'MSFT', 'AAPL', 'brk-b'] });

    expect(created).toMatchObject({ id: 'wl-1', name: 'Tech', symbols: ['AAPL', 'MSFT', 'BRK.B'] });
    const updated = lists.update('wl-1', { name: 'Big tech', add: ['NVDA'], remove: ['MSFT'] });
    expect(updated).toMatchObject({ name: 'Big tech', symbols: ['AAPL', 'BRK.B', 'NVDA'] });
    expect(lists.remove('wl-1')).toBe(true);
    expect(lists.list()).toEqual([]);
  });

  it('refuses unknown symbols as a whole, listing each, and changes nothing', () => {
    const lists = store();
    lists.create({ name: 'Tech', symbols: ['AAPL'] });

    const error = refusal(() => lists.update('wl-1', { add: ['MSFT', 'ZZZZ', 'QQQQ'] }));

    expect(error.status).toBe(400);
    expect(error.detail.unknownSymbols).toEqual(['ZZZZ', 'QQQQ']);
    expect(lists.get('wl-1')?.symbols).toEqual(['AAPL']);
  });

  it('refuses a bad body, a blank or duplicate name and an unknown id', () => {
    const lists = store();
    lists.create({ name: 'Tech' });

    expect(refusal(() => lists.create({ symbols: 'AAPL' })).status).toBe(400);
    expect(refusal(() => lists.create({ name: '   ' })).status).toBe(400);
    expect(refusal(() => lists.create({ name: 'tech' })).status).toBe(409);
    expect(refusal(() => lists.update('wl-9', { name: 'x' })).status).toBe(404);
  });

  it('refuses unknown keys on create and update, naming the key', () => {
    const lists = store();
    lists.create({ name: 'Tech', symbols: ['AAPL'] });

    const create = refusal(() => lists.create({ name: 'Z1', symbols: [], extra: 1 }));
    const update = refusal(() => lists.update('wl-1', { add: ['MSFT'], rename: 'x' }));

    expect(create.status).toBe(400);
    expect(create.message).toMatch(/^Unknown field "extra"\./);
    expect(update.message).toMatch(/^Unknown field "rename"\./);
    expect(lists.list().map((w) => w.symbols)).toEqual([['AAPL']]);
  });

  it('imports CSV with BOM, CRLF, blanks and duplicates, reporting the duplicates', () => {
    const lists = store();
    lists.create({ name: 'Tech', symbols: ['AAPL'] });

    const result = lists.importCsv('wl-1', '\uFEFFsymbol\r\nNVDA\r\n\r\nnvda\r\nXLE\r\n', 'merge');

    expect(result.watchlist.symbols).toEqual(['AAPL', 'NVDA', 'XLE']);
    expect(result).toMatchObject({ imported: 2, duplicates: ['NVDA'] });
    expect(lists.importCsv('wl-1', 'MSFT', 'replace').watchlist.symbols).toEqual(['MSFT']);
  });

  it.each([
    ['an empty file', ''],
    ['a header-only file', 'symbol,name\n'],
    ['blank lines', '\n\r\n  \n'],
  ])('refuses %s in either mode, keeping the watchlist', (_label, text) => {
    const lists = store();
    lists.create({ name: 'Tech', symbols: ['AAPL'] });

    for (const mode of ['replace', 'merge'] as const) {
      const error = refusal(() => lists.importCsv('wl-1', text, mode));
      expect(error.status).toBe(400);
      expect(error.message).toBe('The file holds no symbols; nothing was changed.');
    }
    expect(lists.get('wl-1')?.symbols).toEqual(['AAPL']);
  });

  it('imports nothing when any line is bad, naming every bad line', () => {
    const lists = store();
    lists.create({ name: 'Tech', symbols: ['AAPL'] });

    const error = refusal(() =>
      lists.importCsv('wl-1', 'symbol\nNVDA\nFOO\n\nBAR\n"XLE', 'replace'),
    );

    expect(error.detail.rows).toEqual([
      { line: 3, value: 'FOO', problem: 'unknown symbol' },
      { line: 5, value: 'BAR', problem: 'unknown symbol' },
      { line: 6, value: '"XLE', problem: 'unclosed quote' },
    ]);
    expect(error.message).toMatch(
      /3 line\(s\) could not be imported \(line 3, 5, 6\); nothing was imported/,
    );
    expect(lists.get('wl-1')?.symbols).toEqual(['AAPL']);
  });
});

describe('view persistence on conf', () => {
  it('round-trips watchlists and saved filters through views.json', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'views-'));
    store(openConfViewStore({ cwd })).create({ name: 'Tech', symbols: ['AAPL'] });
    new SavedFilters(openConfViewStore({ cwd }), clock).save('Movers', 'changePercent > 2');

    const reopened = openConfViewStore({ cwd });

    expect(store(reopened).list()).toMatchObject([{ name: 'Tech', symbols: ['AAPL'] }]);
    expect(new SavedFilters(reopened, clock).list()).toEqual([
      { name: 'Movers', expression: 'changePercent > 2', updatedAt: '2026-08-07T15:00:00.000Z' },
    ]);
  });

  it('starts empty on a corrupted file and keeps its text beside it', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'views-'));
    writeFileSync(join(cwd, 'views.json'), '{"watchlists": [ broken');

    const backend = openConfViewStore({ cwd });

    expect(store(backend).list()).toEqual([]);
    const backup = readdirSync(cwd).find((f) => f.startsWith('views.json.corrupt-'));
    expect(backup).toBeDefined();
    expect(readFileSync(join(cwd, backup as string), 'utf8')).toBe('{"watchlists": [ broken');
    store(backend).create({ name: 'Fresh' });
    expect(existsSync(join(cwd, 'views.json'))).toBe(true);
    expect(store(openConfViewStore({ cwd })).list()).toHaveLength(1);
  });

  it('skips invalid stored entries but keeps the valid ones', () => {
    const backend = createMemoryViewStore({
      watchlists: [
        { id: 'BAD ID', name: 'x' },
        { id: 'wl-1', name: 'Ok', symbols: ['AAPL'], createdAt: 'a', updatedAt: 'b' },
      ],
      filters: 'not a list',
    });

    expect(
      store(backend)
        .list()
        .map((w) => w.id),
    ).toEqual(['wl-1']);
    expect(new SavedFilters(backend, clock).list()).toEqual([]);
  });
});

describe('SavedFilters', () => {
  it('saves, replaces by name in any case, and deletes', () => {
    const filters = new SavedFilters(createMemoryViewStore(), clock);

    expect(filters.save('Movers', 'changePercent > 2').created).toBe(true);
    expect(filters.save('movers', 'changePercent > 3').created).toBe(false);
    expect(filters.list()).toMatchObject([{ name: 'movers', expression: 'changePercent > 3' }]);
    expect(filters.remove('MOVERS')).toBe(true);
    expect(filters.remove('MOVERS')).toBe(false);
  });

  it('refuses a bad expression with its position, and a bad name', () => {
    const filters = new SavedFilters(createMemoryViewStore(), clock);

    const error = refusal(() => filters.save('x', 'price >'));
    expect(error.detail.filterError).toEqual({ position: 7, end: 8, excerpt: 'price >\n       ^' });
    expect(refusal(() => filters.save('/etc', 'price > 1')).status).toBe(400);
    expect(refusal(() => filters.save('x', 42)).status).toBe(400);
  });
});
