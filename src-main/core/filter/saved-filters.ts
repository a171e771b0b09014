/**
 * Named custom filters, persisted in the view store. Each save re-checks the expression, so a
 * stored filter always compiles; entries that no longer do (an older field list) are kept and
 * listed, and the stocks query reports their error when used.
 */
import { z } from 'zod';

import type { SavedFilter } from '../../shared/api-types.js';
import type { Clock } from '../domain/types.js';
import { createLogger } from '../log.js';
import { parseViewBody } from '../views/view-body.js';
import { ViewInputError } from '../views/view-input-error.js';
import type { ViewStoreBackend } from '../views/view-store.js';
import { compileFilter } from './compile-filter.js';

const log = createLogger('saved-filters');

const FILTERS_KEY = 'filters';
/** Names people type: letters, digits, spaces and a little punctuation. */
const FILTER_NAME = /^[\p{L}\p{N}][\p{L}\p{N} _.()-]{0,63}$/u;
export const MAX_SAVED_FILTERS = 200;

const savedFilterSchema = z.object({
  name: z.string().regex(FILTER_NAME),
  expression: z.string(),
  updatedAt: z.string(),
});

const filterBodySchema = z.strictObject({ expression: z.string() });

/** The expression of a `PUT /api/filters/<name>` body; a 400 ViewInputError for any other shape. */
export function readFilterBody(body: unknown): string {
  const shape = 'Body must be {"expression": "<criteria>"}.';
  return parseViewBody(filterBodySchema, body, shape, ['expression']).expression;
}

/** See the module comment. */
export class SavedFilters {
  constructor(
    private readonly backend: ViewStoreBackend,
    private readonly clock: Clock,
  ) {}

  /** Every saved filter, by name. Invalid stored entries are skipped and logged. */
  list(): SavedFilter[] {
    const stored = this.backend.get(FILTERS_KEY);
    if (stored === undefined) return [];
    if (!Array.isArray(stored)) {
      log.warn('load filters: the stored value is not a list, ignoring it');
      return [];
    }
    const filters: SavedFilter[] = [];
    stored.forEach((entry, index) => {
      const parsed = savedFilterSchema.safeParse(entry);
      if (parsed.success) filters.push(parsed.data);
      else log.warn(`load filters: entry ${index} is invalid, skipping it`);
    });
    return filters.sort((a, b) => a.name.localeCompare(b.name));
  }

  get(name: string): SavedFilter | undefined {
    const wanted = name.toLowerCase();
    return this.list().find((f) => f.name.toLowerCase() === wanted);
  }

  /** Creates or replaces a filter; throws ViewInputError for a bad name or expression. */
  save(name: string, expression: unknown): { created: boolean; filter: SavedFilter } {
    const trimmed = name.trim();
    if (!FILTER_NAME.test(trimmed)) {
      throw new ViewInputError(
        400,
        'Filter name must be 1–64 letters, digits, spaces or _ . ( ) -, ' +
          'starting with a letter or digit.',
      );
    }
    if (typeof expression !== 'string') {
      throw new ViewInputError(400, 'Body must be {"expression": "<criteria>"}.', {
        accepted: ['expression'],
      });
    }
    const compiled = compileFilter(expression);
    if (!compiled.ok) {
      const { error } = compiled;
      throw new ViewInputError(400, `Bad filter expression: ${error.message}.`, {
        filterError: error.detail(),
        ...(error.accepted ? { accepted: [...error.accepted] } : {}),
      });
    }

    const others = this.list().filter((f) => f.name.toLowerCase() !== trimmed.toLowerCase());
    const created = others.length === this.list().length;
    if (created && others.length >= MAX_SAVED_FILTERS) {
      const message = `At most ${MAX_SAVED_FILTERS} saved filters; delete one first.`;
      throw new ViewInputError(409, message);
    }
    const filter: SavedFilter = {
      name: trimmed,
      expression,
      updatedAt: new Date(this.clock.now()).toISOString(),
    };
    this.backend.set(FILTERS_KEY, [...others, filter]);
    return { created, filter };
  }

  /** Deletes a filter by name (any case); false when there is none. */
  remove(name: string): boolean {
    const all = this.list();
    const kept = all.filter((f) => f.name.toLowerCase() !== name.trim().toLowerCase());
    if (kept.length === all.length) return false;
    this.backend.set(FILTERS_KEY, kept);
    return true;
  }
}
