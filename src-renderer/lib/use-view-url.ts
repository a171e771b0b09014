import { useEffect, useState } from 'react';

import { type SavedViewApi, useSavedView } from './use-saved-view';
import { fromSearch, toSearch, type ViewState } from './view-state';

/**
 * The view state, read from the page URL at start and written back (replaceState, no history
 * entry per change) whenever it changes, so a reload or a shared link restores the same view.
 * In the app (`api`, default `window.heatmap`) it is also saved and restored across starts.
 */
export function useUrlViewState(
  api: SavedViewApi | undefined = window.heatmap,
): [ViewState, (view: ViewState) => void] {
  const [view, setView] = useState<ViewState>(() => fromSearch(window.location.search));
  useEffect(() => {
    const search = toSearch(view);
    if (search === window.location.search) return;
    const url = `${window.location.pathname}${search}${window.location.hash}`;
    window.history.replaceState(window.history.state, '', url);
  }, [view]);
  useSavedView(api, view, setView);
  return [view, setView];
}
