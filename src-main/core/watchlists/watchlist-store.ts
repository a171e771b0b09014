/**
 * Watchlists: create, rename, delete, add and remove symbols, import CSV; persisted in the view
 * store. Every change is validated as a whole before anything is written: a request naming one
 * unknown symbol changes nothing and lists them all.
 */
import { randomUUID } from 'node:crypto';

import { z } from 'zod';

import type {
  CreateWatchlistRequest,
  CsvRowProblem,
  UpdateWatchlistRequest,
  Watchlist,
  WatchlistImportResponse,
} from '../../shared/api-types.js';
import type { Clock } from '../domain/types.js';
import { createLogger } from '../log.js';
import { parseViewBody } from '../views/view-body.js';
import { ViewInputError } from '../views/view-input-error.js';
import type { ViewStoreBackend } from '../views/view-store.js';
import { readSymbolCells } from './symbol-csv.js';

const log = createLogger('watchlists');

const WATCHLISTS_KEY = 'watchlists';
export const MAX_WATCHLISTS = 50;
export const MAX_WATCHLIST_SYMBOLS = 1_000;
const MAX_NAME_LENGTH = 64;
export const WATCHLIST_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
/** Shown in errors: the first few unknown symbols are enough to act on. */
const MAX_LISTED = 20;

