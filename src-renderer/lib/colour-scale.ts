import type { QuoteStatus } from '../../src-main/shared/api-types';
import type { PaletteId, ResolvedTheme, Timeframe } from '../chart/heatmap-view';

/** % change at which the one-day scale saturates (the default palette's legacy helpers use it). */
export const SATURATION_PERCENT = 3;

export type Rgb = readonly [number, number, number];

/** Anchors of the default diverging scale: a muted red, a dark slate neutral, a muted green. */
export const DOWN_RGB: Rgb = [214, 52, 58];
export const NEUTRAL_RGB: Rgb = [62, 66, 80];
export const UP_RGB: Rgb = [40, 170, 86];

/** Flat grey for symbols without a quote: distinct from the neutral slate of "unchanged". */
export const MISSING_COLOUR = 'rgb(112, 114, 122)';

/** Opacity of stale tiles in the legacy `tileColour` (the map itself blends; see `ColourScale`). */
export const STALE_ALPHA = 0.42;

/** Default saturation (± %) per time frame: wider frames see wider moves. */
export const DEFAULT_RANGE: Readonly<Record<Timeframe, number>> = {
  '1d': 3,
  '1w': 6,
  '1m': 10,
  '3m': 18,
  ytd: 24,
  '1y': 30,
};

/** Bounds of a user-chosen range, in %. */
export const MIN_RANGE = 0.5;
export const MAX_RANGE = 100;

/** The saturation in force: the user's range if valid, else the time frame's default. */
export function effectiveRange(timeframe: Timeframe, range: number | null): number {
  if (range === null || !Number.isFinite(range)) return DEFAULT_RANGE[timeframe];
  return Math.min(MAX_RANGE, Math.max(MIN_RANGE, range));
}

interface PaletteAnchors {
  down: Rgb;
  up: Rgb;
  /** Neutral per theme: the map's "unchanged" sits close to the page background. */
  neutral: Record<ResolvedTheme, Rgb>;
  label: string;
  downWord: string;
  upWord: string;
}

/** Palette anchors. Blue–orange and magenta–green stay distinct under red–green deficiency. */
export const PALETTES: Readonly<Record<PaletteId, PaletteAnchors>> = {
  'red-green': {
    down: DOWN_RGB,
    up: UP_RGB,
    neutral: { dark: NEUTRAL_RGB, light: [196, 199, 207] },
    label: 'Red – green',
    downWord: 'red',
    upWord: 'green',
  },
  'blue-orange': {
    down: [230, 110, 10],
    up: [33, 110, 200],
    neutral: { dark: [70, 70, 78], light: [200, 200, 204] },
    label: 'Blue – orange (colour-blind safe)',
    downWord: 'orange',
    upWord: 'blue',
  },
  'magenta-green': {
    down: [197, 27, 125],
    up: [77, 146, 33],
    neutral: { dark: [68, 66, 72], light: [204, 200, 204] },
    label: 'Magenta – green (colour-blind safe)',
    downWord: 'magenta',
    upWord: 'green',
  },
  viridis: {
    down: [68, 1, 84],
    up: [253, 231, 37],
    neutral: { dark: [33, 145, 140], light: [33, 145, 140] },
    label: 'Viridis (print and colour-blind safe)',
    downWord: 'purple',
    upWord: 'yellow',
  },
};

/** Page background per theme; stale tiles fade towards it. */
export const THEME_BACKGROUND: Readonly<Record<ResolvedTheme, Rgb>> = {
  dark: [11, 13, 17],
  light: [244, 245, 247],
};

/** Missing-tile base colour per theme (the painter adds a hatch pattern on top). */
export const MISSING_RGB: Readonly<Record<ResolvedTheme, Rgb>> = {
  dark: [112, 114, 122],
  light: [160, 162, 168],
};

/** Colour steps per side of the scale: enough for smooth gradients, few enough to cache. */
export const STEPS = 64;

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [
    Math.round(a[0] + (b[0] - a[0]) * t),
    Math.round(a[1] + (b[1] - a[1]) * t),
    Math.round(a[2] + (b[2] - a[2]) * t),
  ];
}

const css = (c: Rgb) => `rgb(${c[0]}, ${c[1]}, ${c[2]})`;

/**
 * Position of a % change on the scale, from -1 (saturated down) through 0 to 1 (saturated up).
 * A square root makes small moves visible; ±saturation and beyond saturate.
 */
export function scalePosition(changePercent: number, saturation = SATURATION_PERCENT): number {
  if (!Number.isFinite(changePercent) || changePercent === 0) return 0;
  const t = Math.min(Math.abs(changePercent) / saturation, 1);
  return Math.sign(changePercent) * Math.sqrt(t);
}

/** RGB of a % change on the default dark red–neutral–green scale. */
export function changeRgb(changePercent: number, saturation = SATURATION_PERCENT): Rgb {
  const p = scalePosition(changePercent, saturation);
  return p < 0 ? mix(NEUTRAL_RGB, DOWN_RGB, -p) : mix(NEUTRAL_RGB, UP_RGB, p);
}

/** Legacy single-palette tile colour (dark theme, 1-day range); stale as translucent rgba. */
export function tileColour(changePercent: number | null, status: QuoteStatus): string {
  if (status === 'missing' || changePercent === null) return MISSING_COLOUR;

  const [r, g, b] = changeRgb(changePercent);
  return status === 'stale' ? `rgba(${r}, ${g}, ${b}, ${STALE_ALPHA})` : `rgb(${r}, ${g}, ${b})`;
}

