/**
 * The user's non-secret settings (provider choice, rate cap), persisted in electron-store.
 * Keys live apart, encrypted, in key-store.ts. Values read back are validated: a hand-edited
 * or outdated file falls back to the defaults instead of crashing the app.
 */
import { z } from 'zod';

import { createLogger } from './core/log.js';
import type { KeyValueStore } from './key-value-store.js';
import { PROVIDER_IDS, type Settings } from './shared/ipc-contract.js';

const log = createLogger('settings');
const SETTINGS_KEY = 'settings';
/** A user cap above any provider's free tier would change nothing; refuse nonsense early. */
export const MAX_RATE_LIMIT_PER_MINUTE = 10_000;

/** The part of the settings kept in the settings file. */
export type StoredSettings = Pick<Settings, 'provider' | 'rateLimitPerMinute'>;

export const DEFAULT_SETTINGS: Readonly<StoredSettings> = {
  provider: 'replay',
  rateLimitPerMinute: null,
};

export const rateLimitSchema = z.int().min(1).max(MAX_RATE_LIMIT_PER_MINUTE).nullable();

const storedSchema = z.strictObject({
  provider: z.enum(PROVIDER_IDS),
  // Files written before the rate cap existed have no such field.
  rateLimitPerMinute: rateLimitSchema.default(null),
});

export interface SettingsStore {
  get(): StoredSettings;
  /** Applies a validated patch and saves it; returns the new settings. */
  update(patch: Partial<StoredSettings>): StoredSettings;
}

/** Creates the store over `kv` (electron-store in the app, memory in tests). */
export function createSettingsStore(kv: KeyValueStore): SettingsStore {
  const get = (): StoredSettings => {
    const stored = kv.get(SETTINGS_KEY);
    if (stored === undefined) return { ...DEFAULT_SETTINGS };
    const parsed = storedSchema.safeParse(stored);
    if (parsed.success) return parsed.data;
    log.warn('read settings: stored settings are invalid, using the defaults');
    return { ...DEFAULT_SETTINGS };
  };

  return {
    get,
    update: (patch) => {
      const next = storedSchema.parse({ ...get(), ...patch });
      kv.set(SETTINGS_KEY, next);
      return next;
    },
  };
}
