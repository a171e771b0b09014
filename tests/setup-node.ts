/**
 * Setup of the `node` test project (engine, Electron shell, preload).
 * Electron cannot run here, so `electron` is replaced by the one fake in tests/mocks, reset
 * before every test. Engine code never imports `electron`, so the mock costs it nothing.
 */
import { beforeEach, vi } from 'vitest';

vi.mock('electron', async () => {
  const fake = await import('./mocks/electron.js');
  return { ...fake.default, default: fake.default };
});

beforeEach(async () => {
  const { resetElectronMock } = await import('./mocks/electron.js');
  resetElectronMock();
});
