/**
 * Setup of the `node` test project (engine, Electron shell, preload).
 * Electron cannot run here, so `electron` is replaced by the one fake in tests/mocks, reset
 * before every test. Engine code never imports `electron`, so the mock costs it nothing.
 */
import { beforeEach, vi } from 'vitest';

// Loaded once and handed to every (re-)evaluation of the mocked module, so specs that call
// vi.resetModules() still share one fake with their static imports of tests/mocks/electron.
const fake = await vi.hoisted(async () => import('./mocks/electron.js'));

vi.mock('electron', () => ({ ...fake.default, default: fake.default }));

beforeEach(() => {
  fake.resetElectronMock();
});
