/**
 * The tray icon's pixels: a tiny heatmap. The six largest sectors are drawn as a 3 × 2 grid of
 * cells coloured by their cap-weighted change, and a bar along the bottom shows the breadth
 * (green share = advancers). Pure: a summary in, an RGBA buffer out.
 */
import type { MarketSummary } from '../core/market/market-summary.js';

/** Rendered at 32 px and shown at 16 pt with scale factor 2 (sharp on HiDPI trays). */
export const TRAY_ICON_SIZE = 32;
const COLUMNS = 3;
const ROWS = 2;
const GAP = 1;
const BAR_HEIGHT = 6;
/** A change of this many percent (or more) gets the full colour. */
const FULL_COLOUR_PERCENT = 2;

type Rgb = readonly [number, number, number];
const NEUTRAL: Rgb = [96, 100, 110];
const UP: Rgb = [22, 163, 74];
const DOWN: Rgb = [220, 38, 38];
const EMPTY: Rgb = [60, 63, 70];

export interface TrayPixels {
  width: number;
  height: number;
  /** width × height × 4 bytes, RGBA, rows top to bottom. */
  rgba: Uint8Array;
}

/** The colour of a % change: grey at 0, full green or red at ±FULL_COLOUR_PERCENT. */
export function changeColour(changePercent: number | null): Rgb {
  if (changePercent === null || !Number.isFinite(changePercent)) return EMPTY;
  const t = Math.min(1, Math.abs(changePercent) / FULL_COLOUR_PERCENT);
  const target = changePercent >= 0 ? UP : DOWN;
  return [0, 1, 2].map((i) => Math.round(NEUTRAL[i]! + (target[i]! - NEUTRAL[i]!) * t)) as [
    number,
    number,
    number,
  ];
}

/** Draws the summary (see the module comment). Cells without data are dark grey. */
export function renderTrayPixels(summary: MarketSummary, size = TRAY_ICON_SIZE): TrayPixels {
  const rgba = new Uint8Array(size * size * 4);
  const fill = (x0: number, y0: number, w: number, h: number, [r, g, b]: Rgb): void => {
    for (let y = y0; y < y0 + h; y += 1) {
      for (let x = x0; x < x0 + w; x += 1) rgba.set([r, g, b, 255], (y * size + x) * 4);
    }
  };

  // Cells: the grid area is everything above the bar and its gap.
  const gridHeight = size - BAR_HEIGHT - GAP;
  const cellW = Math.floor((size - GAP * (COLUMNS - 1)) / COLUMNS);
  const cellH = Math.floor((gridHeight - GAP * (ROWS - 1)) / ROWS);
  for (let i = 0; i < COLUMNS * ROWS; i += 1) {
    const column = i % COLUMNS;
    const row = Math.floor(i / COLUMNS);
    const sector = summary.sectors[i];
    const colour = changeColour(sector ? sector.changePercent : null);
    fill(column * (cellW + GAP), row * (cellH + GAP), cellW, cellH, colour);
  }

  // Breadth bar: advancers' share in green from the left, the rest red; grey without data.
  const barY = size - BAR_HEIGHT;
  if (summary.advancerShare === null) {
    fill(0, barY, size, BAR_HEIGHT, EMPTY);
  } else {
    const green = Math.round(summary.advancerShare * size);
    fill(0, barY, green, BAR_HEIGHT, UP);
    fill(green, barY, size - green, BAR_HEIGHT, DOWN);
  }
  return { width: size, height: size, rgba };
}

/** The plain fallback: neutral cells and bar (resources/icons/tray.png is drawn from it). */
export function renderFallbackPixels(size = TRAY_ICON_SIZE): TrayPixels {
  const empty: MarketSummary = {
    changePercent: null,
    advancers: 0,
    decliners: 0,
    unchanged: 0,
    advancerShare: null,
    sectors: [],
  };
  return renderTrayPixels(empty, size);
}
