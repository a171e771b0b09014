import { contains, neighbourIndex, readingOrder } from './geometry';
import type {
  ClientRect,
  ExportStamp,
  HeatmapHandle,
  MapGroupRef,
  MapTileRef,
  TileRect,
} from './heatmap-view';
import type { MapOverlay } from './overlay';
import type { PaintGroup, PaintTile, TilePainter } from './tile-painter';

const area = (r: TileRect) => r.w * r.h;

function totalArea(painter: TilePainter): number {
  let sum = 0;
  for (const t of painter.tiles) sum += area(t.rect);
  return sum || 1;
}

/** The public view of a painted tile. */
export function tileRefOf(
  painter: TilePainter,
  t: PaintTile,
  total = totalArea(painter),
): MapTileRef {
  const { tile } = t;
  return {
    symbol: tile.symbol,
    name: tile.name,
    sector: tile.sector,
    industry: tile.industry,
    rect: { ...t.rect },
    value: t.value ?? null,
    status: tile.status,
    share: area(t.rect) / total,
    labelHidden: t.plan.lines === 0,
  };
}

function groupRefOf(painter: TilePainter, g: PaintGroup, total: number): MapGroupRef {
  const members = painter.tiles.filter(
    (t) => t.tile.sector === g.sector && (g.level === 0 || t.tile.industry === g.industry),
  );
  let weight = 0;
  let weighted = 0;
  for (const t of members) {
    const v = t.value;
    if (v === null || v === undefined) continue;
    const w = area(t.rect);
    weight += w;
    weighted += w * v;
  }
  return {
    level: g.level === 0 ? 'sector' : 'industry',
    sector: g.sector,
    industry: g.industry,
    rect: { ...g.rect },
    share: members.reduce((s, t) => s + area(t.rect), 0) / total,
    value: weight > 0 ? weighted / weight : null,
    count: members.length,
  };
}

/** The deepest group whose box contains (x, y) (a click between tiles or on a header). */
export function groupAt(painter: TilePainter, x: number, y: number): MapGroupRef | null {
  let best: PaintGroup | null = null;
  for (const g of painter.groups) {
    if (contains(g.rect, x, y) && (!best || g.level >= best.level)) best = g;
  }
  return best ? groupRefOf(painter, best, totalArea(painter)) : null;
}

interface HandleDeps {
  painter: TilePainter;
  getCanvas(): HTMLCanvasElement | null;
  getOverlay(): MapOverlay | null;
  exportPng(stamp: ExportStamp): Promise<Blob>;
}

/** The imperative handle the page holds through a ref (see HeatmapHandle). */
export function buildHandle(deps: HandleDeps): HeatmapHandle {
  const { painter } = deps;
  const indexOf = (symbol: string) => painter.tiles.findIndex((t) => t.tile.symbol === symbol);
  const rectOf = (symbol: string) => {
    const t = painter.tiles[indexOf(symbol)];
    return t ? { ...t.rect } : null;
  };
  const clientRectOf = (symbol: string): ClientRect | null => {
    const r = rectOf(symbol);
    const canvas = deps.getCanvas();
    if (!r || !canvas) return null;
    const box = canvas.getBoundingClientRect();
    return { left: box.left + r.x, top: box.top + r.y, width: r.w, height: r.h };
  };

  return {
    tiles() {
      const total = totalArea(painter);
      return readingOrder(painter.tiles.map((t) => t.rect)).map((i) =>
        tileRefOf(painter, painter.tiles[i]!, total),
      );
    },
    groups() {
      const total = totalArea(painter);
      return [...painter.groups]
        .sort((a, b) => a.level - b.level)
        .map((g) => groupRefOf(painter, g, total));
    },
    rectOf,
    clientRectOf,
    neighbour(symbol, direction) {
      const i = indexOf(symbol);
      if (i < 0) return null;
      const j = neighbourIndex(
        painter.tiles.map((t) => t.rect),
        i,
        direction,
      );
      return painter.tiles[j]?.tile.symbol ?? null;
    },
    scrollIntoView(symbol) {
      const r = rectOf(symbol);
      const canvas = deps.getCanvas();
      if (!r || !canvas) return false;
      // The map fits its box, so this only matters when the page itself scrolls (small windows).
      const box = canvas.getBoundingClientRect();
      const target = { left: box.left + r.x, top: box.top + r.y };
      if (target.top < 0 || target.top + r.h > window.innerHeight) {
        window.scrollBy({ top: target.top - window.innerHeight / 2, behavior: 'auto' });
      }
      return true;
    },
    pulse(symbol) {
      const r = rectOf(symbol);
      if (r) deps.getOverlay()?.startPulse(r);
    },
    exportPng: (stamp) => deps.exportPng(stamp),
  };
}
