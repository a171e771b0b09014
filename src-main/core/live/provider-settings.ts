/**
 * Turns the user's provider settings (Settings UI, environment) into a provider instance: the
 * replay, or a live adapter from the registry with the key, the base-URL override and the
 * test tuning. The key is registered with the logger's redaction before anything can log it.
 */
import '../providers/index.js';

import type { Clock } from '../domain/types.js';
import type { ProviderSettings } from '../engine-types.js';
import { redact } from '../log.js';
import type { MarketDataProvider } from '../providers/provider.js';
import {
  createProvider,
  getProviderEntry,
  type HttpTuning,
  isProviderId,
  type ProviderId,
  type StreamTuning,
} from '../providers/registry.js';
import type { Timers } from '../scheduler/timers.js';

export const REPLAY_ID = 'replay';

/** Settings the engine refuses, with the field and the reason. */
export class ProviderSettingsError extends Error {
  override readonly name = 'ProviderSettingsError';

  constructor(
    readonly field: keyof ProviderSettings,
    message: string,
  ) {
    super(message);
  }
}

/** Narrows an unknown thrown value to a ProviderSettingsError. */
export function isProviderSettingsError(value: unknown): value is ProviderSettingsError {
  return value instanceof ProviderSettingsError;
}

/** Tuning the engine's owner (tests, bench) passes to every live adapter it creates. */
export interface ProviderTuning {
  http?: HttpTuning;
  stream?: StreamTuning;
}

/** The settings after validation: a live provider id with its key, or the replay. */
export type CheckedSettings =
  | { kind: 'replay' }
  | { kind: 'live'; id: ProviderId; settings: ProviderSettings & { apiKey: string } };

/** Validates settings; throws ProviderSettingsError naming the field. */
export function checkSettings(settings: ProviderSettings): CheckedSettings {
  if (settings.provider === REPLAY_ID) return { kind: 'replay' };
  if (!isProviderId(settings.provider)) {
    throw new ProviderSettingsError(
      'provider',
      `provider: expected "replay" or a live provider id, received "${settings.provider}"`,
    );
  }
  const apiKey = settings.apiKey?.trim() ?? '';
  if (apiKey === '') {
    throw new ProviderSettingsError('apiKey', `apiKey: ${settings.provider} needs an API key`);
  }
  if (getProviderEntry(settings.provider)?.needsSecret && !settings.apiSecret?.trim()) {
    throw new ProviderSettingsError(
      'apiSecret',
      `apiSecret: ${settings.provider} needs the secret key as well as the key id`,
    );
  }
  if (settings.baseUrl !== undefined && !isHttpUrl(settings.baseUrl)) {
    throw new ProviderSettingsError('baseUrl', 'baseUrl: expected an http(s) URL');
  }
  return { kind: 'live', id: settings.provider, settings: { ...settings, apiKey } };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    // Not a URL at all: the caller reports the field.
    return false;
  }
}

/**
 * Creates the live adapter for checked settings. Streaming gets a URL only when it is safe:
 * with a base-URL override (a mock, a proxy) and no stream URL, the adapter would otherwise
 * open its real WebSocket host, so streaming is left off (`streamUrl` undefined → no stream).
 */
export function createLiveProvider(
  checked: Extract<CheckedSettings, { kind: 'live' }>,
  clock: Clock,
  tuning: ProviderTuning = {},
  /** The engine's timers (virtual in tests and the bench); the stream's watchdog waits on them. */
  timers?: Timers,
): { provider: MarketDataProvider; streamAllowed: boolean } {
  const { id, settings } = checked;
  redact(settings.apiKey);
  redact(settings.apiSecret);
  const provider = createProvider(id, {
    apiKey: settings.apiKey,
    clock,
    ...(timers === undefined ? {} : { timers }),
    ...(settings.apiSecret === undefined ? {} : { apiSecret: settings.apiSecret }),
    ...(settings.baseUrl === undefined ? {} : { baseUrl: settings.baseUrl }),
    ...(settings.streamUrl === undefined ? {} : { streamUrl: settings.streamUrl }),
    // The scheduler owns every retry (it counts quota and backs off); got's own 5xx retries
    // would spend calls it cannot see. Tests and the bench may still pass their own tuning.
    http: { retryLimit: 0, ...tuning.http },
    ...(tuning.stream === undefined ? {} : { stream: tuning.stream }),
  });
  const streamAllowed = settings.baseUrl === undefined || settings.streamUrl !== undefined;
  return { provider, streamAllowed };
}

/** The provider's name as Settings shows it ("Finnhub"), or its id. */
export function providerLabel(id: string): string {
  if (id === REPLAY_ID) return 'The replay';
  return isProviderId(id) ? (getProviderEntry(id)?.label ?? id) : id;
}
