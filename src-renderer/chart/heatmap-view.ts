/**
 * The contract of the market map component (`components/HeatmapChart.tsx`): what the page passes
 * in, what it hears back, and what it may ask imperatively. The page (App, keyboard navigation,
 * search, context menu, breadcrumb, accessible table) builds against these types only; how the
 * map lays out and paints stays behind them.
 *
 * Coordinates: `TileRect` is in CSS pixels relative to the map's canvas (top-left 0,0);
 * `ClientRect` is in viewport (client) coordinates, ready for positioning a popup.
 */
import type { Tile } from '../lib/tiles';

/** Treemap (sector > industry > stock, area by `sizeBy`) or an equal-tile grid per sector. */
export type MapViewKind = 'treemap' | 'grid';

/** What a tile's area stands for. `equal` gives every stock the same area. */
export type SizeBy = 'marketCap' | 'dollarVolume' | 'equal';

/** The period a tile's colour (and its printed %) measures. */
export type Timeframe = '1d' | '1w' | '1m' | '3m' | 'ytd' | '1y';

/**
 * Colour palette of the diverging scale. `red-green` is the default; `blue-orange` and
 * `magenta-green` are safe for red–green colour blindness; `viridis` is a perceptual
 * sequential-diverging scale that also prints legibly in greyscale.
 */
export type PaletteId = 'red-green' | 'blue-orange' | 'magenta-green' | 'viridis';

/** The user's theme choice; `system` follows `prefers-color-scheme`. */
export type ThemeChoice = 'system' | 'light' | 'dark';

/** The theme actually in force once `system` is resolved. */
export type ResolvedTheme = 'light' | 'dark';

export const MAP_VIEW_KINDS: readonly MapViewKind[] = ['treemap', 'grid'];
export const SIZE_BYS: readonly SizeBy[] = ['marketCap', 'dollarVolume', 'equal'];
export const TIMEFRAMES: readonly Timeframe[] = ['1d', '1w', '1m', '3m', 'ytd', '1y'];
export const PALETTE_IDS: readonly PaletteId[] = [
  'red-green',
  'blue-orange',
  'magenta-green',
  'viridis',
];
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** How the map looks. Changing `view` or `sizeBy` re-lays out; the rest only repaints. */
export interface ViewOptions {
  view: MapViewKind;
  sizeBy: SizeBy;
  timeframe: Timeframe;
  palette: PaletteId;
  /**
   * The ± % at which the colour saturates, or null for the time frame's default
   * (about ±3 % for a day up to ±30 % for a year; see `defaultRange` in lib/colour-scale).
   */
  range: number | null;
  theme: ThemeChoice;
}

export const DEFAULT_VIEW_OPTIONS: ViewOptions = {
  view: 'treemap',
  sizeBy: 'marketCap',
  timeframe: '1d',
  palette: 'red-green',
  range: null,
  theme: 'system',
};

/** The drill-down: none (whole map), one sector, or one industry within a sector. */
export interface DrillPath {
  sector?: string;
  industry?: string;
}

/** A rectangle in CSS px relative to the map canvas. */
export interface TileRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A rectangle in viewport coordinates (like `DOMRect`, without the class). */
export interface ClientRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** One stock as drawn: enough for keyboard navigation, labels and a context menu. */
export interface MapTileRef {
  symbol: string;
  name: string;
  sector: string;
  industry: string;
  rect: TileRect;
  /** % change over the chosen time frame, or null when unknown. */
  value: number | null;
  status: Tile['status'];
  /** Share of the map's area (0–1), for accessible labels ("2.1 % of the map"). */
  share: number;
  /** True when the tile is too small to carry its label (it is still drawn and hoverable). */
  labelHidden: boolean;
}

/** A sector or industry header (treemap) or a sector block (grid). */
export interface MapGroupRef {
  level: 'sector' | 'industry';
  sector: string;
  /** Set for industries. */
  industry?: string;
  rect: TileRect;
  share: number;
  /** Cap-weighted (or equal-weighted under `sizeBy: 'equal'`) % change of the group's tiles. */
  value: number | null;
  count: number;
}

/** Modifier keys of the click that triggered a callback. */
export interface PointerModifiers {
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** What the map stamps on an exported PNG. */
export interface ExportStamp {
  /** When the data shown is from (ISO-8601 or already formatted text). */
  time: string;
  /** Data source as shown to the user, e.g. "Replay of 2026-08-07 closes". */
  source: string;
  /** The filter / universe / drill-down in words, e.g. "Sector: Energy". Empty for none. */
  filter: string;
}

/** The map component's props. */
export interface HeatmapViewProps {
  /** A new array means a new layout; the same array with a new `version` means repaint only. */
  tiles: Tile[];
  version: number;
  options: ViewOptions;
  drillPath: DrillPath;
  /** Search hit: drawn with a strong outline until cleared. */
  highlightedSymbol?: string | null;
  /** Keyboard focus: drawn with a focus ring (always visible). */
  focusedSymbol?: string | null;
  /**
   * Whether the map draws its own hover tooltip. Turn off when the page draws a richer one
   * (sparkline) from `onTileHover`.
   */
  builtInTooltip?: boolean;
  onTileClick?(tile: MapTileRef, modifiers: PointerModifiers): void;
  /** A click on a sector or industry header (treemap) or a sector block title (grid). */
  onGroupClick?(group: MapGroupRef, modifiers: PointerModifiers): void;
  onTileContextMenu?(tile: MapTileRef, clientX: number, clientY: number): void;
  /** Pointer entered a tile (null when it left all tiles). Anchor is the tile's client rect. */
  onTileHover?(tile: MapTileRef | null, anchor: ClientRect | null): void;
  /** The map moved focus itself (a click on a tile focuses it). */
  onFocusChange?(symbol: string | null): void;
}

/** Arrow-key direction for spatial navigation. */
export type Direction = 'left' | 'right' | 'up' | 'down';

/** What the page may ask of the map through a ref. */
export interface HeatmapHandle {
  /** Drawn tiles in visual reading order: by rows top to bottom, then left to right. */
  tiles(): MapTileRef[];
  /** Headers/blocks currently drawn, sectors first. */
  groups(): MapGroupRef[];
  /** Canvas-relative rect of a symbol's tile, or null when it is not on the map. */
  rectOf(symbol: string): TileRect | null;
  /** Viewport rect of a symbol's tile, or null. */
  clientRectOf(symbol: string): ClientRect | null;
  /** The nearest tile from `symbol` in a direction, for arrow keys; null at the edge. */
  neighbour(symbol: string, direction: Direction): string | null;
  /** Scrolls the map so the tile is visible; false when the symbol is not on the map. */
  scrollIntoView(symbol: string): boolean;
  /** A brief attention pulse around the tile (a static outline under reduced motion). */
  pulse(symbol: string): void;
  /** The map as a PNG with the stamp drawn in its bottom band. */
  exportPng(stamp: ExportStamp): Promise<Blob>;
}
