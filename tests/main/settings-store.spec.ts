import { describe, expect, it } from 'vitest';

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

  it('reads a file written before the rate cap existed', () => {
    const kv = createMemoryStore({ settings: { provider: 'finnhub' } });

    expect(createSettingsStore(kv).get()).toEqual({
      provider: 'finnhub',
      rateLimitPerMinute: null,
    });
  });

  it('saves an update merged over the current settings', () => {
    const kv = createMemoryStore();
    const store = createSettingsStore(kv);

    store.update({ provider: 'twelvedata' });
    store.update({ rateLimitPerMinute: 4 });

    expect(kv.get('settings')).toEqual({ provider: 'twelvedata', rateLimitPerMinute: 4 });
  });

  it('refuses a rate cap that is not a positive integer', () => {
    const store = createSettingsStore(createMemoryStore());

    expect(() => store.update({ rateLimitPerMinute: 0 })).toThrow();
    expect(() => store.update({ rateLimitPerMinute: 1.5 })).toThrow();
  });
});
