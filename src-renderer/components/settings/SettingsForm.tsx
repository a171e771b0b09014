import { type FormEvent, useId, useState } from 'react';

import type { HealthResponse } from '../../../src-main/shared/api-types';
import {
  type HeatmapApi,
  type KeyTestReply,
  PROVIDER_IDS,
  type ProviderId,
  type Settings,
  type SettingsPatch,
} from '../../../src-main/shared/ipc-contract';
import { ipcErrorMessage } from './ipc-error';
import { PROVIDER_NOTES } from './provider-notes';
import { ProviderInfo } from './ProviderInfo';

interface Props {
  api: Pick<HeatmapApi, 'setSettings' | 'testKey' | 'removeKey'>;
  settings: Settings;
  health: HealthResponse | null;
  /** After a successful save (the caller refreshes health). */
  onSaved(settings: Settings): void;
}

type Outcome = { kind: 'ok' | 'error'; text: string } | null;

/** Turns the optional rate field into the patch value; undefined when it is not a number. */
function parseRate(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) && Number(trimmed) > 0 ? Number(trimmed) : undefined;
}

/**
 * The desktop Settings form: provider, key (Alpaca: key ID and secret), optional calls per
 * minute, "Test key" and Save. Keys are write-only: a stored key shows as its last four
 * characters, and the fields start empty. "Remove key" forgets a stored key after a second
 * click to confirm (no modal dialog, so it works the same in every shell).
 */
