import { Chart, LinearScale } from 'chart.js';
import { MatrixController, MatrixElement } from 'chartjs-chart-matrix';
import { TreemapController, TreemapElement } from 'chartjs-chart-treemap';

/**
 * Registers only what the map uses: the treemap and matrix controllers and elements and the
 * linear scales both lay out on. No tooltip or legend plugin: the map paints and hit-tests
 * itself (chart/map-plugin.ts, chart/overlay.ts) and the legend is our own HTML.
 */
export function registerChartParts(): void {
  Chart.register(TreemapController, TreemapElement, MatrixController, MatrixElement, LinearScale);
}
