import { useEffect, useRef, useState } from 'react';

import type { HeatmapApi } from '../../src-main/shared/ipc-contract';
import { createLogger } from './log';
import { fromSearch, toSearch, type ViewState } from './view-state';

const log = createLogger('saved-view');

/** How long the view must stay unchanged before it is saved (a drag of the range slider…). */
export const SAVE_VIEW_DELAY_MS = 500;

/** The part of `window.heatmap` the saved view uses. */
export type SavedViewApi = Pick<HeatmapApi, 'getViewState' | 'setViewState'>;

/** Whether a page URL query says anything about the view (any parameter at all). */
export function hasViewQuery(search: string): boolean {
  return [...new URLSearchParams(search).keys()].length > 0;
}

/**
 * In the app, keeps the view across starts: the page loads from a new port each time, so its
 * URL forgets. At start, when the URL has no view query, the saved one is read through the URL
 * parser (bad values fall back to defaults with a warning); then every change is saved once it
 * has settled for SAVE_VIEW_DELAY_MS. Without `api` (a browser) it does nothing.
 */
export function useSavedView(
  api: SavedViewApi | undefined,
  view: ViewState,
  setView: (view: ViewState) => void,
): void {
  const [startSearch] = useState(() => window.location.search);
  const [restored, setRestored] = useState(() => !api || hasViewQuery(startSearch));
  const lastSaved = useRef<string | null>(null);
  const latest = useRef(view);
  latest.current = view;

  useEffect(() => {
    if (!api || restored) return;
    let cancelled = false;
    const startView = toSearch(latest.current);
    api
      .getViewState()
      .then((saved) => {
        if (cancelled) return;
        lastSaved.current = saved;
        // The user changed the view while we waited: theirs wins over the saved one.
        if (saved && toSearch(latest.current) === startView) setView(fromSearch(saved));
      })
      .catch((error: unknown) => {
        log.warn('restore view: could not read the saved view; keeping the default', error);
      })
      .finally(() => {
        if (!cancelled) setRestored(true);
      });
    return () => {
      cancelled = true;
    };
    // Runs once at start; setView and api are stable for the page's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- restore only once, at start
  }, []);

  useEffect(() => {
    // Saving before the restore settles would overwrite the saved view with the default.
    if (!api || !restored) return;
    const search = toSearch(view);
    if (search === lastSaved.current) return;
    const timer = setTimeout(() => {
      lastSaved.current = search;
      api.setViewState(search).catch((error: unknown) => {
        log.warn('save view: the app refused the view', error);
      });
    }, SAVE_VIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [api, view, restored]);
}
