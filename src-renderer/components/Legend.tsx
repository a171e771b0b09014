import { legendGradient, MISSING_COLOUR, SATURATION_PERCENT } from '../lib/colour-scale';

const S = SATURATION_PERCENT;
const TICKS = [-S, -S / 2, 0, S / 2, S];
const tickText = (t: number) => (t > 0 ? `+${t}%` : `${t}%`);

/** The colour key: the diverging scale with its ticks, plus the no-data and stale swatches. */
export function Legend() {
  return (
    <div className="legend" role="group" aria-label="Colour legend">
      <div className="legend-scale">
        <div className="legend-bar" style={{ background: legendGradient() }} />
        <div className="legend-ticks" aria-hidden="true">
          {TICKS.map((t) => (
            <span key={t}>{tickText(t)}</span>
          ))}
        </div>
      </div>
      <span className="legend-swatch" style={{ background: MISSING_COLOUR }} />
      <span>No data</span>
      <span className="legend-swatch legend-swatch-stale" />
      <span>Stale (faded)</span>
      <span className="sr-only">
        Red is down, green is up, saturating at {SATURATION_PERCENT}% either way.
      </span>
    </div>
  );
}
