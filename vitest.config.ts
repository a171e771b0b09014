import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * Three projects: the engine and Electron shell in node (Electron faked from tests/mocks),
 * React components in jsdom, and end-to-end tests that start the real server and drive
 * Debian's Chromium.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'tests/core/**/*.spec.ts',
            'tests/main/**/*.spec.ts',
            'tests/preload/**/*.spec.ts',
            'tests/scripts/**/*.spec.ts',
          ],
          setupFiles: ['tests/setup-node.ts'],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.spec.{ts,tsx}'],
          setupFiles: ['tests/setup-renderer.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.spec.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
