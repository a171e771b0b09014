/**
 * Settings' "Test key": one cheap call with the given settings through the adapter's own
 * `testKey()`, without switching the engine to them. The answer is said plainly; the key is
 * never part of it.
 */
import type { Clock } from '../domain/types.js';
import type { KeyTestResult, ProviderSettings } from '../engine-types.js';
import { createLogger, formatError } from '../log.js';
import { describeProviderError } from './describe-error.js';
import {
  checkSettings,
  createLiveProvider,
  isProviderSettingsError,
  providerLabel,
  type ProviderTuning,
} from './provider-settings.js';

const log = createLogger('test-key');

/** Tests the key of `settings`; never throws. */
export async function testProviderKey(
  settings: ProviderSettings,
  clock: Clock,
  tuning: ProviderTuning = {},
  signal?: AbortSignal,
): Promise<KeyTestResult> {
  let checked;
  try {
    checked = checkSettings(settings);
  } catch (error: unknown) {
    if (isProviderSettingsError(error)) return { ok: false, error: error.message };
    throw error;
  }
  if (checked.kind === 'replay') return { ok: true, detail: 'The replay needs no key.' };

  const label = providerLabel(checked.id);
  // No stream is opened here, so no stream URL is needed.
  const { provider } = createLiveProvider(checked, clock, tuning);
  try {
    if (!provider.testKey) {
      // TODO: every registered adapter has testKey(); a new one without it gets this answer
      // until it adds one (a quote call would spend quota the user did not ask to spend).
      return { ok: false, error: `${label} cannot test a key without fetching quotes.` };
    }
    const result = await provider.testKey(signal);
    if (result.ok) return { ok: true, detail: `${label}: ${result.detail}` };
    return { ok: false, error: describeProviderError(label, result.error) };
  } catch (error: unknown) {
    log.warn(`test key: ${label} failed unexpectedly`, formatError(error));
    return { ok: false, error: `${label} could not be tested: ${formatError(error)}` };
  } finally {
    await provider.close?.();
  }
}
