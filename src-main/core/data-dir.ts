/**
 * Checks DATA_DIR before any store opens it: it must exist or be creatable, be a directory and
 * be writable. A bad one is refused with a ConfigError naming DATA_DIR, like the other
 * variables, instead of a stack from deep inside conf.
 *
 * The missing folders are created one level at a time on purpose: Node 20's
 * `mkdirSync(dir, { recursive: true })` (which conf calls) loops forever at 100% CPU when a
 * parent exists but refuses children with ENOENT, as `/proc` does (`DATA_DIR=/proc/nope`).
 * A plain `mkdirSync` fails once instead, so stores only ever see a folder that exists.
 */
import { accessSync, constants, mkdirSync, type Stats, statSync } from 'node:fs';
import { dirname } from 'node:path';

import { ConfigError } from './config.js';

const ACCEPTED = 'a writable folder, or a path where one can be created';

function refuse(dir: string, problem: string): ConfigError {
  return new ConfigError([
    { variable: 'DATA_DIR', message: `"${dir}" ${problem}; expected ${ACCEPTED}` },
  ]);
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error: unknown) {
    const code = (error as NodeJS.ErrnoException).code;
    // Only "not there" means "create it"; anything else (EACCES, ENOTDIR) is the answer.
    if (code === 'ENOENT') return undefined;
    throw error;
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'unknown error';
}

/** The folders from the deepest existing ancestor's child down to `dir`, in creation order. */
function missingFolders(dir: string): string[] {
  const missing: string[] = [];
  let current = dir;
  while (statOrUndefined(current) === undefined) {
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return missing;
}

/** Creates `dir` if needed and checks it is a writable directory. Throws ConfigError. */
export function ensureDataDir(dir: string): void {
  let missing: string[];
  try {
    missing = missingFolders(dir);
  } catch (error: unknown) {
    const code = errorCode(error);
    if (code === 'ENOTDIR') throw refuse(dir, 'goes through a file where a folder should be');
    throw refuse(dir, `cannot be read (${code})`);
  }

  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error: unknown) {
      const code = errorCode(error);
      // Created by someone else in the meantime: fine, the checks below still run.
      if (code === 'EEXIST') continue;
      const where = folder === dir ? '' : ` (at ${folder})`;
      throw refuse(dir, `does not exist and cannot be created${where}: ${code}`);
    }
  }

  if (!statSync(dir).isDirectory()) throw refuse(dir, 'is a file, not a folder');
  try {
    accessSync(dir, constants.W_OK);
  } catch (error: unknown) {
    throw refuse(dir, `is not writable (${errorCode(error)})`);
  }
}
