/**
 * Shape of the `window.__heatmap` test hook. Kept free of DOM types so the browser tests
 * (type-checked on the Node side) can import it.
 */

/** One drawn tile, read from the live Chart.js element (not from our input). */
export interface DrawnTile {
  symbol: string;
  sector: string;
  x: number;
  y: number;
  w: number;
  h: number;
  colour: string;
  hidden: boolean;
}

export interface HeatmapTestHook {
  tiles(): DrawnTile[];
  /** Element colour and the canvas pixel just inside the top-left corner, for tiles > 40 px. */
  samplePixels(max: number): Array<{ symbol: string; colour: string; pixel: string }>;
  /** How many times the treemap laid itself out (a new `data` array from the controller). */
  layouts(): number;
  /** How many live recolours ran. */
  recolours(): number;
  /** Median ms of `runs` recolours via our path and via `chart.update('none')`. */
  benchmark(runs: number): { recolourMs: number; updateNoneMs: number };
}

/** What the page's global object holds, for `page.evaluate` callbacks. */
export interface HeatmapHookHost {
  __heatmap?: HeatmapTestHook;
}
