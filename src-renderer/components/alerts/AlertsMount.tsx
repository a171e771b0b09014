import { useState } from 'react';

import { AlertsPanel } from './AlertsPanel';
import { useDesktopEvents } from './use-desktop-events';

export interface AlertsMountProps {
  sectors: readonly string[];
  /** The app asked to open a symbol's tile (an alert's notification was clicked). */
  onFocusSymbol?: (symbol: string) => void;
}

/**
 * The header's Alerts button and its panel, in one piece so App mounts it with one line. It
 * also opens the panel when the desktop shell asks (tray menu, the "more alerts" notice).
 */
export function AlertsMount({ sectors, onFocusSymbol }: AlertsMountProps) {
  const [open, setOpen] = useState(false);
  useDesktopEvents({
    onShowView: (view) => {
      if (view === 'alerts') setOpen(true);
    },
    ...(onFocusSymbol ? { onFocusSymbol } : {}),
  });

  return (
    <>
      <button type="button" className="alerts-button" onClick={() => setOpen((v) => !v)}>
        Alerts
      </button>
      {open && <AlertsPanel sectors={sectors} onClose={() => setOpen(false)} />}
    </>
  );
}
