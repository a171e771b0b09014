/**
 * The page's interaction state around the map: keyboard focus, search highlight, hover card,
 * context menu and details dialog, and the key handling that ties them to the drill-down. Kept
 * out of the map (which only draws what it is told) and out of App (which only composes).
 * None of it lives in the tiles, so a live update or a re-layout never resets it.
 */
import {
  type KeyboardEvent,
  type RefObject,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';

import type {
  ClientRect,
  DrillPath,
  HeatmapHandle,
  MapGroupRef,
  MapTileRef,
} from '../../chart/heatmap-view';
import type { Tile } from '../../lib/tiles';
import { drillUp, reduceMapKey } from './map-keys';
import type { ContextMenuTarget } from './TileContextMenu';

export interface MapInteraction {
  focused: string | null;
  highlighted: string | null;
  hover: { tile: MapTileRef; anchor: ClientRect } | null;
  menu: ContextMenuTarget | null;
  details: string | null;
  /** Text for the polite live region (focused tile, drill level). */
  announcement: string;
  setFocused(symbol: string | null): void;
  onHover(tile: MapTileRef | null, anchor: ClientRect | null): void;
  onGroupClick(group: MapGroupRef): void;
  onContextMenu(tile: MapTileRef, x: number, y: number): void;
  openMenuFor(symbol: string, x: number, y: number): void;
  closeMenu(): void;
  openDetails(symbol: string): void;
  closeDetails(): void;
  /** A search hit: highlight, focus, bring into view (leaving a drill-down it is outside of). */
  find(symbol: string): void;
  /** The search was closed: the highlight goes with it. */
  clearHighlight(): void;
  onMapKeyDown(event: KeyboardEvent): void;
  announce(text: string): void;
}

interface Options {
  map: RefObject<HeatmapHandle | null>;
  /** Every tile of the current universe (not only the drilled-in ones). */
  tiles: readonly Tile[];
  drill: DrillPath;
  setDrill(drill: DrillPath): void;
  focusSearch(): void;
  /** Gives the keyboard focus back to the map (after a menu or dialog closes). */
  focusMap(): void;
  /** Label of a tile for the live region. */
  describe(tile: MapTileRef): string;
}

const inside = (tile: Tile, drill: DrillPath) =>
  (!drill.sector || tile.sector === drill.sector) &&
  (!drill.industry || tile.industry === drill.industry);

/** Whether typing `/` there means the character (inputs, text areas, selects, editables). */
export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Whether the key's target sits in something that closes on Escape itself. */
function insidePopup(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return target.closest('[role="dialog"], [role="menu"], details[open]') !== null;
}

/** See the module comment. */
export function useMapInteraction(opts: Options): MapInteraction {
  const { map, drill, setDrill } = opts;
  const [focused, setFocused] = useState<string | null>(null);
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const [hover, setHover] = useState<MapInteraction['hover']>(null);
  const [menu, setMenu] = useState<ContextMenuTarget | null>(null);
  const [details, setDetails] = useState<string | null>(null);
  const [announcement, announce] = useState('');
  const latest = useRef(opts);
  latest.current = opts;

  const bySymbol = useCallback(
    (symbol: string) => latest.current.tiles.find((t) => t.symbol === symbol),
    [],
  );

  // Focus moved by keys: say what is focused and keep it in view.
  const moveFocus = useCallback(
    (symbol: string | null) => {
      setFocused(symbol);
      if (!symbol) return;
      map.current?.scrollIntoView(symbol);
      const ref = map.current?.tiles().find((t) => t.symbol === symbol);
      if (ref) announce(latest.current.describe(ref));
    },
    [map],
  );

  const openMenuFor = useCallback(
    (symbol: string, x: number, y: number) => {
      const tile = bySymbol(symbol);
      if (tile) setMenu({ symbol, name: tile.name, x, y });
    },
    [bySymbol],
  );

  const find = useCallback(
    (symbol: string) => {
      const tile = bySymbol(symbol);
      if (!tile) return;
      if (!inside(tile, latest.current.drill)) latest.current.setDrill({});
      setHighlighted(symbol);
      setFocused(symbol);
      // After a drill change the map lays out again; ask for view and pulse on the next frame.
      requestAnimationFrame(() => {
        map.current?.scrollIntoView(symbol);
        map.current?.pulse(symbol);
      });
    },
    [bySymbol, map],
  );

  const onMapKeyDown = (event: KeyboardEvent) => {
    const handle = map.current;
    if (!handle) return;

    if ((event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) && focused) {
      event.preventDefault();
      const r = handle.clientRectOf(focused);
      if (r) openMenuFor(focused, r.left + r.width / 2, r.top + r.height / 2);
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;

    const refs = handle.tiles();
    const result = reduceMapKey({ drillPath: drill, focused }, event.key, {
      rects: refs.map((t) => ({ symbol: t.symbol, ...t.rect })),
      placeOf: (s) => refs.find((t) => t.symbol === s) ?? bySymbol(s),
    });
    if (!result.handled) return;
    event.preventDefault();

    if (result.state.drillPath !== drill) setDrill(result.state.drillPath);
    if (result.state.focused !== focused) moveFocus(result.state.focused);
    if (result.effect === 'focus-search') opts.focusSearch();
    if (result.effect === 'open-details' && result.state.focused) {
      setDetails(result.state.focused);
    }
  };

  // `/` searches and Escape goes up from anywhere but a text field, a dialog, a menu or an
  // open panel (which use Escape themselves); the map's own handler runs first when focused.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented || isEditable(event.target)) return;
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === '/') {
        event.preventDefault();
        latest.current.focusSearch();
        return;
      }
      if (event.key !== 'Escape' || insidePopup(event.target)) return;
      const up = drillUp(latest.current.drill);
      if (!up) return;
      event.preventDefault();
      latest.current.setDrill(up);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // The hover card and menu belong to a layout; a new drill-down closes them.
  useEffect(() => {
    setHover(null);
    setMenu(null);
  }, [drill.sector, drill.industry]);

  return {
    focused,
    highlighted,
    hover,
    menu,
    details,
    announcement,
    setFocused,
    onHover: (tile, anchor) => setHover(tile && anchor ? { tile, anchor } : null),
    onGroupClick: (group) => {
      setDrill(
        group.level === 'industry' && group.industry
          ? { sector: group.sector, industry: group.industry }
          : { sector: group.sector },
      );
    },
    onContextMenu: (tile, x, y) => {
      setHover(null);
      setFocused(tile.symbol);
      openMenuFor(tile.symbol, x, y);
    },
    openMenuFor,
    closeMenu: () => {
      setMenu(null);
      // Back to the map, unless the press that closed the menu put the focus somewhere else.
      const active = document.activeElement;
      if (!active || active === document.body || active.closest('.context-menu')) opts.focusMap();
    },
    openDetails: (symbol) => setDetails(symbol),
    closeDetails: () => {
      setDetails(null);
      opts.focusMap();
    },
    find,
    clearHighlight: () => setHighlighted(null),
    onMapKeyDown,
    announce,
  };
}
