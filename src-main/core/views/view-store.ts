/**
 * Where saved filters and watchlists live: a small key-value backend. Headless it is a `conf`
 * file (`views.json` in the data folder); the Electron shell passes its electron-store, which
 * has the same `get`/`set`. A corrupted file is kept beside it and the store starts empty
 * (store/corrupt-tolerant.ts).
 */
import { openConfFile } from '../store/corrupt-tolerant.js';

export const VIEWS_CONFIG_NAME = 'views';

/** The slice of conf / electron-store the view stores use. */
export interface ViewStoreBackend {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** A backend kept in memory (tests, or no data folder). */
export function createMemoryViewStore(initial: Record<string, unknown> = {}): ViewStoreBackend {
  const values = new Map(Object.entries(initial));
  return {
    get: (key) => values.get(key),
    set: (key, value) => {
      values.set(key, value);
    },
  };
}

/** Opens (or creates) `views.json`; `cwd` overrides the OS config folder. */
export function openConfViewStore(options: { cwd?: string } = {}): ViewStoreBackend {
  const conf = openConfFile(VIEWS_CONFIG_NAME, options);
  return {
    get: (key) => conf.get(key),
    set: (key, value) => conf.set(key, value),
  };
}
