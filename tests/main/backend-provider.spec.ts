/**
 * The shell's backend starts the engine on the user's saved provider (not on the replay with a
 * switch afterwards), and falls back to the replay when those settings are refused. The live
 * provider is the local Finnhub mock; nothing leaves 127.0.0.1.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { type Backend, startBackend } from '../../src-main/backend.js';
import { defaultResourcesDir } from '../../src-main/core/app-paths.js';
import { MemorySnapshotStore } from '../../src-main/core/store/snapshot-store.js';
import { createMemoryViewStore } from '../../src-main/core/views/view-store.js';
import { startFinnhubMock } from '../mocks/providers/finnhub-mock.js';
import type { MockServer } from '../mocks/providers/mock-server.js';

let mock: MockServer;
let backend: Backend | undefined;

beforeEach(async () => {
  mock = await startFinnhubMock();
});

afterEach(async () => {
  await backend?.stop();
  backend = undefined;
  await mock.close();
});

function start(providerSettings: Parameters<typeof startBackend>[0]['providerSettings']) {
  return startBackend({
    resourcesDir: defaultResourcesDir(),
    rendererDir: '/nonexistent',
    store: new MemorySnapshotStore(),
    port: 0,
    viewStore: createMemoryViewStore(),
    ...(providerSettings ? { providerSettings } : {}),
  });
}

describe('startBackend', () => {
  it('starts the engine on the saved live provider', async () => {
    backend = await start({ provider: 'finnhub', apiKey: 'fh-saved-key-0001', baseUrl: mock.url });

    expect(backend.engine.health().provider).toBe('finnhub');
    await expect.poll(() => mock.requests.length, { timeout: 10_000 }).toBeGreaterThan(0);
  });

  it('plays the replay when the saved settings are refused', async () => {
    backend = await start({ provider: 'finnhub', baseUrl: mock.url });

    expect(backend.engine.health().provider).toBe('replay');
    expect(mock.requests).toEqual([]);
  });
});
