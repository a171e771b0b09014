import { fileURLToPath } from 'node:url';

import { build } from 'vite';

/**
 * Builds the renderer into dist/renderer once before the browser tests, the way
 * `npm run serve` does, so the tests run on a clean clone.
 */
export default async function setup(): Promise<void> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  // Vitest sets NODE_ENV=test, which Vite would keep, shipping React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: `${root}vite.config.ts`, mode: 'web', logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
