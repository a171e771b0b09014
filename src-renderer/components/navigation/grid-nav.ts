/**
 * Spatial navigation over the map's tiles: which tile an arrow key moves to. Pure functions over
 * rectangles, so they are tested without a canvas. The map hands us its tiles in reading order
 * (top-left first) with their drawn rects.
 */

/** A tile's drawn rectangle in CSS pixels, as the map reports it. */
export interface NavRect {
  symbol: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export type NavDirection = 'left' | 'right' | 'up' | 'down';

/** Rects touching within this many pixels count as adjacent (tile spacing, rounding). */
const EDGE_SLACK = 2;
/** How much a sideways step costs against a straight one when no tile lines up. */
const PERPENDICULAR_WEIGHT = 3;

const centreX = (r: NavRect) => r.x + r.w / 2;
const centreY = (r: NavRect) => r.y + r.h / 2;

/** How far `to` lies beyond `from` in `dir` (edge to edge), or null when it is not that way. */
function gapAlong(from: NavRect, to: NavRect, dir: NavDirection): number | null {
  let gap: number;
  switch (dir) {
    case 'right':
      gap = to.x - (from.x + from.w);
      break;
    case 'left':
      gap = from.x - (to.x + to.w);
      break;
    case 'down':
      gap = to.y - (from.y + from.h);
      break;
    case 'up':
      gap = from.y - (to.y + to.h);
      break;
    default: {
      const never: never = dir;
      throw new Error(`grid nav: unknown direction ${String(never)}`);
    }
  }
  return gap >= -EDGE_SLACK ? Math.max(0, gap) : null;
}

/** Overlap length of the two rects across `dir` (vertical overlap for left/right). */
function overlapAcross(a: NavRect, b: NavRect, dir: NavDirection): number {
  const horizontal = dir === 'left' || dir === 'right';
  const [a0, a1, b0, b1] = horizontal
    ? [a.y, a.y + a.h, b.y, b.y + b.h]
    : [a.x, a.x + a.w, b.x, b.x + b.w];
  return Math.min(a1, b1) - Math.max(a0, b0);
}

/** Distance between the rects' centres across `dir`. */
function offsetAcross(a: NavRect, b: NavRect, dir: NavDirection): number {
  const horizontal = dir === 'left' || dir === 'right';
  return horizontal ? Math.abs(centreY(a) - centreY(b)) : Math.abs(centreX(a) - centreX(b));
}

/**
 * The tile an arrow key moves to from `current`: the nearest tile that way which lines up with
 * it (shares some of its height for left/right, width for up/down), preferring the one whose
 * centre is closest; if none lines up, the nearest by a distance that penalises sideways drift.
 * Returns null at the edge of the map (focus stays put).
 */
export function nextTile(
  rects: readonly NavRect[],
  current: string | null,
  dir: NavDirection,
): string | null {
  const from = rects.find((r) => r.symbol === current);
  if (!from) return rects[0]?.symbol ?? null;

  let best: { symbol: string; aligned: boolean; score: number } | null = null;
  for (const to of rects) {
    if (to.symbol === from.symbol || to.w <= 0 || to.h <= 0) continue;
    const gap = gapAlong(from, to, dir);
    if (gap === null) continue;

    const aligned = overlapAcross(from, to, dir) > 0;
    const offset = offsetAcross(from, to, dir);
    // Neighbours across one tile gap tie on distance, so among them the closest centre wins.
    const near = gap <= EDGE_SLACK ? 0 : gap;
    const score = aligned ? near * 1000 + offset : gap + offset * PERPENDICULAR_WEIGHT;
    const better =
      !best || (aligned && !best.aligned) || (aligned === best.aligned && score < best.score);
    if (better) best = { symbol: to.symbol, aligned, score };
  }
  return best?.symbol ?? null;
}

/** The first (`home`) or last (`end`) tile in reading order. */
export function edgeTile(rects: readonly NavRect[], which: 'home' | 'end'): string | null {
  const r = which === 'home' ? rects[0] : rects[rects.length - 1];
  return r?.symbol ?? null;
}
