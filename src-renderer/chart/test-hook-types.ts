/**
 * Shape of the `window.__heatmap` test hook. Kept free of DOM types so the browser tests
 * (type-checked on the Node side) can import it.
 */

/** One drawn tile, read from the painter (what is on the canvas), not from our input. */
export interface DrawnTile {
  symbol: string;
  sector: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** The fill last painted, `rgb(r, g, b)`. */
  colour: string;
  /** Whether the tile is not drawn at all (zero size). */
  hidden: boolean;
  /** Whether its label is hidden (too small); the tile itself is still drawn and hoverable. */
  labelHidden: boolean;
  status: string;
}

export interface HeatmapTestHook {
  tiles(): DrawnTile[];
  /** Painted colour and the canvas pixel just inside the top-left corner, for tiles > 40 px. */
  samplePixels(max: number): Array<{ symbol: string; colour: string; pixel: string }>;
  /** How many times the map laid itself out (a new `data` array). */
  layouts(): number;
  /** How many live repaints ran. */
  recolours(): number;
  /** Median ms of `runs` live updates (all tiles' values moved) via our path and `update()`. */
  benchmark(runs: number): { recolourMs: number; updateNoneMs: number };
  /** The painted pixel at a CSS point of the map canvas. */
  pixelAt(x: number, y: number): string;
}

/** What the page's global object holds, for `page.evaluate` callbacks. */
export interface HeatmapHookHost {
  __heatmap?: HeatmapTestHook;
}
