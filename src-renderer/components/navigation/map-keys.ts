/**
 * What a key does on the map, as a pure reducer: arrows move the focus between tiles, Enter
 * drills into the focused tile's sector and then its industry (and opens details at the
 * deepest level), Escape goes up one level, `/` asks for the search box. The component that owns
 * the keyboard listener applies the returned state and performs the effect.
 */
import type { DrillPath } from '../../chart/heatmap-view';
import { edgeTile, type NavDirection, type NavRect, nextTile } from './grid-nav';

export interface MapNavState {
  drillPath: DrillPath;
  /** Symbol of the tile with keyboard focus, or null before the first arrow key. */
  focused: string | null;
}

/** Where a tile sits in the hierarchy; enough to drill into it. */
export interface TilePlace {
  sector: string;
  industry: string;
}

export interface MapKeyContext {
  /** The tiles in view, in reading order, with their drawn rects. */
  rects: readonly NavRect[];
  placeOf(symbol: string): TilePlace | undefined;
}

/** Side effects the reducer cannot perform itself. */
export type MapKeyEffect = 'none' | 'focus-search' | 'open-details';

export interface MapKeyResult {
  state: MapNavState;
  effect: MapKeyEffect;
  /** Whether the key was ours (the caller then prevents the browser default). */
  handled: boolean;
}

const ARROWS: Readonly<Record<string, NavDirection>> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

const unhandled = (state: MapNavState): MapKeyResult => ({ state, effect: 'none', handled: false });
const done = (state: MapNavState, effect: MapKeyEffect = 'none'): MapKeyResult => ({
  state,
  effect,
  handled: true,
});

/** The drill path one level below `path` towards `place`, or null at the deepest level. */
export function drillInto(path: DrillPath, place: TilePlace): DrillPath | null {
  if (!path.sector) return { sector: place.sector };
  if (!path.industry) return { sector: place.sector, industry: place.industry };
  return null;
}

/** The drill path one level up, or null at the top. */
export function drillUp(path: DrillPath): DrillPath | null {
  if (path.industry) return { sector: path.sector };
  if (path.sector) return {};
  return null;
}

/** Applies one key (a `KeyboardEvent.key`) to the navigation state. */
export function reduceMapKey(state: MapNavState, key: string, ctx: MapKeyContext): MapKeyResult {
  const dir = ARROWS[key];
  if (dir) {
    const focused = nextTile(ctx.rects, state.focused, dir) ?? state.focused;
    return done({ ...state, focused });
  }

  switch (key) {
    case 'Home':
    case 'End':
      return done({ ...state, focused: edgeTile(ctx.rects, key === 'Home' ? 'home' : 'end') });
    case 'Enter': {
      const place = state.focused ? ctx.placeOf(state.focused) : undefined;
      if (!place) return unhandled(state);
      const path = drillInto(state.drillPath, place);
      return path ? done({ ...state, drillPath: path }) : done(state, 'open-details');
    }
    case 'Escape': {
      const path = drillUp(state.drillPath);
      return path ? done({ ...state, drillPath: path }) : unhandled(state);
    }
    case '/':
      return done(state, 'focus-search');
    default:
      return unhandled(state);
  }
}
