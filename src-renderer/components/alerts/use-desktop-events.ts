/**
 * Requests from the desktop shell (through the preload): open a symbol's tile (an alert's
 * notification was clicked) or show a view (tray menu). A no-op in a plain browser, where
 * `window.heatmap` does not exist.
 */
import { useEffect, useRef } from 'react';

import type { AppView } from '../../../src-main/shared/ipc-contract';

export interface DesktopEventHandlers {
  onFocusSymbol?: (symbol: string) => void;
  onShowView?: (view: AppView) => void;
}

export function useDesktopEvents(handlers: DesktopEventHandlers): void {
  // The latest handlers, so subscribing once is enough.
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    const api = window.heatmap;
    if (!api) return undefined;
    const offFocus = api.onFocusSymbol((symbol) => latest.current.onFocusSymbol?.(symbol));
    const offView = api.onShowView((view) => latest.current.onShowView?.(view));
    return () => {
      offFocus();
      offView();
    };
  }, []);
}
