import { describe, expect, it, vi } from 'vitest';

import { createMemoryStore } from '../../src-main/key-value-store.js';
import { createSettingsStore, DEFAULT_SETTINGS } from '../../src-main/settings-store.js';

describe('createSettingsStore', () => {
  it('starts from the defaults', () => {
    expect(createSettingsStore(createMemoryStore()).get()).toEqual(DEFAULT_SETTINGS);
  });

  it('falls back to the defaults when the stored settings are invalid', () => {
    const kv = createMemoryStore({ settings: { provider: 'gone', extra: 1 } });

    expect(createSettingsStore(kv).get()).toEqual(DEFAULT_SETTINGS);
  });

  it('saves an update and tells listeners until they unsubscribe', () => {
    const kv = createMemoryStore();
    const store = createSettingsStore(kv);
    const listener = vi.fn();
    const unsubscribe = store.onChange(listener);

    store.update({ provider: 'replay' });
    unsubscribe();
    store.update({});

    expect(kv.get('settings')).toEqual({ provider: 'replay' });
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
