/**
 * `npm run resources [dataDir]`: regenerates resources/ (universe, replay closes, NYSE
 * calendar, attribution) from the reference data folder (default /work/shared/data).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { createLogger, formatError } from '../src-main/core/log.js';
import { buildResources, DEFAULT_DATA_DIR } from './resources/build.js';

const log = createLogger('build-resources');
const RESOURCES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'resources');

function main(): void {
  const dataDir = resolve(process.argv[2] ?? DEFAULT_DATA_DIR);
  const files = buildResources(dataDir);

  for (const [relative, text] of files) {
    const target = join(RESOURCES_DIR, relative);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    log.info(`write resource: ${relative} (${Buffer.byteLength(text)} bytes)`);
  }
}

try {
  main();
} catch (error: unknown) {
  log.error('build resources: failed', formatError(error));
  process.exitCode = 1;
}
