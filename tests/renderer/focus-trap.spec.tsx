/**
 * Modal dialogs keep Tab inside: Settings (in the app) and a tile's Details wrap focus at both
 * ends, so keyboard users never tab into the map behind the backdrop.
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { Settings } from '../../src-main/shared/ipc-contract';
import { DetailsDialog } from '../../src-renderer/components/navigation/DetailsDialog';
import { SettingsPanel } from '../../src-renderer/components/settings/SettingsPanel';
import { focusableIn } from '../../src-renderer/lib/focus-trap';
import { makeTile } from './helpers/tiles';

const SETTINGS: Settings = {
  provider: 'finnhub',
  rateLimitPerMinute: null,
  keys: { finnhub: { hint: '••••1a2b', hasSecret: false } },
  keyStorage: 'os-keychain',
};

afterEach(() => vi.unstubAllGlobals());

function Page({ children }: { children: React.ReactNode }) {
  return (
    <>
      <button type="button">Behind the dialog</button>
      {children}
    </>
  );
}

describe('focus trap', () => {
  it('Settings: Tab wraps from the last control to the first and Shift+Tab back', async () => {
    const api = {
      getSettings: vi.fn(async () => SETTINGS),
      setSettings: vi.fn(async () => SETTINGS),
      testKey: vi.fn(async () => ({ ok: true as const, detail: 'ok' })),
      removeKey: vi.fn(async () => SETTINGS),
      onSettingsChanged: vi.fn(() => () => undefined),
    };
    render(
      <Page>
        <SettingsPanel health={null} onClose={vi.fn()} onSaved={vi.fn()} api={api} />
      </Page>,
    );
    await screen.findByLabelText('API key');
    const dialog = screen.getByRole('dialog');
    const controls = focusableIn(dialog);
    expect(controls.length).toBeGreaterThan(3);

    for (let i = 0; i < controls.length * 2 + 1; i++) {
      await userEvent.tab();
      expect(dialog.contains(document.activeElement), `after ${i + 1} Tabs`).toBe(true);
    }
    controls[0]!.focus();
    await userEvent.tab({ shift: true });
    expect(document.activeElement).toBe(controls[controls.length - 1]);
    await userEvent.tab();
    expect(document.activeElement).toBe(controls[0]);
  });

  it('Details: Tab stays on its controls and never reaches the page behind', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ error: 'none' }), { status: 404 })),
    );
    render(
      <Page>
        <DetailsDialog tile={makeTile({ symbol: 'AAPL' })} onClose={vi.fn()} />
      </Page>,
    );
    const dialog = screen.getByRole('dialog');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByText('Close')));

    await userEvent.tab();
    expect(dialog.contains(document.activeElement)).toBe(true);
    await userEvent.tab({ shift: true });
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(document.activeElement).not.toBe(screen.getByText('Behind the dialog'));
  });
});
