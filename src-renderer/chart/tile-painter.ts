/**
 * Paints the map's tiles and group boxes onto the chart canvas itself, in place of the
 * controllers' own drawing (see map-plugin.ts). A full paint runs on layout, resize and palette
 * or theme changes; a live update repaints only the tiles whose colour or text changed, with
 * every colour string, font string and label position prepared in advance: the per-tile work of
 * an update is a lookup, a `fillRect` and at most two `fillText`s.
 */
import type { QuoteStatus } from '../../src-main/shared/api-types';
import type { ColourScale, TileInk } from '../lib/colour-scale';
import type { Tile } from '../lib/tiles';
import { insetRect, snapRect } from './geometry';
import type { ResolvedTheme, TileRect, Timeframe } from './heatmap-view';
import { changeText, type LabelPlan, NO_LABEL, planLabel } from './label-layout';
import { tileValue } from './tile-value';

/** A group box: a sector or industry (treemap) or a sector block (grid). */
export interface PaintGroup {
  level: 0 | 1;
  sector: string;
  industry?: string;
  rect: TileRect;
  /** Height of the caption band at the top, 0 for none. */
  captionPx: number;
}

/** A stock tile as painted: geometry fixed per layout, last painted state for diffing. */
export interface PaintTile {
  tile: Tile;
  rect: TileRect;
  plan: LabelPlan;
  /** What was last painted: value, colour key and text. */
  value: number | null | undefined;
  inkKey: number;
  text: string;
  /** The fill last painted (read by the test hook). */
  fill: string;
}

export interface ThemeInk {
  background: string;
  groupFill: readonly [string, string];
  caption: readonly [string, string];
}

export const THEME_INK: Readonly<Record<ResolvedTheme, ThemeInk>> = {
  dark: {
    background: '#0b0d11',
    groupFill: ['#0b0d11', '#1c2029'],
    caption: ['#e6e9ef', '#a3abba'],
  },
  light: {
    background: '#f4f5f7',
    groupFill: ['#f4f5f7', '#dfe2e8'],
    caption: ['#14171d', '#3d4350'],
  },
};

const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const fontCache = new Map<string, string>();
/** The CSS font string for a size and weight, built once. */
export function fontOf(px: number, bold: boolean): string {
  const key = `${px}${bold ? 'b' : ''}`;
  let f = fontCache.get(key);
  if (!f) {
    f = `${bold ? 'bold ' : ''}${px}px ${FONT_FAMILY}`;
    fontCache.set(key, f);
  }
  return f;
}

/** The mark painted over a tile's fill per status (stale: folded corner, delayed: clock). */
const MARK_OF: Readonly<Record<QuoteStatus, number>> = {
  live: 0,
  closed: 0,
  missing: 0,
  stale: 1,
  delayed: 2,
};
const MARK_KINDS = 3;

/** Side of the folded corner on stale tiles, in CSS px (smaller on small tiles). */
const STALE_CORNER_PX = 12;

/** Side of the clock mark on delayed tiles, in CSS px (smaller on small tiles). */
const DELAY_CLOCK_PX = 10;

/** Gap between neighbouring tiles (each tile gives up half on every side). */
const TILE_GAP = 0.5;

export class TilePainter {
  tiles: PaintTile[] = [];
  groups: PaintGroup[] = [];
  private scale: ColourScale;
  private timeframe: Timeframe = '1d';
  private ink: ThemeInk;
  private hatch: CanvasPattern | null = null;
  private clock: () => number;

  constructor(scale: ColourScale, clock: () => number = Date.now) {
    this.scale = scale;
    this.ink = THEME_INK[scale.theme];
    this.clock = clock;
  }

  /** The theme of the current scale. */
  theme(): ResolvedTheme {
    return this.scale.theme;
  }

  /** Sets the colour scale and time frame; the next paint recolours every tile. */
  configure(scale: ColourScale, timeframe: Timeframe): void {
    if (scale.theme !== this.scale.theme) this.hatch = null;
    this.scale = scale;
    this.ink = THEME_INK[scale.theme];
    this.timeframe = timeframe;
    for (const t of this.tiles) t.inkKey = -2;
  }

