import './settings.css';

import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';

import type { HealthResponse } from '../../../src-main/shared/api-types';
import { trapTab } from '../../lib/focus-trap';
import { BrowserSettingsInfo } from './BrowserSettingsInfo';
import { SettingsForm } from './SettingsForm';
import { type SettingsApi, useDesktopSettings } from './use-desktop-settings';

interface Props {
  health: HealthResponse | null;
  onClose(): void;
  /** After a save (the caller refreshes health so the banner follows at once). */
  onSaved(): void;
  /** The preload API; defaults to `window.heatmap` (absent in a browser). */
  api?: SettingsApi;
}

/**
 * The Settings dialog: the desktop form in the app, the read-only explanation in a browser.
 * Escape or Close closes it; focus moves into it on open, Tab stays inside it, and focus goes
 * back to the opener on close.
 */
export function SettingsPanel({ health, onClose, onSaved, api }: Props) {
  const desktop = useDesktopSettings(api ?? window.heatmap);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    panel.current?.focus();
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') onClose();
      else if (panel.current) trapTab(panel.current, event);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      opener?.focus?.();
    };
  }, [onClose]);

  // On <body>, so no stacking context of the page (the map's floating notices) can cover it.
  return createPortal(
    <div className="settings-backdrop" onClick={onClose}>
      <div
        ref={panel}
        className="settings-panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby="settings-title"
        tabIndex={-1}
        onClick={(e) => e.stopPropagation()}
      >
        <header className="settings-header">
          <h2 id="settings-title">Settings</h2>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </header>
        {!desktop.api && <BrowserSettingsInfo health={health} />}
        {desktop.api && !desktop.settings && <p>Loading settings…</p>}
        {desktop.api && desktop.settings && (
          <SettingsForm
            api={desktop.api}
            settings={desktop.settings}
            health={health}
            onSaved={(next) => {
              desktop.setSettings(next);
              onSaved();
            }}
          />
        )}
      </div>
    </div>,
    document.body,
  );
}
