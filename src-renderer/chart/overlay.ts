/**
 * The overlay canvas above the map: hover outline, keyboard focus ring, search highlight, the
 * flash of changed tiles and the attention pulse. It is cheap to clear and redraw (a few rects,
 * or one path for a batch of flashes), so none of these ever repaint the map underneath.
 */
import type { TileRect } from './heatmap-view';

/** How long a changed tile flashes. */
export const FLASH_MS = 700;
export const PULSE_MS = 1200;

export interface OverlayState {
  hover: TileRect | null;
  focus: TileRect | null;
  highlight: TileRect | null;
}

export interface OverlayColours {
  hover: string;
  focus: string;
  highlight: string;
  flash: string;
}

export class MapOverlay {
  private ctx: CanvasRenderingContext2D | null;
  private flashes: TileRect[] = [];
  private flashStart = 0;
  private pulse: { rect: TileRect; start: number } | null = null;
  private frame: number | null = null;
  state: OverlayState = { hover: null, focus: null, highlight: null };
  colours: OverlayColours = {
    hover: '#ffffff',
    focus: '#f2b84b',
    highlight: '#4fc3ff',
    flash: '255, 255, 255',
  };
  reducedMotion = false;

  constructor(private canvas: HTMLCanvasElement) {
    this.ctx = canvas.getContext('2d');
  }

  /** Matches the backing store to the CSS size at the device pixel ratio. */
  resize(width: number, height: number, dpr: number): void {
    this.canvas.width = Math.max(1, Math.round(width * dpr));
    this.canvas.height = Math.max(1, Math.round(height * dpr));
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    this.ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
    this.draw();
  }

  /** Starts a flash on these rects (replacing any running flash). Off under reduced motion. */
  flash(rects: TileRect[]): void {
    if (this.reducedMotion || rects.length === 0) return;
    this.flashes = rects;
    this.flashStart = performance.now();
    this.schedule();
  }

  /** A pulse around one rect; a static outline until the next draw under reduced motion. */
  startPulse(rect: TileRect): void {
    this.pulse = { rect, start: performance.now() };
    this.schedule();
  }

  /** Redraws now (state changes: hover, focus, highlight). */
  draw(now = performance.now()): void {
    const ctx = this.ctx;
    if (!ctx) return;
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);

    const flashAge = now - this.flashStart;
    if (this.flashes.length && flashAge < FLASH_MS) {
      ctx.fillStyle = `rgba(${this.colours.flash}, ${0.35 * (1 - flashAge / FLASH_MS)})`;
      ctx.beginPath();
      for (const r of this.flashes) ctx.rect(r.x, r.y, r.w, r.h);
      ctx.fill();
    } else {
      this.flashes = [];
    }

    const { hover, focus, highlight } = this.state;
    if (highlight) this.outline(ctx, highlight, this.colours.highlight, 3);
    if (hover) this.outline(ctx, hover, this.colours.hover, 2);
    if (focus) {
      // Two-tone ring: visible on any tile colour, in either theme.
      this.outline(ctx, focus, '#000000', 4);
      this.outline(ctx, focus, this.colours.focus, 2);
    }

    if (this.pulse) {
      const age = now - this.pulse.start;
      if (age > PULSE_MS) {
        this.pulse = null;
      } else {
        const grow = this.reducedMotion ? 4 : 4 + 10 * (age / PULSE_MS);
        const r = this.pulse.rect;
        const grown = { x: r.x - grow, y: r.y - grow, w: r.w + 2 * grow, h: r.h + 2 * grow };
        ctx.globalAlpha = this.reducedMotion ? 1 : 1 - age / PULSE_MS;
        this.outline(ctx, grown, this.colours.highlight, 3);
        ctx.globalAlpha = 1;
      }
    }
  }

  dispose(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
  }

  private outline(ctx: CanvasRenderingContext2D, r: TileRect, colour: string, width: number) {
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    ctx.strokeRect(r.x + width / 2, r.y + width / 2, r.w - width, r.h - width);
  }

  /** Animates while a flash or pulse runs, then stops asking for frames. */
  private schedule(): void {
    if (this.frame !== null) return;
    const tick = () => {
      this.frame = null;
      const now = performance.now();
      this.draw(now);
      const busy = this.flashes.length > 0 || this.pulse !== null;
      if (busy) this.frame = requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
  }
}
