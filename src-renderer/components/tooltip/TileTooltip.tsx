import './tooltip.css';

import { useLayoutEffect, useRef, useState } from 'react';

import type { ClientRect, MapTileRef } from '../../chart/heatmap-view';
import { formatPercent } from '../../lib/format';
import type { Tile } from '../../lib/tiles';
import { tooltipLines } from '../../lib/tooltip-lines';
import { shareWords } from '../navigation/labels';
import { Sparkline } from './Sparkline';
import { type HistoryState, recentPrices, useHistory } from './use-history';

interface Props {
  tile: Tile;
  mapTile: MapTileRef;
  anchor: ClientRect;
  /** The time frame's name, e.g. "1 day", for the coloured value's line. */
  timeframeLabel: string;
  /** Injected in tests. */
  history?: HistoryState;
}

const GAP = 10;
const MARGIN = 8;

/** Where the tooltip goes: right of the tile when it fits, else left; kept in the window. */
export function placeTooltip(
  anchor: ClientRect,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
): { left: number; top: number } {
  const right = anchor.left + anchor.width + GAP;
  const left =
    right + size.width + MARGIN <= viewport.width ? right : anchor.left - GAP - size.width;
  const top = Math.min(anchor.top, viewport.height - size.height - MARGIN);
  return {
    left: Math.max(MARGIN, Math.min(left, viewport.width - size.width - MARGIN)),
    top: Math.max(MARGIN, top),
  };
}

/** The hover card of a tile: its figures and a sparkline of recent prices. */
export function TileTooltip({ tile, mapTile, anchor, timeframeLabel, history }: Props) {
  const fetched = useHistory(history ? null : tile.symbol);
  const state = history ?? fetched;
  const box = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);
  const { title, lines } = tooltipLines(tile);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const { width, height } = el.getBoundingClientRect();
    const viewport = { width: window.innerWidth, height: window.innerHeight };
    setPos(placeTooltip(anchor, { width, height }, viewport));
  }, [anchor.left, anchor.top, anchor.width, anchor.height, state.kind]);

  return (
    <div
      ref={box}
      className="tile-tooltip"
      role="tooltip"
      style={pos ? { left: pos.left, top: pos.top } : { visibility: 'hidden' }}
    >
      <div className="tile-tooltip-title">{title}</div>
      <div className="tile-tooltip-value">
        {timeframeLabel}: {formatPercent(mapTile.value)} · {shareWords(mapTile.share)}
      </div>
      <HistoryLine state={state} />
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

function HistoryLine({ state }: { state: HistoryState }) {
  switch (state.kind) {
    case 'none':
      return null;
    case 'loading':
      return <div className="tile-tooltip-spark placeholder-spark">Loading prices…</div>;
    case 'error':
      return <div className="tile-tooltip-spark placeholder-spark">No price history</div>;
    case 'ok': {
      const { values, period } = recentPrices(state.history);
      if (values.length < 2) {
        const note = state.history.dailyNote ?? 'No recent prices yet';
        return <div className="tile-tooltip-spark placeholder-spark">{note}</div>;
      }
      return (
        <div className="tile-tooltip-spark">
          <Sparkline values={values} period={period} />
          <span className="tile-tooltip-period">{period}</span>
        </div>
      );
    }
    default: {
      const never: never = state;
      return never;
    }
  }
}
