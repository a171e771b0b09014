import '../styles/theme.css';

import type { RefObject } from 'react';

import type { SourceInfo } from '../../src-main/shared/api-types';
import { downloadBlob } from '../chart/export-png';
import {
  DEFAULT_VIEW_OPTIONS,
  type HeatmapHandle,
  type MapViewKind,
  type PaletteId,
  type SizeBy,
  type ThemeChoice,
  type Timeframe,
  type ViewOptions,
} from '../chart/heatmap-view';
import { PALETTES } from '../lib/colour-scale';
import { rowsToCsv } from '../lib/csv';
import { formatTimestamp } from '../lib/format';
import { createLogger } from '../lib/log';
import type { Tile } from '../lib/tiles';
import type { ViewState } from '../lib/view-state';

const log = createLogger('map-controls');

const VIEW_LABELS: Record<MapViewKind, string> = { treemap: 'Treemap', grid: 'Grid' };
const SIZE_LABELS: Record<SizeBy, string> = {
  marketCap: 'Market cap',
  dollarVolume: 'Dollar volume',
  equal: 'Equal',
};
const TIMEFRAME_LABELS: Record<Timeframe, string> = {
  '1d': '1 day',
  '1w': '1 week',
  '1m': '1 month',
  '3m': '3 months',
  ytd: 'Year to date',
  '1y': '1 year',
};
const THEME_LABELS: Record<ThemeChoice, string> = {
  system: 'System',
  light: 'Light',
  dark: 'Dark',
};

interface Props {
  view: ViewState;
  onChange(view: ViewState): void;
  map: RefObject<HeatmapHandle | null>;
  tiles: readonly Tile[];
  source: SourceInfo | null;
}

/** Describes the filter and drill-down of a view in words, for the export stamp. */
export function filterWords(view: ViewState): string {
  const parts: string[] = [];
  if (view.universe) parts.push(`Universe: ${view.universe}`);
  if (view.sectors.length) parts.push(`Sectors: ${view.sectors.join(', ')}`);
  if (view.categories.length) parts.push(`Categories: ${view.categories.join(', ')}`);
  if (view.filter) parts.push(`Criteria: ${view.filter}`);
  if (view.drill?.sector)
    parts.push(`In: ${[view.drill.sector, view.drill.industry].filter(Boolean).join(' › ')}`);
  return parts.join('; ');
}

const fileStamp = () => new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');

/** The map's look (view, size, time frame, palette, theme) and its exports (PNG, CSV). */
export function MapControls({ view, onChange, map, tiles, source }: Props) {
  const options = view.options ?? DEFAULT_VIEW_OPTIONS;
  const set = (patch: Partial<ViewOptions>) =>
    onChange({ ...view, options: { ...options, ...patch } });

  function select<T extends string>(
    label: string,
    value: T,
    labels: Record<T, string>,
    onPick: (v: T) => void,
  ) {
    return (
      <label className="map-control">
        <span>{label}</span>
        <select aria-label={label} value={value} onChange={(e) => onPick(e.target.value as T)}>
          {(Object.keys(labels) as T[]).map((k) => (
            <option key={k} value={k}>
              {labels[k]}
            </option>
          ))}
        </select>
      </label>
    );
  }

  async function savePng() {
    const handle = map.current;
    if (!handle) return;
    try {
      const blob = await handle.exportPng({
        time: `Data as of ${formatTimestamp(latestUpdate(tiles))}`,
        source: source?.label ?? 'Unknown source',
        filter: filterWords(view),
      });
      downloadBlob(blob, `market-map-${fileStamp()}.png`);
    } catch (error: unknown) {
      log.error('export PNG: failed', error);
    }
  }

  function saveCsv() {
    const csv = rowsToCsv(tiles, options.timeframe);
    downloadBlob(
      new Blob([csv], { type: 'text/csv;charset=utf-8' }),
      `market-rows-${fileStamp()}.csv`,
    );
  }

  const paletteLabels = Object.fromEntries(
    Object.entries(PALETTES).map(([k, p]) => [k, p.label]),
  ) as Record<PaletteId, string>;

  return (
    <div className="map-controls" role="group" aria-label="Map view">
      {select('View', options.view, VIEW_LABELS, (v) => set({ view: v }))}
      {select('Size', options.sizeBy, SIZE_LABELS, (v) => set({ sizeBy: v }))}
      {select('Time frame', options.timeframe, TIMEFRAME_LABELS, (v) =>
        set({ timeframe: v, range: null }),
      )}
      {select('Palette', options.palette, paletteLabels, (v) => set({ palette: v }))}
      {select('Theme', options.theme, THEME_LABELS, (v) => set({ theme: v }))}
      <button type="button" onClick={() => void savePng()}>
        Save PNG
      </button>
      <button type="button" onClick={saveCsv}>
        Save CSV
      </button>
    </div>
  );
}

function latestUpdate(tiles: readonly Tile[]): string | null {
  let best: string | null = null;
  for (const t of tiles) if (t.updatedAt && (!best || t.updatedAt > best)) best = t.updatedAt;
  return best;
}
