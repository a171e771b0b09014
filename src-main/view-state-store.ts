/**
 * The last view the user looked at (universe, filters, look, drill-down), kept as the same
 * query string the renderer puts in the page URL in a browser. The app's page loads from a
 * new random port at every start, so its URL forgets the view; this store remembers it.
 *
 * Main only checks that the value is a well-formed, bounded query string: the renderer reads
 * it through the same parser as the URL, which falls back to defaults on unknown values.
 */
import { z } from 'zod';

import { createLogger } from './core/log.js';
import type { KeyValueStore } from './key-value-store.js';

const log = createLogger('view-state');
const VIEW_STATE_KEY = 'viewState';
/** A generous bound: a view with every sector and a long filter stays well under it. */
export const MAX_VIEW_STATE_BYTES = 4096;

/**
 * `''` (the default view) or `?name=value&…` as `URLSearchParams.toString()` writes it:
 * unreserved characters, `+`, `=`, `&` and well-formed `%XX` escapes, nothing else. Only
 * ASCII passes, so the length in characters is the length in bytes.
 */
const QUERY_PATTERN = /^(\?([A-Za-z0-9*\-._~+=&]|%[0-9A-Fa-f]{2})*)?$/;

export const viewStateSchema = z
  .string()
  .max(MAX_VIEW_STATE_BYTES, `expected at most ${MAX_VIEW_STATE_BYTES} bytes`)
  .regex(QUERY_PATTERN, "expected '' or an encoded query string starting with '?'");

export interface ViewStateStore {
  /** The saved query string, or `''` when none is saved (or the saved one is unreadable). */
  get(): string;
  /** Saves a validated query string; `''` forgets the saved view. */
  set(query: string): void;
}

/** Creates the store over `kv` (the app's settings electron-store, memory in tests). */
export function createViewStateStore(kv: KeyValueStore): ViewStateStore {
  return {
    get: () => {
      const stored = kv.get(VIEW_STATE_KEY);
      if (stored === undefined) return '';
      const parsed = viewStateSchema.safeParse(stored);
      if (parsed.success) return parsed.data;
      log.warn('read view state: the saved view is invalid, using the default view');
      return '';
    },
    set: (query) => {
      const valid = viewStateSchema.parse(query);
      if (valid === '') kv.delete(VIEW_STATE_KEY);
      else kv.set(VIEW_STATE_KEY, valid);
    },
  };
}
