/** Pure geometry helpers of the map: snapping, hit testing, reading order, arrow-key moves. */
import type { Direction, TileRect } from './heatmap-view';

/** Snaps a rect to whole device pixels so repainting a tile covers exactly its old pixels. */
export function snapRect(r: TileRect, dpr: number): TileRect {
  const x0 = Math.round(r.x * dpr) / dpr;
  const y0 = Math.round(r.y * dpr) / dpr;
  const x1 = Math.round((r.x + r.w) * dpr) / dpr;
  const y1 = Math.round((r.y + r.h) * dpr) / dpr;
  return { x: x0, y: y0, w: Math.max(0, x1 - x0), h: Math.max(0, y1 - y0) };
}

/** Shrinks a rect by `by` px on every side (never below zero size). */
export function insetRect(r: TileRect, by: number): TileRect {
  return { x: r.x + by, y: r.y + by, w: Math.max(0, r.w - 2 * by), h: Math.max(0, r.h - 2 * by) };
}

export function contains(r: TileRect, x: number, y: number): boolean {
  return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

/** Index of the rect under (x, y), or -1. Linear: 5,000 rects take microseconds. */
export function hitTest(rects: readonly TileRect[], x: number, y: number): number {
  for (let i = 0; i < rects.length; i++) if (contains(rects[i]!, x, y)) return i;
  return -1;
}

/**
 * Indices in reading order: top to bottom, then left to right. Tops within `tolerance` px count
 * as one row, so tiles that only differ by rounding read left to right.
 */
export function readingOrder(rects: readonly TileRect[], tolerance = 2): number[] {
  return rects
    .map((_, i) => i)
    .sort((a, b) => {
      const ra = rects[a]!;
      const rb = rects[b]!;
      if (Math.abs(ra.y - rb.y) > tolerance) return ra.y - rb.y;
      return ra.x - rb.x;
    });
}

/**
 * The rect nearest to rect `from` in `direction`: its centre must lie beyond `from`'s edge on
 * that side; distance along the direction counts once, sideways offset counts twice (so a tile
 * straight ahead beats a closer one diagonally). -1 when there is none.
 */
export function neighbourIndex(
  rects: readonly TileRect[],
  from: number,
  direction: Direction,
): number {
  const r = rects[from];
  if (!r) return -1;
  const cx = r.x + r.w / 2;
  const cy = r.y + r.h / 2;
  let best = -1;
  let bestScore = Infinity;

  rects.forEach((o, i) => {
    if (i === from) return;
    const ox = o.x + o.w / 2;
    const oy = o.y + o.h / 2;
    let along: number;
    let side: number;
    switch (direction) {
      case 'left':
        along = r.x - ox;
        side = Math.abs(oy - cy);
        break;
      case 'right':
        along = ox - (r.x + r.w);
        side = Math.abs(oy - cy);
        break;
      case 'up':
        along = r.y - oy;
        side = Math.abs(ox - cx);
        break;
      case 'down':
        along = oy - (r.y + r.h);
        side = Math.abs(ox - cx);
        break;
      default: {
        const never: never = direction;
        return never;
      }
    }
    if (along < 0) return;
    const score = along + 2 * side;
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}
