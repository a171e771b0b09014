import type { QuoteStatus } from '../../src-main/shared/api-types';

/** % change at which the scale saturates (one trading day; issue 4 widens it per time frame). */
export const SATURATION_PERCENT = 3;

type Rgb = readonly [number, number, number];

/** Anchors of the default diverging scale: a muted red, a dark slate neutral, a muted green. */
export const DOWN_RGB: Rgb = [214, 52, 58];
export const NEUTRAL_RGB: Rgb = [62, 66, 80];
export const UP_RGB: Rgb = [40, 170, 86];

/** Flat grey for symbols without a quote: distinct from the neutral slate of "unchanged". */
export const MISSING_COLOUR = 'rgb(112, 114, 122)';

/** Opacity of stale tiles: they sit on a near-black background, so they read as faded. */
export const STALE_ALPHA = 0.42;

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [
    Math.round(a[0] + (b[0] - a[0]) * t),
    Math.round(a[1] + (b[1] - a[1]) * t),
    Math.round(a[2] + (b[2] - a[2]) * t),
  ];
}

/**
 * Position of a % change on the scale, from -1 (saturated down) through 0 to 1 (saturated up).
 * A square root makes small moves visible; ±SATURATION_PERCENT and beyond saturate.
 */
export function scalePosition(changePercent: number, saturation = SATURATION_PERCENT): number {
  if (!Number.isFinite(changePercent) || changePercent === 0) return 0;
  const t = Math.min(Math.abs(changePercent) / saturation, 1);
  return Math.sign(changePercent) * Math.sqrt(t);
}

/** RGB of a % change on the diverging red–neutral–green scale. */
export function changeRgb(changePercent: number, saturation = SATURATION_PERCENT): Rgb {
  const p = scalePosition(changePercent, saturation);
  return p < 0 ? mix(NEUTRAL_RGB, DOWN_RGB, -p) : mix(NEUTRAL_RGB, UP_RGB, p);
}

/** CSS colour of a tile: the scale for live quotes, faded when stale, grey when missing. */
export function tileColour(changePercent: number | null, status: QuoteStatus): string {
  if (status === 'missing' || changePercent === null) return MISSING_COLOUR;

  const [r, g, b] = changeRgb(changePercent);
  return status === 'stale' ? `rgba(${r}, ${g}, ${b}, ${STALE_ALPHA})` : `rgb(${r}, ${g}, ${b})`;
}

/** CSS linear-gradient for the legend, sampled from the same scale as the tiles. */
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
 * Which way a scale colour leans: 1 green, -1 red, 0 neutral or not on the scale.
 * Measured against the neutral anchor, so it works for faded (stale) colours too.
 */
export function colourSign(colour: string): -1 | 0 | 1 {
  const c = parseRgb(colour);
  if (!c || colour === MISSING_COLOUR) return 0;

  const lean = c.g - NEUTRAL_RGB[1] - (c.r - NEUTRAL_RGB[0]);
  if (Math.abs(lean) < 2) return 0;
  return lean > 0 ? 1 : -1;
}
