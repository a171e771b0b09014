/**
 * The Settings feature of the shell: reads and saves the provider choice and keys, and applies
 * them to the engine, which switches provider without a restart. Keys go into the key store
 * (encrypted) and reach only the engine; replies carry masked hints, and any text that goes
 * back to the renderer is scrubbed of the keys it was given.
 */
import type { Engine, ProviderSettings } from './core/engine-types.js';
import { createLogger, formatError, redact } from './core/log.js';
import type { Credentials, KeyStore } from './key-store.js';
import type { SettingsStore, StoredSettings } from './settings-store.js';
import {
  type KeyTestReply,
  type KeyTestRequest,
  type LiveProviderId,
  PROVIDER_IDS,
  type ProviderId,
  type Settings,
  type SettingsPatch,
  type StoredKeyInfo,
} from './shared/ipc-contract.js';

const log = createLogger('settings-service');
const MASK = '***';

export interface SettingsServiceDeps {
  store: SettingsStore;
  keys: KeyStore;
  engine: Pick<Engine, 'configureProvider' | 'testKey'>;
}

export interface SettingsService {
  get(): Settings;
  /** Applies the patch to the engine first, and saves it only if the engine accepted it. */
  set(patch: SettingsPatch): Promise<Settings>;
  /** One cheap call with the given (or stored) key; never throws. */
  testKey(request: KeyTestRequest): Promise<KeyTestReply>;
  /** Forgets a provider's stored key; if it is the current provider, switches to the replay. */
  removeKey(provider: LiveProviderId): Promise<Settings>;
  onChange(listener: (settings: Settings) => void): () => void;
}

function isLive(id: ProviderId): id is LiveProviderId {
  return id !== 'replay';
}

/** Replaces every occurrence of the secrets in `text` (an error message from anywhere). */
function scrub(text: string, secrets: (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) if (secret) out = out.split(secret).join(MASK);
  return out;
}

function engineSettings(stored: StoredSettings, credentials?: Credentials): ProviderSettings {
  // TODO: the app has no base-URL field (headless has STOCK_API_BASE_URL); add one under an
  // "Advanced" section if users ask for proxies or mirrors in the desktop app.
  return {
    provider: stored.provider,
    ...(credentials?.apiKey === undefined ? {} : { apiKey: credentials.apiKey }),
    ...(credentials?.apiSecret === undefined ? {} : { apiSecret: credentials.apiSecret }),
    ...(stored.rateLimitPerMinute === null
      ? {}
      : { rateLimitPerMinute: stored.rateLimitPerMinute }),
  };
}

/** The key a patch or request carries, completed with the stored one where it leaves a gap. */
function mergeCredentials(
  given: { apiKey?: string; apiSecret?: string },
  stored: Credentials | undefined,
): Credentials | undefined {
  if (given.apiKey !== undefined) {
    const secret = given.apiSecret ?? stored?.apiSecret;
    return { apiKey: given.apiKey, ...(secret === undefined ? {} : { apiSecret: secret }) };
  }
  if (!stored) return undefined;
  return given.apiSecret === undefined ? stored : { ...stored, apiSecret: given.apiSecret };
}

/**
 * The saved provider with its stored key, for the engine to start on; undefined for the
 * replay. A live provider whose key is gone (kept in memory only, or the keychain changed) is
 * reset to the replay, and Settings asks for the key again.
 */
export function savedProviderSettings(
  store: SettingsStore,
  keys: KeyStore,
): ProviderSettings | undefined {
  const saved = store.get();
  if (!isLive(saved.provider)) return undefined;
  const credentials = keys.load(saved.provider);
  if (!credentials) {
    log.warn(`start: no ${saved.provider} key is stored; staying on the replay`);
    store.update({ provider: 'replay' });
    return undefined;
  }
  return engineSettings(saved, credentials);
}

export function createSettingsService(deps: SettingsServiceDeps): SettingsService {
  const { store, keys, engine } = deps;
  const listeners = new Set<(settings: Settings) => void>();
  // Saves run one after another, so the engine and the file never disagree on the order.
  let queue: Promise<unknown> = Promise.resolve();

  const get = (): Settings => {
    const info: Partial<Record<LiveProviderId, StoredKeyInfo>> = {};
    for (const id of PROVIDER_IDS) {
      if (!isLive(id)) continue;
      const stored = keys.info(id);
      if (stored) info[id] = stored;
    }
    return { ...store.get(), keys: info, keyStorage: keys.storage() };
  };

  const apply = async (patch: SettingsPatch): Promise<Settings> => {
    const current = store.get();
    const next: StoredSettings = {
      provider: patch.provider ?? current.provider,
      rateLimitPerMinute:
        patch.rateLimitPerMinute === undefined
          ? current.rateLimitPerMinute
          : patch.rateLimitPerMinute,
    };
    const givesKey = patch.apiKey !== undefined || patch.apiSecret !== undefined;
    if (!isLive(next.provider)) {
      if (givesKey) throw new Error('settings:set: the replay takes no key');
      await engine.configureProvider(engineSettings(next));
      store.update(next);
      return get();
    }

    redact(patch.apiKey);
    redact(patch.apiSecret);
    const credentials = mergeCredentials(patch, keys.load(next.provider));
    try {
      await engine.configureProvider(engineSettings(next, credentials));
    } catch (error: unknown) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`settings:set: ${scrub(message, [patch.apiKey, patch.apiSecret])}`);
    }
    store.update(next);
    if (givesKey && credentials) keys.save(next.provider, credentials);
    log.info(`set: provider ${next.provider}${givesKey ? ', new key saved' : ''}`);
    return get();
  };

  const forget = async (provider: LiveProviderId): Promise<Settings> => {
    // The engine leaves the provider before its key is gone, so no call runs on a key the
    // user asked to forget; if the switch fails, the key stays and the error says why.
    if (store.get().provider === provider) {
      await engine.configureProvider(engineSettings({ ...store.get(), provider: 'replay' }));
      store.update({ provider: 'replay' });
    }
    keys.remove(provider);
    log.info(`remove key: the ${provider} key is forgotten`);
    return get();
  };

  /** Saves and removals run one after another, then every listener hears the result. */
  const enqueue = (step: () => Promise<Settings>): Promise<Settings> => {
    const run = queue.then(step);
    queue = run.catch(() => undefined);
    return run.then((settings) => {
      for (const listener of listeners) listener(settings);
      return settings;
    });
  };

  return {
    get,
    set: (patch) => enqueue(() => apply(patch)),
    removeKey: (provider) => enqueue(() => forget(provider)),
    async testKey(request) {
      redact(request.apiKey);
      redact(request.apiSecret);
      const credentials = mergeCredentials(request, keys.load(request.provider));
      if (!credentials) {
        return { ok: false, error: 'No key to test: enter one first.' };
      }
      const secrets = [credentials.apiKey, credentials.apiSecret];
      try {
        const result = await engine.testKey({ provider: request.provider, ...credentials });
        return result.ok
          ? { ok: true, detail: scrub(result.detail, secrets) }
          : { ok: false, error: scrub(result.error, secrets) };
      } catch (error: unknown) {
        log.warn('test key: the engine failed', error);
        return { ok: false, error: scrub(`The test failed: ${formatError(error)}`, secrets) };
      }
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
