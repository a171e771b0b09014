/**
 * Where saved filters and watchlists live: a small key-value backend. Headless it is a `conf`
 * file (`views.json` in the data folder); the Electron shell passes its electron-store, which
 * has the same `get`/`set`. A corrupted file never stops startup and is never silently thrown
 * away: its text is kept beside it as `views.json.corrupt-<time>` and the store starts empty.
 */
import { writeFileSync } from 'node:fs';

import Conf from 'conf';

import { createLogger, formatError } from '../log.js';
import { STORE_PROJECT_NAME } from '../store/conf-snapshot-store.js';

const log = createLogger('view-store');

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
  let corruptText: string | undefined;
  const conf = new Conf<Record<string, unknown>>({
    projectName: STORE_PROJECT_NAME,
    configName: VIEWS_CONFIG_NAME,
    clearInvalidConfig: false,
    // conf would throw (or wipe the file) on bad JSON; keep the text to back it up instead.
    deserialize: (text) => {
      try {
        const value: unknown = JSON.parse(text);
        if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
          return value as Record<string, unknown>;
        }
      } catch {
        // Not JSON: handled below like any other non-object content.
      }
      corruptText = text;
      return {};
    },
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
  });

  if (corruptText !== undefined) {
    const backup = `${conf.path}.corrupt-${Date.now()}`;
    try {
      writeFileSync(backup, corruptText);
      log.warn(
        `open view store: ${conf.path} is not valid JSON; kept as ${backup}, starting empty`,
      );
    } catch (error: unknown) {
      log.error(`open view store: cannot back up ${conf.path}`, formatError(error));
    }
  }
  return {
    get: (key) => conf.get(key),
    set: (key, value) => conf.set(key, value),
  };
}
