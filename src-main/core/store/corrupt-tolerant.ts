/**
 * One rule for every JSON store of the app (conf headless, electron-store in the shell): a file
 * that is not a JSON object never stops the start and is never silently thrown away. Its text
 * is kept beside it as `<file>.corrupt-<time>`, a warning names both paths, and the store
 * starts empty; the next save writes a good file.
 *
 * conf offers only "throw" (the default, which would stop the app) or `clearInvalidConfig`
 * (which drops the user's data without a trace), hence this small wrapper around its
 * `deserialize` hook.
 */
import { existsSync, writeFileSync } from 'node:fs';

import Conf from 'conf';

import { createLogger, formatError } from '../log.js';

const log = createLogger('store');

type StoreObject = Record<string, unknown>;

/** conf / electron-store options that make a corrupt file read as empty instead of throwing. */
export interface TolerantOptions {
  clearInvalidConfig: false;
  deserialize(text: string): StoreObject;
}

/**
 * Opens a store through `open` with tolerant options, then backs up a corrupt file found on
 * the way. `open` gets the options to spread into the conf / electron-store constructor.
 */
export function openTolerantStore<S extends { readonly path: string }>(
  open: (options: TolerantOptions) => S,
  now: () => number = Date.now,
): S {
  let corruptText: string | undefined;
  const store = open({
    clearInvalidConfig: false,
    deserialize: (text) => {
      try {
        const value: unknown = JSON.parse(text);
        if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
          return value as StoreObject;
        }
      } catch {
        // Not JSON: handled below like any other content that is not an object.
      }
      // Later reads of the same bad file (conf reads on every access) keep the first text.
      corruptText ??= text;
      return {};
    },
  });
  if (corruptText !== undefined) backUp(store.path, corruptText, now());
  return store;
}

/** The headless stores' folder name under the OS config folder (unless `cwd` is given). */
export const STORE_PROJECT_NAME = 'market-heatmap';

/** Opens (or creates) `<configName>.json` of the headless app, corrupt-tolerant. */
export function openConfFile(
  configName: string,
  options: { cwd?: string } = {},
): Conf<Record<string, unknown>> {
  return openTolerantStore(
    (tolerant) =>
      new Conf<Record<string, unknown>>({
        projectName: STORE_PROJECT_NAME,
        configName,
        ...tolerant,
        ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      }),
  );
}

function backUp(path: string, text: string, time: number): void {
  let backup = `${path}.corrupt-${time}`;
  for (let n = 1; existsSync(backup); n += 1) backup = `${path}.corrupt-${time}-${n}`;
  try {
    writeFileSync(backup, text);
    log.warn(`open store: ${path} is not a JSON object; kept as ${backup}, starting empty`);
  } catch (error: unknown) {
    log.error(
      `open store: ${path} is not a JSON object and cannot be backed up`,
      formatError(error),
    );
  }
}
