import type { Chart as ChartJS } from 'chart.js';
import type { TreemapDataPoint } from 'chartjs-chart-treemap';
import { type Ref, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { Chart } from 'react-chartjs-2';

import { exportPng } from '../chart/export-png';
import { hitTest } from '../chart/geometry';
import { gridData, gridLayout, gridOptions } from '../chart/grid-config';
import type {
  HeatmapHandle,
  HeatmapViewProps,
  MapTileRef,
  PointerModifiers,
} from '../chart/heatmap-view';
import { buildHandle, groupAt, tileRefOf } from '../chart/map-handle';
import { boxOf, createMapPlugin, type MapGeometry } from '../chart/map-plugin';
import { MapOverlay } from '../chart/overlay';
import { registerChartParts } from '../chart/register';
import { installTestHook } from '../chart/test-hook';
import { tileOf } from '../chart/tile-of';
import { THEME_INK, TilePainter } from '../chart/tile-painter';
import { CAPTION_PX, treemapData, treemapOptions, treeNodes } from '../chart/treemap-config';
import { useReducedMotion, useResolvedTheme } from '../chart/use-media';
import { createColourScale, effectiveRange } from '../lib/colour-scale';
import { createFrameCoalescer } from '../lib/frame-coalescer';
import type { Tile } from '../lib/tiles';
import { tooltipLines } from '../lib/tooltip-lines';

registerChartParts();

/** How often stale tiles are re-checked for a deeper fade without any live change. */
const FADE_RECHECK_MS = 15_000;

const modifiersOf = (e: React.MouseEvent): PointerModifiers => ({
  shiftKey: e.shiftKey,
  ctrlKey: e.ctrlKey,
  metaKey: e.metaKey,
  altKey: e.altKey,
});

function inDrill(tiles: Tile[], sector?: string, industry?: string): Tile[] {
  if (!sector && !industry) return tiles;
  return tiles.filter(
    (t) => (!sector || t.sector === sector) && (!industry || t.industry === industry),
  );
}

/**
 * The market map (treemap or grid). Chart.js lays it out; the painter (chart/tile-painter.ts)
 * paints it; live batches (`version`) repaint only changed tiles once per frame, never through
 * `chart.update()`. Hover, focus, search highlight and flashes live on an overlay canvas.
 */
export function HeatmapChart(props: HeatmapViewProps & { ref?: Ref<HeatmapHandle> }) {
  const { tiles, version, options, drillPath, highlightedSymbol, focusedSymbol } = props;
  const theme = useResolvedTheme(options.theme);
  const reducedMotion = useReducedMotion();
  const latest = useRef(props);
  latest.current = props;

  const containerRef = useRef<HTMLDivElement | null>(null);
  const overlayRef = useRef<HTMLCanvasElement | null>(null);
  const tooltipRef = useRef<HTMLDivElement | null>(null);
  const chartRef = useRef<ChartJS | null>(null);
  const overlay = useRef<MapOverlay | null>(null);
  const hovered = useRef(-1);
  const [box, setBox] = useState<{ w: number; h: number } | null>(null);

  const range = effectiveRange(options.timeframe, options.range);
  const scale = useMemo(
    () => createColourScale(options.palette, theme, range),
    [options.palette, theme, range],
  );
  const painter = useMemo(() => new TilePainter(scale), []); // eslint-disable-line react-hooks/exhaustive-deps -- configured below
  const shown = useMemo(
    () => inDrill(tiles, drillPath.sector, drillPath.industry),
    [tiles, drillPath.sector, drillPath.industry],
  );

  // The grid is laid out for the current box; round it so a resize by a few px keeps the layout.
  const gridBox = box ? { w: Math.round(box.w / 40) * 40, h: Math.round(box.h / 40) * 40 } : null;
  const gridTimeframe = options.view === 'grid' ? options.timeframe : null;
  const grid = useMemo(
    () =>
      gridBox && gridTimeframe ? gridLayout(shown, gridTimeframe, gridBox.w, gridBox.h) : null,
    [shown, gridTimeframe, gridBox?.w, gridBox?.h], // eslint-disable-line react-hooks/exhaustive-deps -- by value
  );
  const data = useMemo(() => {
    if (options.view === 'treemap') return treemapData(treeNodes(shown, options.sizeBy));
    if (!grid || !gridBox) return null;
    return gridData(grid, gridBox.w, gridBox.h);
  }, [options.view, options.sizeBy, shown, grid]); // eslint-disable-line react-hooks/exhaustive-deps -- grid carries its box
  const chartOptions = useMemo(
    () => (options.view === 'treemap' ? treemapOptions() : gridOptions()),
    [options.view],
  );

  const plugin = useMemo(
    () =>
      createMapPlugin({
        painter,
        extract: (chart): MapGeometry | null => {
          const meta = chart.getDatasetMeta(0);
          const points = chart.data.datasets[0]?.data ?? [];
          if (meta.type === 'treemap') {
            const out: MapGeometry = { tiles: [], groups: [] };
            meta.data.forEach((el, i) => {
              const point = points[i] as TreemapDataPoint | undefined;
              const rect = boxOf(el);
              const tile = tileOf(point);
              if (tile) out.tiles.push({ tile, rect });
              else if (point && (point.l ?? 0) < 2) {
                const level = (point.l ?? 0) === 0 ? 0 : 1;
                const hasCaption = rect.w - 4 > 12 && rect.h - 4 > 12;
                out.groups.push({
                  level,
                  sector: level === 0 ? (point.g ?? '') : sectorOfIndustry(point),
                  industry: level === 1 ? point.g : undefined,
                  rect,
                  captionPx: hasCaption ? CAPTION_PX : 0,
                });
              }
            });
            return out;
          }
          const layout = gridRef.current;
          const current = shownRef.current;
          if (!layout) return null;
          const area = chart.chartArea;
          const sx = area.width / (gridBoxRef.current?.w || 1);
          const sy = area.height / (gridBoxRef.current?.h || 1);
          return {
            tiles: meta.data.flatMap((el, j) => {
              const tile = current[(points[j] as unknown as { i: number }).i];
              return tile ? [{ tile, rect: boxOf(el) }] : [];
            }),
            groups: layout.headers.map((h) => ({
              level: 0 as const,
              sector: h.sector,
              rect: { x: h.x * sx, y: h.y * sy, w: h.w * sx, h: h.h * sy },
              captionPx: 16 * sy,
            })),
          };
        },
        onLayout: () => {
          // Rects moved (new layout, resize, view switch): drop the hover, re-find focus and
          // highlight, so no outline is left where a tile used to be.
          hovered.current = -1;
          const ov = overlay.current;
          if (!ov) return;
          const rectOf = (s?: string | null) =>
            s ? (painter.tiles.find((t) => t.tile.symbol === s)?.rect ?? null) : null;
          ov.state.hover = null;
          ov.state.focus = rectOf(latest.current.focusedSymbol);
          ov.state.highlight = rectOf(latest.current.highlightedSymbol);
          ov.draw();
          if (tooltipRef.current) tooltipRef.current.hidden = true;
        },
      }),
    [painter],
  );
  const gridRef = useRef(grid);
  gridRef.current = grid;
  const gridBoxRef = useRef(gridBox);
  gridBoxRef.current = gridBox;
  const shownRef = useRef(shown);
  shownRef.current = shown;
  const plugins = useMemo(() => [plugin], [plugin]);

  // Palette, theme, range or time frame: new inks, one full repaint, no layout.
  useEffect(() => {
    painter.configure(scale, options.timeframe);
    chartRef.current?.draw();
  }, [painter, scale, options.timeframe]);

  // Live batches: repaint changed tiles at most once per frame; flash what changed.
  const frame = useMemo(
    () =>
      createFrameCoalescer(() => {
        const chart = chartRef.current;
        if (!chart) return;
        applyLiveUpdate(chart, painter, overlay.current);
        refreshTooltip();
      }),
    [painter], // eslint-disable-line react-hooks/exhaustive-deps -- refreshTooltip reads refs
  );
  useEffect(() => frame.request(), [version, frame]);
  useEffect(() => {
    const timer = setInterval(() => frame.request(), FADE_RECHECK_MS);
    return () => {
      clearInterval(timer);
      frame.cancel();
    };
  }, [frame]);

  // Overlay canvas follows the container size.
  useEffect(() => {
    const container = containerRef.current;
    const canvas = overlayRef.current;
    if (!container || !canvas) return;
    const ov = new MapOverlay(canvas);
    overlay.current = ov;
    const ro = new ResizeObserver(() => {
      const { clientWidth: w, clientHeight: h } = container;
      ov.resize(w, h, window.devicePixelRatio || 1);
      setBox((prev) => (prev && prev.w === w && prev.h === h ? prev : { w, h }));
    });
    ro.observe(container);
    return () => {
      ro.disconnect();
      ov.dispose();
      overlay.current = null;
    };
  }, []);

  useEffect(() => {
    const ov = overlay.current;
    if (!ov) return;
    ov.reducedMotion = reducedMotion;
    ov.colours.hover = theme === 'dark' ? '#ffffff' : '#000000';
    ov.colours.flash = theme === 'dark' ? '255, 255, 255' : '0, 0, 0';
    const rectOf = (s?: string | null) =>
      s ? (painter.tiles.find((t) => t.tile.symbol === s)?.rect ?? null) : null;
    ov.state.focus = rectOf(focusedSymbol);
    ov.state.highlight = rectOf(highlightedSymbol);
    ov.draw();
  }, [painter, focusedSymbol, highlightedSymbol, reducedMotion, theme, version, data]);

  const handle = useMemo(
    () =>
      buildHandle({
        painter,
        getCanvas: () => chartRef.current?.canvas ?? null,
        getOverlay: () => overlay.current,
        exportPng: (stamp) => {
          const chart = chartRef.current;
          if (!chart) return Promise.reject(new Error('export PNG: the map is not drawn'));
          const ink = THEME_INK[painter.theme()];
          return exportPng(chart.canvas, stamp, chart.currentDevicePixelRatio, {
            background: ink.background,
            text: ink.caption[0],
          });
        },
      }),
    [painter],
  );
  useImperativeHandle(props.ref, () => handle, [handle]);
  useEffect(
    () => installTestHook(() => chartRef.current, painter, plugin, handle),
    [painter, plugin, handle],
  );

  function tileAtEvent(e: React.MouseEvent): number {
    const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
    return hitTest(
      painter.tiles.map((t) => t.rect),
      e.clientX - r.left,
      e.clientY - r.top,
    );
  }

  function refreshTooltip(): void {
    const el = tooltipRef.current;
    const t = painter.tiles[hovered.current];
    if (!el) return;
    if (!t || latest.current.builtInTooltip === false) {
      el.hidden = true;
      return;
    }
    const { title, lines } = tooltipLines(t.tile);
    el.textContent = '';
    const strong = document.createElement('strong');
    strong.textContent = title;
    el.append(strong);
    for (const line of lines) {
      const div = document.createElement('div');
      div.textContent = line;
      el.append(div);
    }
    el.hidden = false;
  }

  function onPointerMove(e: React.PointerEvent) {
    const i = tileAtEvent(e);
    if (i === hovered.current) {
      positionTooltip(tooltipRef.current, containerRef.current, e.clientX, e.clientY);
      return;
    }
    hovered.current = i;
    const t = painter.tiles[i];
    const ov = overlay.current;
    if (ov) {
      ov.state.hover = t?.rect ?? null;
      ov.draw();
    }
    refreshTooltip();
    positionTooltip(tooltipRef.current, containerRef.current, e.clientX, e.clientY);
    const ref = t ? tileRefOf(painter, t) : null;
    latest.current.onTileHover?.(ref, ref ? handle.clientRectOf(ref.symbol) : null);
  }

  function onPointerLeave() {
    hovered.current = -1;
    if (overlay.current) {
      overlay.current.state.hover = null;
      overlay.current.draw();
    }
    refreshTooltip();
    latest.current.onTileHover?.(null, null);
  }

  function onClick(e: React.MouseEvent) {
    const t = painter.tiles[tileAtEvent(e)];
    if (t) {
      const ref: MapTileRef = tileRefOf(painter, t);
      latest.current.onFocusChange?.(ref.symbol);
      latest.current.onTileClick?.(ref, modifiersOf(e));
      return;
    }
    const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const group = groupAt(painter, e.clientX - r.left, e.clientY - r.top);
    if (group) latest.current.onGroupClick?.(group, modifiersOf(e));
  }

  function onContextMenu(e: React.MouseEvent) {
    const t = painter.tiles[tileAtEvent(e)];
    if (!t || !latest.current.onTileContextMenu) return;
    e.preventDefault();
    latest.current.onTileContextMenu(tileRefOf(painter, t), e.clientX, e.clientY);
  }

  const label =
    `Market ${options.view === 'grid' ? 'grid' : 'map'} of ${shown.length} stocks, ` +
    `${options.view === 'grid' ? 'equal tiles' : `sized by ${SIZE_WORDS[options.sizeBy]}`}, ` +
    `coloured by ${options.timeframe} change`;

  return (
    <div className="map" ref={containerRef} data-theme-map={theme}>
      {data && (
        <Chart
          key={options.view}
          ref={chartRef as never}
          type={options.view === 'treemap' ? 'treemap' : 'matrix'}
          data={data as never}
          options={chartOptions as never}
          plugins={plugins}
          aria-label={label}
          fallbackContent={<p>{label}.</p>}
        />
      )}
      <canvas
        ref={overlayRef}
        className="map-overlay"
        aria-hidden="true"
        onPointerMove={onPointerMove}
        onPointerLeave={onPointerLeave}
        onClick={onClick}
        onContextMenu={onContextMenu}
      />
      <div ref={tooltipRef} className="map-tooltip" role="tooltip" hidden />
    </div>
  );
}

const SIZE_WORDS = { marketCap: 'market cap', dollarVolume: 'dollar volume', equal: 'equal size' };

/** Live path: repaint changed tiles on the chart canvas and flash those whose value moved. */
export function applyLiveUpdate(
  chart: ChartJS,
  painter: TilePainter,
  overlay: MapOverlay | null,
): number {
  const changed: number[] = [];
  const painted = painter.paintChanged(chart.ctx, changed);
  if (overlay && changed.length) overlay.flash(changed.map((i) => painter.tiles[i]!.rect));
  return painted;
}

/** The sector of an industry box: read from its first stock (every child shares it). */
function sectorOfIndustry(point: TreemapDataPoint): string {
  const children = (point._data as { children?: Array<{ sector?: string }> } | undefined)?.children;
  return children?.[0]?.sector ?? '';
}

function positionTooltip(
  el: HTMLDivElement | null,
  container: HTMLDivElement | null,
  x: number,
  y: number,
) {
  if (!el || !container || el.hidden) return;
  const box = container.getBoundingClientRect();
  const w = el.offsetWidth;
  const h = el.offsetHeight;
  let left = x - box.left + 14;
  let top = y - box.top + 14;
  if (left + w > box.width) left = x - box.left - w - 14;
  if (top + h > box.height) top = Math.max(0, y - box.top - h - 14);
  el.style.transform = `translate(${Math.max(0, left)}px, ${top}px)`;
}
