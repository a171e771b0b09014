import type { Chart as ChartJS } from 'chart.js';
import { useEffect, useMemo, useRef } from 'react';
import { Chart } from 'react-chartjs-2';

import { recolour } from '../chart/recolour';
import { registerChartParts } from '../chart/register';
import { createLayoutCounter, installTestHook } from '../chart/test-hook';
import { treemapData, treemapOptions } from '../chart/treemap-config';
import { createFrameCoalescer } from '../lib/frame-coalescer';
import type { Tile } from '../lib/tiles';

registerChartParts();

interface Props {
  /** A new array means a new layout; the same array with a new `version` means recolour only. */
  tiles: Tile[];
  version: number;
}

/**
 * The treemap. Its `data` and `options` props change only when the tile set does, so
 * react-chartjs-2 calls `chart.update()` (a layout) only then; live batches bump `version`,
 * which schedules one recolour per animation frame on the existing elements.
 */
export function HeatmapChart({ tiles, version }: Props) {
  const chartRef = useRef<ChartJS<'treemap'> | null>(null);
  const counter = useMemo(() => createLayoutCounter(), []);
  const plugins = useMemo(() => [counter], [counter]);
  const data = useMemo(() => treemapData(tiles), [tiles]);
  const options = useMemo(() => treemapOptions(), []);

  const frame = useMemo(
    () =>
      createFrameCoalescer(() => {
        const chart = chartRef.current;
        if (!chart) return;
        recolour(chart);
        counter.recolours++;
      }),
    [counter],
  );

  useEffect(() => {
    frame.request();
  }, [version, frame]);

  useEffect(() => () => frame.cancel(), [frame]);

  useEffect(() => installTestHook(() => chartRef.current, counter), [counter]);

  return (
    <div className="map">
      <Chart
        ref={chartRef}
        type="treemap"
        data={data}
        options={options}
        plugins={plugins}
        aria-label={`Market map of ${tiles.length} stocks, sized by market cap, coloured by change`}
        fallbackContent={<p>Market map of {tiles.length} stocks.</p>}
      />
    </div>
  );
}
