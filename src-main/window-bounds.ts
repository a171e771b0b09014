/**
 * Where a restored window may go: its saved bounds, moved and shrunk so it lies on a display
 * that is connected now (a laptop undocked from its second monitor must not open the window
 * off-screen). Pure: rectangles in, a rectangle out.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A saved window must show at least this much on some display to stay there. */
const MIN_VISIBLE = 64;

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w >= MIN_VISIBLE && h >= MIN_VISIBLE ? w * h : 0;
}

/**
 * The saved bounds clamped into the work area they overlap most; on no display (or none
 * saved), undefined, so the caller uses its default size centred by the OS.
 */
export function clampToDisplays(saved: Rect | null, workAreas: readonly Rect[]): Rect | undefined {
  if (!saved || workAreas.length === 0) return undefined;
  const best = [...workAreas].sort((a, b) => overlap(b, saved) - overlap(a, saved))[0]!;
  if (overlap(best, saved) === 0) return undefined;

  const width = Math.min(saved.width, best.width);
  const height = Math.min(saved.height, best.height);
  const x = Math.min(Math.max(saved.x, best.x), best.x + best.width - width);
  const y = Math.min(Math.max(saved.y, best.y), best.y + best.height - height);
  return { x, y, width, height };
}
