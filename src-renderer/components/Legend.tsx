import { DEFAULT_VIEW_OPTIONS, type ViewOptions } from '../chart/heatmap-view';
import { useResolvedTheme } from '../chart/use-media';
import {
  createColourScale,
  DEFAULT_RANGE,
  effectiveRange,
  MISSING_RGB,
  PALETTES,
} from '../lib/colour-scale';

const tickText = (t: number) => (t > 0 ? `+${t}%` : t < 0 ? `−${Math.abs(t)}%` : '0%');
/** Range choices offered around the time frame's default. */
const FACTORS = [0.25, 0.5, 1, 2, 4];

interface Props {
  options?: ViewOptions;
  onRangeChange?(range: number | null): void;
}

/**
 * The colour key: the scale of the chosen palette and time frame with its ticks, a control to
 * narrow or widen the range, and the freshness swatches (stale faded, missing hatched).
 */
export function Legend({ options = DEFAULT_VIEW_OPTIONS, onRangeChange }: Props) {
  const theme = useResolvedTheme(options.theme);
  const range = effectiveRange(options.timeframe, options.range);
  const scale = createColourScale(options.palette, theme, range);
  const palette = PALETTES[options.palette];
  const ticks = [-range, -range / 2, 0, range / 2, range].map((t) => Number(t.toPrecision(2)));
  const base = DEFAULT_RANGE[options.timeframe];
  const stale = scale.ink(scale.bucket(range), 3).fill;
  const missing = `rgb(${MISSING_RGB[theme].join(', ')})`;

  return (
    <div className="legend" role="group" aria-label="Colour legend">
      <div className="legend-scale">
        <div className="legend-bar" style={{ background: scale.gradient() }} />
        <div className="legend-ticks" aria-hidden="true">
          {ticks.map((t, i) => (
            <span key={i}>{tickText(t)}</span>
          ))}
        </div>
      </div>
      {onRangeChange && (
        <label className="map-control legend-range">
          <span className="sr-only">Colour range</span>
          <select
            aria-label="Colour range"
            value={String(range)}
            onChange={(e) => {
              const v = Number(e.target.value);
              onRangeChange(v === base ? null : v);
            }}
          >
            {FACTORS.map((f) => (
              <option key={f} value={String(base * f)}>
                ±{base * f}%{f === 1 ? ' (default)' : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      <span className="legend-swatch legend-swatch-missing" style={{ backgroundColor: missing }} />
      <span>No data</span>
      <span className="legend-swatch" style={{ background: stale }} />
      <span>Stale (faded)</span>
      <span className="sr-only">
        {palette.downWord} is down, {palette.upWord} is up, saturating at {range}% either way; each
        tile also shows ▲ or ▼ and the signed change.
      </span>
    </div>
  );
}
