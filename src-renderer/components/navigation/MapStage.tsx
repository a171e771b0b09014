import type { Ref } from 'react';

import type { DrillPath, HeatmapHandle, MapGroupRef, ViewOptions } from '../../chart/heatmap-view';
import { tileValue } from '../../chart/tile-value';
import type { Tile } from '../../lib/tiles';
import { HeatmapChart } from '../HeatmapChart';
import { StockTable } from '../table/StockTable';
import { groupLabel, TIMEFRAME_WORDS } from './labels';
import type { MapInteraction } from './use-map-interaction';

export type StageMode = 'map' | 'table';

export interface StageGroup {
  name: string;
  share: number;
  change: number | null;
  count: number;
}

interface Props {
  mode: StageMode;
  mapRef: Ref<HeatmapHandle>;
  tiles: Tile[];
  /** The tiles inside the drill-down (what the map draws). */
  shown: readonly Tile[];
  version: number;
  options: ViewOptions;
  drill: DrillPath;
  /** The next level down (sectors, or industries in a sector), for screen readers. */
  groups: readonly StageGroup[];
  shareOf(tile: Tile): number;
  caption: string;
  interaction: MapInteraction;
}

const KEY_HELP =
  'Arrow keys move between tiles, Enter drills in, Escape goes up, slash searches, ' +
  'the context-menu key or Shift+F10 opens the tile menu.';

/**
 * The map (inside a focusable keyboard target) or the table of the same rows.
 * TODO: the canvas has no DOM node per tile, so screen readers hear the focused tile through a
 * polite live region and the groups through a visually hidden list; the table is the full
 * alternative. Map/table mode is page state, not part of the shared URL yet (view-state.ts).
 */
export function MapStage(props: Props) {
  const { interaction: ix, options, drill } = props;

  if (props.mode === 'table') {
    return (
      <StockTable
        tiles={props.shown}
        version={props.version}
        valueOf={(t) => tileValue(t, options.timeframe)}
        shareOf={props.shareOf}
        valueLabel={`Change ${TIMEFRAME_WORDS[options.timeframe]}`}
        caption={props.caption}
        highlightedSymbol={ix.highlighted}
        onContextMenu={ix.openMenuFor}
      />
    );
  }

  const nextLevel = drill.industry ? null : drill.sector ? 'Industries' : 'Sectors';
  return (
    <>
      <div
        className="map-focus-target"
        tabIndex={0}
        role="application"
        aria-roledescription="market map"
        aria-label={`${props.caption}. ${KEY_HELP}`}
        onKeyDown={ix.onMapKeyDown}
      >
        <HeatmapChart
          ref={props.mapRef}
          tiles={props.tiles}
          version={props.version}
          options={options}
          drillPath={drill}
          highlightedSymbol={ix.highlighted}
          focusedSymbol={ix.focused}
          builtInTooltip={false}
          onTileHover={ix.onHover}
          onGroupClick={ix.onGroupClick}
          onTileContextMenu={ix.onContextMenu}
          onFocusChange={ix.setFocused}
        />
      </div>
      {nextLevel && (
        <ul className="sr-only" aria-label={`${nextLevel} on the map`}>
          {props.groups.map((g) => (
            <li key={g.name}>
              <button
                type="button"
                tabIndex={-1}
                onClick={() => ix.onGroupClick(groupRef(drill, g))}
              >
                {groupLabel(g)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="sr-only" aria-live="polite">
        {ix.announcement}
      </p>
    </>
  );
}

const ZERO = { x: 0, y: 0, w: 0, h: 0 };

/** A group of the screen-reader list as the map's own group reference (no rect: not drawn). */
function groupRef(drill: DrillPath, g: StageGroup): MapGroupRef {
  const common = { rect: ZERO, share: g.share, value: g.change, count: g.count };
  return drill.sector
    ? { level: 'industry', sector: drill.sector, industry: g.name, ...common }
    : { level: 'sector', sector: g.name, ...common };
}
