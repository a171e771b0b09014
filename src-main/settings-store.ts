/**
 * The user's settings, persisted in electron-store. Values read back are validated: a
 * hand-edited or outdated file falls back to the defaults instead of crashing the app.
 */
import { z } from 'zod';

import { createLogger } from './core/log.js';
import type { KeyValueStore } from './key-value-store.js';
import { PROVIDER_IDS, type Settings, type SettingsPatch } from './shared/ipc-contract.js';

const log = createLogger('settings');
const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Readonly<Settings> = { provider: 'replay' };

const settingsSchema = z.strictObject({ provider: z.enum(PROVIDER_IDS) });

/** A patch: any subset of the settings, nothing else. */
export const settingsPatchSchema = settingsSchema.partial();

export interface SettingsStore {
  get(): Settings;
  /** Applies a validated patch, saves it, tells listeners; returns the new settings. */
  update(patch: SettingsPatch): Settings;
  onChange(listener: (settings: Settings) => void): () => void;
}

export function createSettingsStore(kv: KeyValueStore): SettingsStore {
  const listeners = new Set<(settings: Settings) => void>();

  const get = (): Settings => {
    const stored = kv.get(SETTINGS_KEY);
    if (stored === undefined) return { ...DEFAULT_SETTINGS };
    const parsed = settingsSchema.safeParse(stored);
    if (parsed.success) return parsed.data;
    log.warn('read settings: stored settings are invalid, using the defaults');
    return { ...DEFAULT_SETTINGS };
  };

  return {
    get,
    update: (patch) => {
      const next = settingsSchema.parse({ ...get(), ...patch });
      kv.set(SETTINGS_KEY, next);
      // TODO: the engine does not yet switch provider on change; issue 3 (live providers)
      // restarts it with the chosen provider from here.
      for (const listener of listeners) listener(next);
      return next;
    },
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