  /**
   * Takes a new layout. Rects are snapped to device pixels; labels are planned here (the only
   * place that measures text).
   */
  setLayout(
    ctx: CanvasRenderingContext2D,
    tiles: ReadonlyArray<{ tile: Tile; rect: TileRect }>,
    groups: PaintGroup[],
    dpr: number,
  ): void {
    const measureCache = new Map<string, number>();
    const measure = (text: string, px: number, bold: boolean) => {
      const key = `${px}|${bold ? 1 : 0}|${text}`;
      const cached = measureCache.get(key);
      if (cached !== undefined) return cached;
      ctx.font = fontOf(px, bold);
      const w = ctx.measureText(text).width;
      measureCache.set(key, w);
      return w;
    };
    this.groups = groups.map((g) => ({ ...g, rect: snapRect(g.rect, dpr) }));
    this.tiles = tiles.map(({ tile, rect }) => {
      // Slivers keep at least one CSS px (no gap) so every tile stays drawn and hoverable.
      let snapped = snapRect(insetRect(rect, TILE_GAP), dpr);
      if (snapped.w < 1 || snapped.h < 1) {
        const whole = snapRect(rect, dpr);
        snapped = { ...whole, w: Math.max(1, whole.w), h: Math.max(1, whole.h) };
      }
      const plan =
        snapped.w >= 14 ? planLabel(tile.symbol, snapped.w, snapped.h, measure) : NO_LABEL;
      return { tile, rect: snapped, plan, value: undefined, inkKey: -2, text: '', fill: '' };
    });
  }

  /** Paints background, groups and every tile. */
  paintAll(ctx: CanvasRenderingContext2D, width: number, height: number): void {
    ctx.save();
    ctx.fillStyle = this.ink.background;
    ctx.fillRect(0, 0, width, height);
    this.paintGroups(ctx);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    const now = this.clock();
    for (const t of this.tiles) this.paintTile(ctx, t, now);
    ctx.restore();
  }

  /**
   * TODO: this scans every tile per frame (cheap: a lookup and two compares each, ~1 ms for
   * 5,000); the stream could hand over the changed symbols to skip the scan.
   *
   * Repaints only tiles whose colour or text changed since they were last painted. Returns the
   * indices of tiles whose value changed (for the flash), or all changed when `collect` is set.
   */
  paintChanged(ctx: CanvasRenderingContext2D, changed: number[]): number {
    const now = this.clock();
    let painted = 0;
    ctx.save();
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (let i = 0; i < this.tiles.length; i++) {
      const t = this.tiles[i]!;
      const value = tileValue(t.tile, this.timeframe);
      const ink = this.inkOf(t.tile, value, now);
      const key = this.keyOf(ink, t.tile.status);
      if (value === t.value && key === t.inkKey) continue;
      if (value !== t.value && t.value !== undefined) changed.push(i);
      this.paintTile(ctx, t, now, value, ink, key);
      painted++;
    }
    ctx.restore();
    return painted;
  }

  private inkOf(tile: Tile, value: number | null, now: number): TileInk {
    // Only `stale` fades with age: the last session's close (`closed`) is a settled value in
    // full colour at night, and the status bar and the map's note say the market is closed.
    const age = tile.updatedAt ? now - Date.parse(tile.updatedAt) : Infinity;
    return this.scale.inkFor(value, tile.status, age);
  }

  /**
   * A small integer per ink object (identity) and mark, so diffing compares numbers: a tile
   * turning delayed keeps its live ink but gains the clock mark, so it must repaint too.
   */
  private inkIds = new WeakMap<TileInk, number>();
  private nextInkId = 0;
  private keyOf(ink: TileInk, status: QuoteStatus): number {
    let id = this.inkIds.get(ink);
    if (id === undefined) {
      id = this.nextInkId++;
      this.inkIds.set(ink, id);
    }
    return id * MARK_KINDS + MARK_OF[status];
  }

