import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import type { HealthResponse } from '../../src-main/shared/api-types';
import type { KeyTestReply, Settings, SettingsPatch } from '../../src-main/shared/ipc-contract';
import { SettingsPanel } from '../../src-renderer/components/settings/SettingsPanel';
import type { SettingsApi } from '../../src-renderer/components/settings/use-desktop-settings';

const SETTINGS: Settings = {
  provider: 'replay',
  rateLimitPerMinute: null,
  keys: { finnhub: { hint: '••••1a2b', hasSecret: false } },
  keyStorage: 'os-keychain',
};

const HEALTH: HealthResponse = {
  status: 'ok',
  provider: 'replay',
  mode: 'replay',
  source: { provider: 'replay', mode: 'replay', label: 'Replay of 2026-08-07' },
  lastUpdate: null,
  counts: { live: 503, stale: 0, missing: 0 },
  providerState: {
    state: 'ok',
    message: 'Playing the embedded replay.',
    retryAt: null,
    callsToday: 0,
    callsLeftToday: null,
    fullRefreshSeconds: null,
    limitations: [],
  },
  uptimeSeconds: 5,
  version: '0.1.0',
};

function fakeApi(settings: Settings = SETTINGS) {
  return {
    getSettings: vi.fn(async () => settings),
    setSettings: vi.fn(async (patch: SettingsPatch) => ({ ...settings, ...patch }) as Settings),
    testKey: vi.fn(async (): Promise<KeyTestReply> => ({ ok: true, detail: 'Finnhub: key OK.' })),
    removeKey: vi.fn(async (): Promise<Settings> => ({
      ...settings,
      provider: 'replay',
      keys: {},
    })),
    onSettingsChanged: vi.fn(() => () => undefined),
  } satisfies SettingsApi;
}

function renderPanel(api?: SettingsApi, health: HealthResponse | null = HEALTH) {
  const onClose = vi.fn();
  const onSaved = vi.fn();
  render(<SettingsPanel health={health} onClose={onClose} onSaved={onSaved} api={api} />);
  return { onClose, onSaved };
}

async function choose(provider: string): Promise<void> {
  fireEvent.change(await screen.findByLabelText('Provider'), { target: { value: provider } });
}

