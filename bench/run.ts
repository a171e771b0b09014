/**
 * `npm run bench`: the provider benchmark (providers.ts), then every `bench/*.bench.ts` found
 * beside this file. A `.bench.ts` module default-exports `async (write) => boolean` (true: its
 * targets were met) — the hook for later benches (a Chromium rendering bench, for example).
 * Exits non-zero when any target is missed. Provider ids as arguments limit the provider bench.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { setLogLevel } from '../src-main/core/log.js';
import { runProviderBench } from './providers.js';

type Bench = (write: (line: string) => void) => Promise<boolean>;

const HERE = dirname(fileURLToPath(import.meta.url));
const write = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

async function main(): Promise<void> {
  // The scheduler logs every rate limit and backoff; the table is what matters here.
  setLogLevel('error');
  // `npm run bench -- finnhub alpaca` runs only those providers.
  let ok = await runProviderBench(write, process.argv.slice(2));

  const extra = readdirSync(HERE)
    .filter((name) => name.endsWith('.bench.ts'))
    .sort();
  for (const name of extra) {
    write(`\n## ${name}\n`);
    const module = (await import(pathToFileURL(join(HERE, name)).href)) as { default?: Bench };
    if (typeof module.default !== 'function') {
      write(`${name}: no default export to run; skipped`);
      continue;
    }
    ok = (await module.default(write)) && ok;
  }
  write(ok ? '\nAll targets met.' : '\nSome targets were missed.');
  process.exitCode = ok ? 0 : 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