export function SettingsForm({ api, settings, health, onSaved }: Props) {
  const id = useId();
  const [provider, setProvider] = useState<ProviderId>(settings.provider);
  const [apiKey, setApiKey] = useState('');
  const [apiSecret, setApiSecret] = useState('');
  const [rate, setRate] = useState(settings.rateLimitPerMinute?.toString() ?? '');
  const [busy, setBusy] = useState<'test' | 'save' | 'remove' | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [test, setTest] = useState<Outcome>(null);
  const [save, setSave] = useState<Outcome>(null);

  const note = PROVIDER_NOTES[provider];
  const isLive = provider !== 'replay';
  const stored = isLive ? settings.keys[provider] : undefined;
  const typedKey = apiKey.trim();
  const typedSecret = apiSecret.trim();

  const missing = (): string | null => {
    if (!isLive) return null;
    if (!typedKey && !stored) return `Enter your ${note.label} key.`;
    if (note.needsSecret && !typedSecret && !(stored?.hasSecret && !typedKey)) {
      return `Enter your ${note.label} secret key as well.`;
    }
    return null;
  };

  const onTest = async (): Promise<void> => {
    if (provider === 'replay') return;
    const problem = missing();
    if (problem) return setTest({ kind: 'error', text: problem });
    setBusy('test');
    setTest(null);
    let reply: KeyTestReply;
    try {
      reply = await api.testKey({
        provider,
        ...(typedKey ? { apiKey: typedKey } : {}),
        ...(typedSecret ? { apiSecret: typedSecret } : {}),
      });
    } catch (error: unknown) {
      reply = { ok: false, error: ipcErrorMessage(error) };
    }
    setBusy(null);
    setTest(reply.ok ? { kind: 'ok', text: reply.detail } : { kind: 'error', text: reply.error });
  };

  const onRemove = async (): Promise<void> => {
    if (provider === 'replay') return;
    if (!confirmRemove) return setConfirmRemove(true);
    setConfirmRemove(false);
    setBusy('remove');
    setSave(null);
    setTest(null);
    const wasCurrent = settings.provider === provider;
    try {
      const next = await api.removeKey(provider);
      setSave({
        kind: 'ok',
        text: `The ${note.label} key is removed.${wasCurrent ? ' The map is back on the replay.' : ''}`,
      });
      onSaved(next);
    } catch (error: unknown) {
      setSave({ kind: 'error', text: ipcErrorMessage(error) });
    } finally {
      setBusy(null);
    }
  };

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const rateValue = parseRate(rate);
    if (rateValue === undefined) {
      return setSave({ kind: 'error', text: 'Calls per minute: enter a whole number above 0.' });
    }
    const problem = missing();
    if (problem) return setSave({ kind: 'error', text: problem });

    const patch: SettingsPatch = {
      provider,
      rateLimitPerMinute: rateValue,
      ...(isLive && typedKey ? { apiKey: typedKey } : {}),
      ...(isLive && typedSecret ? { apiSecret: typedSecret } : {}),
    };
    setBusy('save');
    setSave(null);
    try {
      const next = await api.setSettings(patch);
      setApiKey('');
      setApiSecret('');
      setSave({ kind: 'ok', text: `Saved. The map now uses ${note.label}.` });
      onSaved(next);
    } catch (error: unknown) {
      setSave({ kind: 'error', text: ipcErrorMessage(error) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <form className="settings-form" onSubmit={(e) => void onSubmit(e)}>
      <label htmlFor={`${id}-provider`}>Provider</label>
      <select
        id={`${id}-provider`}
        value={provider}
        onChange={(e) => {
          setProvider(e.target.value as ProviderId);
          setConfirmRemove(false);
          setTest(null);
          setSave(null);
        }}
      >
        {PROVIDER_IDS.map((p) => (
          <option key={p} value={p}>
            {PROVIDER_NOTES[p].label}
          </option>
        ))}
      </select>
      <ProviderInfo provider={provider} health={health} />

      {isLive && (
        <>
          <label htmlFor={`${id}-key`}>{note.needsSecret ? 'API key ID' : 'API key'}</label>
          <input
            id={`${id}-key`}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={apiKey}
            placeholder={stored ? `Stored: ${stored.hint}` : 'Paste your key'}
            aria-describedby={`${id}-key-hint`}
            onChange={(e) => setApiKey(e.target.value)}
          />
          <p id={`${id}-key-hint`} className="settings-hint">
            {stored
              ? `A key ending ${stored.hint} is stored. Leave empty to keep it.`
              : 'No key stored for this provider yet.'}
          </p>
          {note.needsSecret && (
            <>
              <label htmlFor={`${id}-secret`}>Secret key</label>
              <input
                id={`${id}-secret`}
                type="password"
                autoComplete="off"
                spellCheck={false}
                value={apiSecret}
                placeholder={stored?.hasSecret ? 'Stored' : 'Paste your secret key'}
                onChange={(e) => setApiSecret(e.target.value)}
              />
            </>
          )}
          <label htmlFor={`${id}-rate`}>Calls per minute (optional)</label>
          <input
            id={`${id}-rate`}
            inputMode="numeric"
            value={rate}
            placeholder="The provider's own limit"
            aria-describedby={`${id}-rate-hint`}
            onChange={(e) => setRate(e.target.value)}
          />
          <p id={`${id}-rate-hint`} className="settings-hint">
            Only lowers the provider’s limit, e.g. to leave calls for other programs.
          </p>
        </>
      )}

      {settings.keyStorage === 'memory-only' && isLive && (
        <p className="settings-warning" role="note" aria-label="Key storage">
          No OS keychain is available, so the key is kept only until the app quits; it is never
          written to disk unencrypted. You will enter it again after a restart.
        </p>
      )}

      <div className="settings-actions">
        {isLive && (
          <button type="button" disabled={busy !== null} onClick={() => void onTest()}>
            {busy === 'test' ? 'Testing…' : 'Test key'}
          </button>
        )}
        <button type="submit" disabled={busy !== null}>
          {busy === 'save' ? 'Saving…' : 'Save'}
        </button>
        {isLive && stored && (
          <button
            type="button"
            className="settings-remove"
            disabled={busy !== null}
            onClick={() => void onRemove()}
            onBlur={() => setConfirmRemove(false)}
          >
            {busy === 'remove'
              ? 'Removing…'
              : confirmRemove
                ? `Click again to remove the key ending ${stored.hint}`
                : 'Remove key'}
          </button>
        )}
      </div>
      <div
        role="status"
        aria-label="Key test result"
        className={`settings-outcome ${test?.kind ?? ''}`}
      >
        {test?.text}
      </div>
      {save?.kind === 'error' ? (
        <div role="alert" className="settings-outcome error">
          {save.text}
        </div>
      ) : (
        <div role="status" aria-label="Save result" className="settings-outcome ok">
          {save?.text}
        </div>
      )}
    </form>
  );
}
