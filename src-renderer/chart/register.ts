import { Chart, LinearScale, Tooltip } from 'chart.js';
import { TreemapController, TreemapElement } from 'chartjs-chart-treemap';

/**
 * Registers only what the map uses: the treemap controller and element, the linear scales the
 * treemap lays itself out on, and the tooltip. No legend plugin: the legend is our own HTML.
 */
export function registerChartParts(): void {
  Chart.register(TreemapController, TreemapElement, LinearScale, Tooltip);
}