  private paintTile(
    ctx: CanvasRenderingContext2D,
    t: PaintTile,
    now: number,
    value = tileValue(t.tile, this.timeframe),
    ink = this.inkOf(t.tile, value, now),
    key = this.keyOf(ink, t.tile.status),
  ): void {
    const { x, y, w, h } = t.rect;
    if (w <= 0 || h <= 0) return;
    ctx.fillStyle = ink.fill;
    ctx.fillRect(x, y, w, h);
    if (ink === this.scale.missing) {
      ctx.fillStyle = this.hatchPattern(ctx);
      ctx.fillRect(x, y, w, h);
    } else {
      const freshness = t.tile.status;
      if (freshness === 'stale') this.paintStaleCorner(ctx, t.rect);
      else if (freshness === 'delayed') this.paintDelayClock(ctx, t.rect, ink.text);
    }

    t.value = value;
    t.inkKey = key;
    t.fill = ink.fill;
    const plan = t.plan;
    if (plan.lines === 0) return;
    ctx.fillStyle = ink.text;
    const cx = x + w / 2;
    ctx.font = fontOf(plan.fontSize, true);
    ctx.fillText(t.tile.symbol, cx, y + plan.y1);
    if (plan.lines === 2) {
      t.text = t.tile.status === 'missing' ? 'no data' : changeText(value);
      ctx.font = fontOf(plan.smallSize, false);
      ctx.fillText(t.text, cx, y + plan.y2);
    }
  }

  private paintGroups(ctx: CanvasRenderingContext2D): void {
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    for (const g of this.groups) {
      const { x, y, w, h } = g.rect;
      ctx.fillStyle = this.ink.groupFill[g.level];
      ctx.fillRect(x, y, w, h);
      if (g.captionPx < 8 || w < 30) continue;
      const text = g.level === 0 ? g.sector.toUpperCase() : (g.industry ?? '');
      ctx.font = fontOf(g.level === 0 ? 10 : 9, g.level === 0);
      ctx.fillStyle = this.ink.caption[g.level];
      ctx.save();
      ctx.beginPath();
      ctx.rect(x, y, w, g.captionPx);
      ctx.clip();
      ctx.fillText(text, x + 3, y + g.captionPx / 2 + 0.5);
      ctx.restore();
    }
  }

  /**
   * A folded top-right corner in the background colour on stale tiles: the fade alone is weak
   * for a big move (a faded saturated green still reads as green), the corner says "old" at any
   * value. Top-right, clear of the centred labels and of the top-left pixel the tests sample.
   */
  private paintStaleCorner(ctx: CanvasRenderingContext2D, r: TileRect): void {
    const size = Math.min(STALE_CORNER_PX, r.w / 3, r.h / 3);
    if (size < 4) return;
    const right = r.x + r.w;
    ctx.fillStyle = this.ink.background;
    ctx.beginPath();
    ctx.moveTo(right - size, r.y);
    ctx.lineTo(right, r.y);
    ctx.lineTo(right, r.y + size);
    ctx.closePath();
    ctx.fill();
  }

  /**
   * A small clock face at the bottom-left of delayed tiles: full colour (the price is settled,
   * just late), so it must not look like the stale corner (top-right, background-coloured) or the
   * missing hatch. Bottom-left keeps it clear of the centred labels and the sampled top-left pixel.
   */
  private paintDelayClock(ctx: CanvasRenderingContext2D, r: TileRect, inkColour: string): void {
    const size = Math.min(DELAY_CLOCK_PX, r.w / 3, r.h / 3);
    if (size < 6) return;
    const radius = size / 2 - 1;
    const cx = r.x + 2 + size / 2;
    const cy = r.y + r.h - 2 - size / 2;
    ctx.save();
    ctx.strokeStyle = inkColour;
    ctx.globalAlpha = 0.8;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.arc(cx, cy, radius, 0, Math.PI * 2);
    ctx.moveTo(cx, cy - radius * 0.7);
    ctx.lineTo(cx, cy);
    ctx.lineTo(cx + radius * 0.6, cy);
    ctx.stroke();
    ctx.restore();
  }

  /** Diagonal hatch for missing tiles, so "no data" never reads as "unchanged". */
  private hatchPattern(ctx: CanvasRenderingContext2D): CanvasPattern | string {
    if (this.hatch) return this.hatch;
    const size = 8;
    const c = document.createElement('canvas');
    c.width = size;
    c.height = size;
    const p = c.getContext('2d');
    if (!p) return 'transparent';
    p.strokeStyle = this.scale.theme === 'dark' ? 'rgba(0,0,0,0.45)' : 'rgba(255,255,255,0.6)';
    p.lineWidth = 2;
    p.beginPath();
    p.moveTo(-1, size + 1);
    p.lineTo(size + 1, -1);
    p.moveTo(-1, 1);
    p.lineTo(1, -1);
    p.moveTo(size - 1, size + 1);
    p.lineTo(size + 1, size - 1);
    p.stroke();
    this.hatch = ctx.createPattern(c, 'repeat');
    return this.hatch ?? 'transparent';
  }
}
