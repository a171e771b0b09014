/**
 * Where the app's own files are when it runs from the repository or a bundled build: the
 * package root is the nearest folder above this module that holds `package.json`.
 * The Electron shell passes `process.resourcesPath`-based folders itself when packaged.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { createLogger, formatError } from './log.js';

const log = createLogger('app-paths');
const UNKNOWN_VERSION = '0.0.0';

/** The nearest folder at or above `start` that holds package.json, or undefined. */
export function findPackageRoot(
  start: string = dirname(fileURLToPath(import.meta.url)),
): string | undefined {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** `resources/` of the repository (or of the unpacked app folder next to package.json). */
export function defaultResourcesDir(): string {
  const root = findPackageRoot();
  if (!root) throw new Error('find resources: no package.json above the engine module');
  return join(root, 'resources');
}

/** The app's version from package.json; "0.0.0" (with a warning) when it cannot be read. */
export function packageVersion(): string {
  const root = findPackageRoot();
  try {
    if (!root) throw new Error('no package.json above the engine module');
    const parsed: unknown = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const version = (parsed as { version?: unknown }).version;
    if (typeof version === 'string') return version;
    throw new Error('package.json has no string "version"');
  } catch (error: unknown) {
    log.warn('read version: falling back to 0.0.0', formatError(error));
    return UNKNOWN_VERSION;
  }
}
