/**
 * API keys of the live providers, one entry per provider, encrypted with Electron's
 * safeStorage (the OS keychain) before they touch the disk.
 *
 * Decision (issue 3): when no keychain is available we keep keys in memory for this session
 * only, and say so (`storage: 'memory-only'`); we never write a key in plain text, and we do
 * not offer to. On Linux, safeStorage's `basic_text` backend encrypts with a fixed password
 * every install shares, which is plain text in all but name, so it counts as unavailable.
 *
 * Keys are registered with the logger's `redact` as soon as they are known, and nothing here
 * returns a key except `load`, which only the settings service calls to configure the engine.
 */
import type { SafeStorage } from 'electron';
import { z } from 'zod';

import { createLogger, redact } from './core/log.js';
import type { KeyValueStore } from './key-value-store.js';
import type { KeyStorage, LiveProviderId, StoredKeyInfo } from './shared/ipc-contract.js';

const log = createLogger('key-store');
const STORE_KEY_PREFIX = 'credentials.';
/** Characters of the key the masked hint shows. */
const HINT_CHARS = 4;
/** Shorter keys show no characters at all: four of eight would give half the key away. */
const MIN_LENGTH_FOR_HINT = 12;
const MASK = '••••';

/** A provider's credentials: the key (Alpaca: key id) and, for Alpaca, the secret. */
export interface Credentials {
  apiKey: string;
  apiSecret?: string;
}

const credentialsSchema = z.strictObject({
  apiKey: z.string().min(1),
  apiSecret: z.string().min(1).optional(),
});

/** The slice of Electron's safeStorage the key store uses. */
export type SafeStorageLike = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
>;

export interface KeyStore {
  /** Where keys are kept now; checked on every call (the keychain can come and go). */
  storage(): KeyStorage;
  save(provider: LiveProviderId, credentials: Credentials): void;
  /** The stored credentials, or undefined (none, or they no longer decrypt). */
  load(provider: LiveProviderId): Credentials | undefined;
  /** What the renderer may see of a stored key, or undefined when none is stored. */
  info(provider: LiveProviderId): StoredKeyInfo | undefined;
  remove(provider: LiveProviderId): void;
}

/** The key masked to its last 4 characters (none for short keys). */
export function maskKey(key: string): string {
  return key.length >= MIN_LENGTH_FOR_HINT ? `${MASK}${key.slice(-HINT_CHARS)}` : MASK;
}

/** Creates the key store over `kv` (electron-store in the app, memory in tests). */
export function createKeyStore(
  kv: KeyValueStore,
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform = process.platform,
): KeyStore {
  const session = new Map<LiveProviderId, Credentials>();

  const storage = (): KeyStorage => {
    if (!safeStorage.isEncryptionAvailable()) return 'memory-only';
    if (platform === 'linux' && isWeakLinuxBackend(safeStorage.getSelectedStorageBackend())) {
      return 'memory-only';
    }
    return 'os-keychain';
  };

  const readEncrypted = (provider: LiveProviderId): Credentials | undefined => {
    const stored = kv.get(STORE_KEY_PREFIX + provider);
    if (typeof stored !== 'string') return undefined;
    try {
      const plain = safeStorage.decryptString(Buffer.from(stored, 'base64'));
      const parsed = credentialsSchema.safeParse(JSON.parse(plain));
      if (parsed.success) return parsed.data;
    } catch (error: unknown) {
      // The keychain changed (another user, a reinstall): the key must be entered again.
      log.warn(`load key: the stored ${provider} key cannot be decrypted`, error);
      return undefined;
    }
    log.warn(`load key: the stored ${provider} key is not in the expected form`);
    return undefined;
  };

  const load = (provider: LiveProviderId): Credentials | undefined => {
    const credentials = session.get(provider) ?? readEncrypted(provider);
    redact(credentials?.apiKey);
    redact(credentials?.apiSecret);
    return credentials;
  };

  return {
    storage,
    save(provider, credentials) {
      const checked = credentialsSchema.parse(credentials);
      redact(checked.apiKey);
      redact(checked.apiSecret);
      if (storage() === 'memory-only') {
        session.set(provider, checked);
        // An older encrypted key would come back after a restart and surprise the user.
        kv.delete(STORE_KEY_PREFIX + provider);
        log.warn(`save key: no OS keychain; the ${provider} key is kept for this session only`);
        return;
      }
      const encrypted = safeStorage.encryptString(JSON.stringify(checked));
      kv.set(STORE_KEY_PREFIX + provider, encrypted.toString('base64'));
      session.delete(provider);
      log.info(`save key: the ${provider} key is stored encrypted`);
    },
    load,
    info(provider) {
      const credentials = load(provider);
      if (!credentials) return undefined;
      return { hint: maskKey(credentials.apiKey), hasSecret: credentials.apiSecret !== undefined };
    },
    remove(provider) {
      session.delete(provider);
      kv.delete(STORE_KEY_PREFIX + provider);
    },
  };
}

/** `basic_text` uses one hard-coded password; `unknown` means the app is not ready yet. */
function isWeakLinuxBackend(backend: string): boolean {
  return backend === 'basic_text' || backend === 'unknown';
}
