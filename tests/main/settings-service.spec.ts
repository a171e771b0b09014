import { beforeEach, describe, expect, it, vi } from 'vitest';

import { PROVIDER_IDS as REGISTRY_IDS } from '../../src-main/core/providers/registry.js';
import { createKeyStore, type KeyStore } from '../../src-main/key-store.js';
import { createMemoryStore } from '../../src-main/key-value-store.js';
import {
  createSettingsService,
  savedProviderSettings,
  type SettingsService,
} from '../../src-main/settings-service.js';
import { createSettingsStore, type SettingsStore } from '../../src-main/settings-store.js';
import { PROVIDER_IDS as CONTRACT_IDS } from '../../src-main/shared/ipc-contract.js';
import { safeStorage } from '../mocks/electron.js';

const KEY = 'alpaca-key-id-0001';
const SECRET = 'alpaca-secret-key-0002';

let store: SettingsStore;
let keys: KeyStore;
let engine: {
  configureProvider: ReturnType<typeof vi.fn<(settings: unknown) => Promise<void>>>;
  testKey: ReturnType<
    typeof vi.fn<
      (settings: unknown) => Promise<{ ok: true; detail: string } | { ok: false; error: string }>
    >
  >;
};
let service: SettingsService;

beforeEach(() => {
  store = createSettingsStore(createMemoryStore());
  keys = createKeyStore(createMemoryStore(), safeStorage, 'linux');
  engine = {
    configureProvider: vi.fn(async () => undefined),
    testKey: vi.fn(async () => ({ ok: true as const, detail: 'Alpaca: the key works.' })),
  };
  service = createSettingsService({ store, keys, engine });
});

describe('createSettingsService', () => {
  it('offers exactly the replay and the registered live providers', () => {
    expect(CONTRACT_IDS).toEqual(['replay', ...REGISTRY_IDS]);
  });

  it('switches the engine with the key id, secret and rate cap, then saves', async () => {
    const settings = await service.set({
      provider: 'alpaca',
      apiKey: KEY,
      apiSecret: SECRET,
      rateLimitPerMinute: 100,
    });

    expect(engine.configureProvider).toHaveBeenCalledWith({
      provider: 'alpaca',
      apiKey: KEY,
      apiSecret: SECRET,
      rateLimitPerMinute: 100,
    });
    expect(settings).toMatchObject({
      provider: 'alpaca',
      rateLimitPerMinute: 100,
      keys: { alpaca: { hint: '••••0001', hasSecret: true } },
    });
    expect(JSON.stringify(settings)).not.toContain(KEY);
    expect(JSON.stringify(settings)).not.toContain(SECRET);
  });

  it('reuses the stored key when only the provider or rate cap changes', async () => {
    keys.save('finnhub', { apiKey: 'finnhub-stored-key' });

    await service.set({ provider: 'finnhub' });

    expect(engine.configureProvider).toHaveBeenLastCalledWith({
      provider: 'finnhub',
      apiKey: 'finnhub-stored-key',
    });
  });

  it('saves nothing the engine refused, and scrubs the key from its message', async () => {
    engine.configureProvider.mockRejectedValueOnce(new Error(`apiKey: bad ${KEY}`));

    await expect(service.set({ provider: 'polygon', apiKey: KEY })).rejects.toThrow(
      'settings:set: apiKey: bad ***',
    );
    expect(store.get().provider).toBe('replay');
    expect(keys.load('polygon')).toBeUndefined();
  });

  it('refuses a key for the replay', async () => {
    await expect(service.set({ provider: 'replay', apiKey: KEY })).rejects.toThrow(
      'the replay takes no key',
    );
  });

  it('tells listeners the new settings', async () => {
    const listener = vi.fn();
    service.onChange(listener);

    await service.set({ provider: 'replay' });

    expect(listener).toHaveBeenCalledWith(expect.objectContaining({ provider: 'replay' }));
  });

  it('removes the current provider’s key: the engine goes back to the replay first', async () => {
    await service.set({ provider: 'alpaca', apiKey: KEY, apiSecret: SECRET });
    const heard = vi.fn();
    service.onChange(heard);

    const settings = await service.removeKey('alpaca');

    expect(engine.configureProvider).toHaveBeenLastCalledWith({ provider: 'replay' });
    expect(settings).toMatchObject({ provider: 'replay', keys: {} });
    expect(keys.load('alpaca')).toBeUndefined();
    expect(heard).toHaveBeenCalledWith(settings);
    expect(savedProviderSettings(store, keys)).toBeUndefined();
  });

  it('removes another provider’s key without switching the engine', async () => {
    await service.set({ provider: 'alpaca', apiKey: KEY, apiSecret: SECRET });
    await service.set({ provider: 'finnhub', apiKey: 'finnhub-key-0003' });
    engine.configureProvider.mockClear();

    const settings = await service.removeKey('alpaca');

    expect(engine.configureProvider).not.toHaveBeenCalled();
    expect(settings.provider).toBe('finnhub');
    expect(settings.keys.alpaca).toBeUndefined();
    expect(settings.keys.finnhub).toBeDefined();
  });

  it('keeps the key when the engine cannot leave the provider', async () => {
    await service.set({ provider: 'alpaca', apiKey: KEY, apiSecret: SECRET });
    engine.configureProvider.mockRejectedValueOnce(new Error('replay failed to start'));

    await expect(service.removeKey('alpaca')).rejects.toThrow('replay failed to start');
    expect(keys.load('alpaca')).toEqual({ apiKey: KEY, apiSecret: SECRET });
    expect(service.get().provider).toBe('alpaca');
  });

  it('tests the typed key, or the stored one, and scrubs the answer', async () => {
    engine.testKey.mockResolvedValueOnce({ ok: false, error: `Alpaca refused ${KEY}` });

    const typed = await service.testKey({ provider: 'alpaca', apiKey: KEY, apiSecret: SECRET });
    const none = await service.testKey({ provider: 'fmp' });

    expect(typed).toEqual({ ok: false, error: 'Alpaca refused ***' });
    expect(none).toEqual({ ok: false, error: 'No key to test: enter one first.' });
    expect(engine.testKey).toHaveBeenCalledTimes(1);
    expect(engine.configureProvider).not.toHaveBeenCalled();
  });

  it('starts the engine on the saved provider with its stored key', () => {
    store.update({ provider: 'twelvedata', rateLimitPerMinute: 4 });
    keys.save('twelvedata', { apiKey: 'twelve-data-key-42' });

    expect(savedProviderSettings(store, keys)).toEqual({
      provider: 'twelvedata',
      apiKey: 'twelve-data-key-42',
      rateLimitPerMinute: 4,
    });
  });

  it('starts on the replay when the saved provider’s key is gone', () => {
    store.update({ provider: 'finnhub' });

    expect(savedProviderSettings(store, keys)).toBeUndefined();
    expect(service.get().provider).toBe('replay');
  });
});