describe('SettingsPanel in the app', () => {
  it('warns about Alpha Vantage as soon as it is picked, before any save', async () => {
    const api = fakeApi();
    renderPanel(api);

    await choose('alphavantage');

    expect(screen.getByRole('note', { name: 'Alpha Vantage warning' }).textContent).toContain(
      '25 calls a day cannot cover a map',
    );
    expect(api.setSettings).not.toHaveBeenCalled();
  });

  it('shows a stored key only as its last characters, and keeps the field empty', async () => {
    renderPanel(fakeApi());

    await choose('finnhub');

    const field = screen.getByLabelText('API key') as HTMLInputElement;
    expect(field.type).toBe('password');
    expect(field.value).toBe('');
    expect(screen.getByText(/A key ending ••••1a2b is stored/)).toBeTruthy();
  });

  it('removes a stored key only after a second click, and says the map is on the replay', async () => {
    const api = fakeApi({ ...SETTINGS, provider: 'finnhub' });
    const { onSaved } = renderPanel(api);
    await choose('finnhub');

    fireEvent.click(screen.getByRole('button', { name: 'Remove key' }));
    expect(api.removeKey).not.toHaveBeenCalled();
    fireEvent.click(
      screen.getByRole('button', { name: 'Click again to remove the key ending ••••1a2b' }),
    );

    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'Save result' }).textContent).toBe(
        'The Finnhub key is removed. The map is back on the replay.',
      ),
    );
    expect(api.removeKey).toHaveBeenCalledWith('finnhub');
    expect(onSaved).toHaveBeenCalled();
  });

  it('offers no Remove key where no key is stored, and forgets a half-confirmed removal', async () => {
    const api = fakeApi();
    renderPanel(api);
    await choose('alpaca');
    expect(screen.queryByRole('button', { name: 'Remove key' })).toBeNull();

    await choose('finnhub');
    fireEvent.click(screen.getByRole('button', { name: 'Remove key' }));
    await choose('fmp');
    await choose('finnhub');
    expect(screen.getByRole('button', { name: 'Remove key' })).toBeTruthy();
    expect(api.removeKey).not.toHaveBeenCalled();
  });

  it('tests the typed key and says what happened', async () => {
    const api = fakeApi();
    renderPanel(api);
    await choose('finnhub');

    fireEvent.change(screen.getByLabelText('API key'), { target: { value: ' fh-new-key ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test key' }));

    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'Key test result' }).textContent).toBe(
        'Finnhub: key OK.',
      ),
    );
    expect(api.testKey).toHaveBeenCalledWith({ provider: 'finnhub', apiKey: 'fh-new-key' });
  });

  it('asks Alpaca for the secret key as well', async () => {
    const api = fakeApi();
    renderPanel(api);
    await choose('alpaca');

    fireEvent.change(screen.getByLabelText('API key ID'), { target: { value: 'AKID123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect((await screen.findByRole('alert')).textContent).toBe(
      'Enter your Alpaca secret key as well.',
    );
    expect(api.setSettings).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('Secret key'), { target: { value: 'SECRET456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.setSettings).toHaveBeenCalledWith({
        provider: 'alpaca',
        rateLimitPerMinute: null,
        apiKey: 'AKID123',
        apiSecret: 'SECRET456',
      }),
    );
  });

  it('saves the provider with the stored key and a rate cap, then clears the fields', async () => {
    const api = fakeApi();
    const { onSaved } = renderPanel(api);
    await choose('finnhub');

    fireEvent.change(screen.getByLabelText('Calls per minute (optional)'), {
      target: { value: '30' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api.setSettings).toHaveBeenCalledWith({ provider: 'finnhub', rateLimitPerMinute: 30 });
    expect(screen.getByRole('status', { name: 'Save result' }).textContent).toBe(
      'Saved. The map now uses Finnhub.',
    );
  });

  it('shows the main process’s refusal without Electron’s wrapping', async () => {
    const api = fakeApi();
    api.setSettings.mockRejectedValueOnce(
      new Error(
        "Error invoking remote method 'settings:set': Error: settings:set: " +
          'apiKey: finnhub needs an API key',
      ),
    );
    renderPanel(api);
    await choose('finnhub');

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect((await screen.findByRole('alert')).textContent).toBe('apiKey: finnhub needs an API key');
  });

  it('refuses a rate cap that is not a whole number', async () => {
    const api = fakeApi();
    renderPanel(api);
    await choose('finnhub');

    fireEvent.change(screen.getByLabelText('Calls per minute (optional)'), {
      target: { value: 'fast' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect((await screen.findByRole('alert')).textContent).toContain('whole number above 0');
    expect(api.setSettings).not.toHaveBeenCalled();
  });

  it('says when keys are kept in memory only', async () => {
    renderPanel(fakeApi({ ...SETTINGS, keyStorage: 'memory-only' }));
    await choose('finnhub');

    expect(screen.getByRole('note', { name: 'Key storage' }).textContent).toContain(
      'kept only until the app quits',
    );
  });

  it('closes on Escape and on Close', async () => {
    const { onClose } = renderPanel(fakeApi());
    await screen.findByLabelText('Provider');

    fireEvent.keyDown(window, { key: 'Escape' });
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));

    expect(onClose).toHaveBeenCalledTimes(2);
  });
});

describe('SettingsPanel in a browser', () => {
  it('shows what runs, read-only, and the variables to set', () => {
    renderPanel(undefined);

    const dialog = screen.getByRole('dialog', { name: 'Settings' });
    expect(dialog.textContent).toContain('This server runs: Replay of 2026-08-07');
    for (const name of ['STOCK_PROVIDER', 'STOCK_API_KEY', 'STOCK_API_SECRET', 'API_RATE_LIMIT']) {
      expect(screen.getByText(name)).toBeTruthy();
    }
    expect(screen.queryByLabelText('Provider')).toBeNull();
    expect(screen.getByRole('note', { name: 'Alpha Vantage warning' })).toBeTruthy();
  });
});
