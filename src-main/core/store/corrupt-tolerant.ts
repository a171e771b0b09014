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
import { existsSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
 * `path`, where the caller knows it, lets a directory (or anything but a file) standing in the
 * file's place be moved aside first: reading it would throw EISDIR and stop the start.
 */
export function openTolerantStore<S extends { readonly path: string }>(
  open: (options: TolerantOptions) => S,
  now: () => number = Date.now,
  path?: string,
): S {
  if (path !== undefined) moveAsideIfNotFile(path, now());
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

/**
 * Opens (or creates) `<configName>.json` of the headless app, corrupt-tolerant.
 * TODO: without `cwd` (the OS config folder) the file's path is not known before conf opens
 * it, so a directory in its place there is not moved aside; DATA_DIR and the app are covered.
 */
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
    Date.now,
    options.cwd === undefined ? undefined : join(options.cwd, `${configName}.json`),
  );
}

function moveAsideIfNotFile(path: string, time: number): void {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return; // Missing: the store creates it.
  }
  if (stats.isFile()) return;
  const aside = freeBackupPath(path, time);
  try {
    renameSync(path, aside);
    log.warn(`open store: ${path} is not a file; moved to ${aside}, starting empty`);
  } catch (error: unknown) {
    log.error(`open store: ${path} is not a file and cannot be moved aside`, formatError(error));
  }
}

function freeBackupPath(path: string, time: number): string {
  let backup = `${path}.corrupt-${time}`;
  for (let n = 1; existsSync(backup); n += 1) backup = `${path}.corrupt-${time}-${n}`;
  return backup;
}

function backUp(path: string, text: string, time: number): void {
  const backup = freeBackupPath(path, time);
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