/** WCAG relative luminance of an sRGB colour. */
export function luminance(c: Rgb): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
}

/** WCAG contrast ratio of two colours (1–21). */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];

/** Black or white, whichever contrasts more with `bg` (always ≥ 4.58:1 against an opaque bg). */
export function textRgbFor(bg: Rgb): Rgb {
  return contrastRatio(bg, WHITE) >= contrastRatio(bg, BLACK) ? WHITE : BLACK;
}

/** A tile's fill and text colour, as cached CSS strings. */
export interface TileInk {
  fill: string;
  text: string;
  rgb: Rgb;
}

/** Fade steps for stale tiles: 1 (just stale) … FADE_STEPS (old). */
export const FADE_STEPS = 4;
/** Age at which a stale tile reaches its faintest step. */
export const FULL_FADE_MS = 30 * 60_000;

/** Fade step (0 = not faded) of a quote of age `ageMs` with status `status`. */
export function fadeStep(status: QuoteStatus, ageMs: number): number {
  if (status !== 'stale') return 0;
  const t = Number.isFinite(ageMs) ? Math.min(Math.max(ageMs, 0) / FULL_FADE_MS, 1) : 1;
  return 1 + Math.min(FADE_STEPS - 1, Math.floor(t * FADE_STEPS));
}

/**
 * A palette × theme × range, quantised to STEPS per side, with every fill and text string built
 * once. Live updates look colours up by bucket; they never format a colour string.
 */
export interface ColourScale {
  palette: PaletteId;
  theme: ResolvedTheme;
  range: number;
  /** Bucket of a value: -STEPS … STEPS. */
  bucket(value: number): number;
  /** Ink for a bucket and fade step (0 = live). */
  ink(bucket: number, fade: number): TileInk;
  missing: TileInk;
  /** Ink for a tile's value and freshness. */
  inkFor(value: number | null, status: QuoteStatus, ageMs: number): TileInk;
  /** CSS linear-gradient for the legend. */
  gradient(): string;
}

export function createColourScale(
  palette: PaletteId,
  theme: ResolvedTheme,
  range: number,
): ColourScale {
  const p = PALETTES[palette] ?? PALETTES['red-green'];
  const neutral = p.neutral[theme];
  const bg = THEME_BACKGROUND[theme];
  const table: TileInk[][] = [];
  const makeInk = (rgb: Rgb): TileInk => ({ fill: css(rgb), text: css(textRgbFor(rgb)), rgb });

  for (let b = -STEPS; b <= STEPS; b++) {
    const t = Math.abs(b) / STEPS;
    const base = b < 0 ? mix(neutral, p.down, t) : mix(neutral, p.up, t);
    const row: TileInk[] = [];
    // Stale fades towards the page background, kept opaque so repaints never compound.
    for (let f = 0; f <= FADE_STEPS; f++)
      row.push(makeInk(f ? mix(base, bg, 0.3 + 0.12 * f) : base));
    table.push(row);
  }
  const missing = makeInk(MISSING_RGB[theme]);

  const bucket = (value: number) => Math.round(scalePosition(value, range) * STEPS);
  const ink = (b: number, fade: number) => table[b + STEPS]![Math.min(fade, FADE_STEPS)]!;

  return {
    palette,
    theme,
    range,
    bucket,
    ink,
    missing,
    inkFor(value, status, ageMs) {
      if (status === 'missing' || value === null || !Number.isFinite(value)) return missing;
      return ink(bucket(value), fadeStep(status, ageMs));
    },
    gradient() {
      const stops: string[] = [];
      const n = 13;
      for (let i = 0; i < n; i++) {
        const pct = -range + (2 * range * i) / (n - 1);
        stops.push(`${ink(bucket(pct), 0).fill} ${((100 * i) / (n - 1)).toFixed(1)}%`);
      }
      return `linear-gradient(to right, ${stops.join(', ')})`;
    },
  };
}

/** CSS linear-gradient for the default legend, sampled from the same scale as the tiles. */
export function legendGradient(steps = 13, saturation = SATURATION_PERCENT): string {
  const stops: string[] = [];
  for (let i = 0; i < steps; i++) {
    const pct = -saturation + (2 * saturation * i) / (steps - 1);
    const [r, g, b] = changeRgb(pct, saturation);
    stops.push(`rgb(${r}, ${g}, ${b}) ${((100 * i) / (steps - 1)).toFixed(1)}%`);
  }
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

/** Parses `rgb(r, g, b)` / `rgba(r, g, b, a)`; null for anything else. */
export function parseRgb(colour: string): { r: number; g: number; b: number; a: number } | null {
  const m = /^rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)$/.exec(colour);
  if (!m) return null;
  const a = m[4] === undefined ? 1 : Number(m[4]);
  return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a };
}

/**
 * Which way a default-palette colour leans: 1 green, -1 red, 0 neutral or not on the scale.
 * Measured against the neutral anchor, so it works for faded (stale) colours too.
 */
export function colourSign(colour: string): -1 | 0 | 1 {
  const c = parseRgb(colour);
  if (!c) return 0;
  // The missing grey of either theme is no lean, though its channels are not quite equal.
  if (Object.values(MISSING_RGB).some(([r, g, b]) => c.r === r && c.g === g && c.b === b)) return 0;

  const lean = c.g - NEUTRAL_RGB[1] - (c.r - NEUTRAL_RGB[0]);
  if (Math.abs(lean) < 2) return 0;
  return lean > 0 ? 1 : -1;
}
