import type { Chart } from 'chart.js';

import { tileColour } from '../lib/colour-scale';
import { tileOf } from './tile-of';

/**
 * Applies the tiles' current colours to the chart's existing elements and repaints, without a
 * layout pass. Returns how many tiles changed colour.
 *
 * Why not `chart.update('none')`: it re-resolves every option of every element (scriptable
 * colours, fonts, captions) and re-scales every rect, while the colours are all that moved.
 * Measured in headless Chromium on 503 tiles (tests/e2e, `__heatmap.benchmark`): this path
 * (assign + `chart.draw()`) is several times cheaper; the figures are printed by the e2e test.
 * Labels need no work here: the treemap calls their formatter at draw time.
 */
export function recolour(chart: Chart<'treemap'>): number {
  const meta = chart.getDatasetMeta(0);
  const points = chart.data.datasets[0]?.data ?? [];
  let changed = 0;

  for (let i = 0; i < meta.data.length; i++) {
    const tile = tileOf(points[i]);
    if (!tile) continue;

    const options = meta.data[i]?.options as { backgroundColor?: unknown } | undefined;
    if (!options) continue;
    // Options resolved from scriptables are per-element and writable; a frozen (shared) object
    // would mean our dataset stopped being scriptable, so fall back to a full option pass.
    if (Object.isFrozen(options)) {
      chart.update('none');
      return -1;
    }
    const colour = tileColour(tile.changePercent, tile.status);
    if (options.backgroundColor !== colour) {
      options.backgroundColor = colour;
      changed++;
    }
  }

  refreshOpenTooltip(chart);
  chart.draw();
  return changed;
}

/**
 * Rebuilds the text of an open tooltip so a hovered tile shows its new price without waiting for
 * the pointer to move.
 * HACK: `update()` is public on Chart.js's Tooltip class but missing from its TypeScript model
 * type, hence the narrow cast.
 */
function refreshOpenTooltip(chart: Chart<'treemap'>): void {
  const tooltip = chart.tooltip as unknown as
    { getActiveElements(): unknown[]; update(changed: boolean): void } | undefined;
  if (tooltip && tooltip.getActiveElements().length > 0) tooltip.update(true);
}
