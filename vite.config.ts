import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import electron from 'vite-plugin-electron/simple';

import pkg from './package.json' with { type: 'json' };

const root = fileURLToPath(new URL('.', import.meta.url));

// Everything the main process imports from node_modules stays external: electron-builder ships
// node_modules, and bundling ESM-only packages such as got into CJS would break them.
const external = [
  'electron',
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies),
];

/**
 * `vite build --mode web` builds the renderer only (for `npm run serve` and the browser tests);
 * any other mode also builds the Electron main and preload bundles into dist-electron.
 */
export default defineConfig(({ mode }) => ({
  root: `${root}src-renderer`,
  base: './',
  build: {
    outDir: `${root}dist/renderer`,
    emptyOutDir: true,
  },
  server: {
    proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? 5174}` },
  },
  plugins: [
    react(),
    ...(mode === 'web'
      ? []
      : [
          electron({
            main: {
              entry: `${root}src-main/main.ts`,
              vite: { build: { outDir: `${root}dist-electron`, rollupOptions: { external } } },
            },
            preload: {
              input: `${root}src-preload/preload.ts`,
              vite: { build: { outDir: `${root}dist-electron`, rollupOptions: { external } } },
            },
          }),
        ]),
  ],
}));