const watchlistSchema = z.object({
  id: z.string().regex(WATCHLIST_ID),
  name: z.string().min(1).max(MAX_NAME_LENGTH),
  symbols: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const createSchema = z.strictObject({
  name: z.string(),
  symbols: z.array(z.string()).optional(),
});

const updateSchema = z.strictObject({
  name: z.string().optional(),
  symbols: z.array(z.string()).optional(),
  add: z.array(z.string()).optional(),
  remove: z.array(z.string()).optional(),
});

export type ImportMode = 'merge' | 'replace';

export interface WatchlistStoreOptions {
  backend: ViewStoreBackend;
  clock: Clock;
  /** The canonical symbol for a typed one (case, `BRK-B` → `BRK.B`), or undefined if unknown. */
  resolveSymbol(symbol: string): string | undefined;
  /** Id source (tests pass a counter). */
  newId?: () => string;
}

/** See the module comment. */
export class WatchlistStore {
  private readonly newId: () => string;

  constructor(private readonly options: WatchlistStoreOptions) {
    this.newId = options.newId ?? (() => `wl-${randomUUID().slice(0, 8)}`);
  }

  /** Every watchlist, in creation order. Invalid stored entries are skipped and logged. */
  list(): Watchlist[] {
    const stored = this.options.backend.get(WATCHLISTS_KEY);
    if (stored === undefined) return [];
    if (!Array.isArray(stored)) {
      log.warn('load watchlists: the stored value is not a list, ignoring it');
      return [];
    }
    const lists: Watchlist[] = [];
    stored.forEach((entry, index) => {
      const parsed = watchlistSchema.safeParse(entry);
      if (parsed.success) lists.push(parsed.data);
      else log.warn(`load watchlists: entry ${index} is invalid, skipping it`);
    });
    return lists;
  }

  get(id: string): Watchlist | undefined {
    return this.list().find((w) => w.id === id);
  }

  /** The watchlist or a 404 ViewInputError. */
  require(id: string): Watchlist {
    const found = this.get(id);
    if (!found) throw new ViewInputError(404, `No watchlist with id "${id.slice(0, 40)}".`);
    return found;
  }

  create(body: unknown): Watchlist {
    const request: CreateWatchlistRequest = parseViewBody(
      createSchema,
      body,
      'Body must be {"name": string, "symbols"?: string[]}.',
      ['name', 'symbols'],
    );
    const all = this.list();
    if (all.length >= MAX_WATCHLISTS) {
      throw new ViewInputError(409, `At most ${MAX_WATCHLISTS} watchlists; delete one first.`);
    }
    const now = new Date(this.options.clock.now()).toISOString();
    const watchlist: Watchlist = {
      id: this.uniqueId(all),
      name: this.checkName(request.name, all),
      symbols: this.resolveAll(request.symbols ?? []),
      createdAt: now,
      updatedAt: now,
    };
    this.options.backend.set(WATCHLISTS_KEY, [...all, watchlist]);
    return watchlist;
  }

  /** Rename, replace, add, remove (in that order), validated as a whole. */
  update(id: string, body: unknown): Watchlist {
    const request: UpdateWatchlistRequest = parseViewBody(
      updateSchema,
      body,
      'Body must be {"name"?: string, "symbols"?: string[], "add"?: string[], "remove"?: string[]}.',
      ['name', 'symbols', 'add', 'remove'],
    );
    const all = this.list();
    const current = this.require(id);

    const name = request.name === undefined ? current.name : this.checkName(request.name, all, id);
    let symbols =
      request.symbols === undefined ? current.symbols : this.resolveAll(request.symbols);
    if (request.add) symbols = dedupe([...symbols, ...this.resolveAll(request.add)]);
    if (request.remove) {
      // Removing a symbol the list does not hold is not an error (idempotent), but an
      // unknown ticker is: it is probably a typo.
      const gone = new Set(this.resolveAll(request.remove));
      symbols = symbols.filter((s) => !gone.has(s));
    }
    return this.write(all, { ...current, name, symbols: this.checkSize(symbols) });
  }

  remove(id: string): boolean {
    const all = this.list();
    const kept = all.filter((w) => w.id !== id);
    if (kept.length === all.length) return false;
    this.options.backend.set(WATCHLISTS_KEY, kept);
    return true;
  }

  /**
   * Imports the symbol column of a CSV text. Every bad line (unknown symbol, unclosed quote) is
   * reported with its line number and nothing is imported; duplicates are kept once. A file
   * with no symbol at all is refused (400), never read as "replace with nothing".
   */
  importCsv(id: string, text: string, mode: ImportMode): WatchlistImportResponse {
    const all = this.list();
    const current = this.require(id);
    const { cells, problems } = readSymbolCells(text);

    const rows: CsvRowProblem[] = [...problems];
    const symbols: string[] = [];
    for (const cell of cells) {
      const symbol = this.options.resolveSymbol(cell.value);
      if (symbol === undefined) rows.push({ ...cell, problem: 'unknown symbol' });
      else symbols.push(symbol);
    }
    if (rows.length > 0) {
      rows.sort((a, b) => a.line - b.line);
      const lines = rows
        .slice(0, MAX_LISTED)
        .map((r) => r.line)
        .join(', ');
      throw new ViewInputError(
        400,
        `${rows.length} line(s) could not be imported (line ${lines}); nothing was imported.`,
        { rows },
      );
    }

    // An empty, header-only or blank file is almost surely the wrong file; in replace mode it
    // would silently empty the list, so it is refused in every mode.
    if (symbols.length === 0) {
      throw new ViewInputError(400, 'The file holds no symbols; nothing was changed.');
    }

    const unique = dedupe(symbols);
    const duplicates = dedupe(symbols.filter((s, i) => symbols.indexOf(s) !== i));
    const merged = mode === 'replace' ? unique : dedupe([...current.symbols, ...unique]);
    const watchlist = this.write(all, { ...current, symbols: this.checkSize(merged) });
    return { watchlist, imported: unique.length, duplicates };
  }

  private write(all: Watchlist[], changed: Watchlist): Watchlist {
    const updated = { ...changed, updatedAt: new Date(this.options.clock.now()).toISOString() };
    this.options.backend.set(
      WATCHLISTS_KEY,
      all.map((w) => (w.id === updated.id ? updated : w)),
    );
    return updated;
  }

  /** Canonical symbols without duplicates, or a 400 listing every unknown one. */
  private resolveAll(symbols: readonly string[]): string[] {
    const known: string[] = [];
    const unknown: string[] = [];
    for (const raw of symbols) {
      const symbol = this.options.resolveSymbol(raw);
      if (symbol === undefined) unknown.push(raw.trim().slice(0, 20));
      else known.push(symbol);
    }
    if (unknown.length > 0) {
      const listed = unknown.slice(0, MAX_LISTED).join(', ');
      throw new ViewInputError(400, `Unknown symbol(s): ${listed}. Nothing was changed.`, {
        unknownSymbols: unknown,
      });
    }
    return this.checkSize(dedupe(known));
  }

  private checkSize(symbols: string[]): string[] {
    if (symbols.length <= MAX_WATCHLIST_SYMBOLS) return symbols;
    throw new ViewInputError(400, `A watchlist holds at most ${MAX_WATCHLIST_SYMBOLS} symbols.`);
  }

  private checkName(name: string, all: readonly Watchlist[], selfId?: string): string {
    const trimmed = name.trim();
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
    if (trimmed === '' || trimmed.length > MAX_NAME_LENGTH || /[\u0000-\u001f]/.test(trimmed)) {
      const message = `Watchlist name must be 1–${MAX_NAME_LENGTH} printable characters.`;
      throw new ViewInputError(400, message);
    }
    const lower = trimmed.toLowerCase();
    const clash = all.find((w) => w.id !== selfId && w.name.toLowerCase() === lower);
    if (clash) throw new ViewInputError(409, `A watchlist named "${clash.name}" already exists.`);
    return trimmed;
  }

  private uniqueId(all: readonly Watchlist[]): string {
    const taken = new Set(all.map((w) => w.id));
    for (;;) {
      const id = this.newId();
      if (!taken.has(id)) return id;
    }
  }
}

function dedupe(symbols: readonly string[]): string[] {
  return [...new Set(symbols)];
}
