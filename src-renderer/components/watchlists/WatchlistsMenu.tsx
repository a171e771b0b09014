import { useEffect, useRef } from 'react';

import type { WatchlistsState } from './use-watchlists';
import { WatchlistsPanel } from './WatchlistsPanel';

interface Props {
  state: WatchlistsState;
  nameOf(symbol: string): string | undefined;
  onShowMap(id: string): void;
}

/** The watchlists panel behind a header disclosure; Escape or a press outside closes it. */
export function WatchlistsMenu({ state, nameOf, onShowMap }: Props) {
  const ref = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    const onPress = (event: PointerEvent) => {
      const el = ref.current;
      if (el?.open && event.target instanceof Node && !el.contains(event.target)) el.open = false;
    };
    document.addEventListener('pointerdown', onPress);
    return () => document.removeEventListener('pointerdown', onPress);
  }, []);

  return (
    <details
      className="picker"
      ref={ref}
      onKeyDown={(e) => {
        const el = ref.current;
        if (e.key !== 'Escape' || !el?.open) return;
        e.stopPropagation();
        el.open = false;
        el.querySelector('summary')?.focus();
      }}
    >
      <summary>
        <span className="picker-label">Watchlists</span>
        <span className="picker-value">{state.watchlists.length}</span>
      </summary>
      <div className="picker-menu watchlists-menu">
        <WatchlistsPanel
          state={state}
          nameOf={nameOf}
          onShowMap={(id) => {
            if (ref.current) ref.current.open = false;
            onShowMap(id);
          }}
        />
      </div>
    </details>
  );
}
