import { formatPrice } from '../../lib/format';
import { scaleY, sparklinePoints } from './sparkline';

interface Props {
  values: readonly number[];
  /** What the series is, for the accessible name: "this session", "the last 30 days". */
  period: string;
  width?: number;
  height?: number;
}

/** A small price line, green when it ends above where it started and red below. */
export function Sparkline({ values, period, width = 180, height = 40 }: Props) {
  const points = sparklinePoints(values, width, height);
  if (!points) return null;
  const first = values[0] ?? 0;
  const last = values[values.length - 1] ?? 0;
  const trend = last > first ? 'up' : last < first ? 'down' : 'flat';
  const label = `Price over ${period}: from ${formatPrice(first)} to ${formatPrice(last)}`;
  const baseline = scaleY(values, height)(first).toFixed(1);

  return (
    <svg
      className={`sparkline sparkline-${trend}`}
      role="img"
      aria-label={label}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
    >
      <line x1={0} x2={width} y1={baseline} y2={baseline} className="sparkline-base" />
      <polyline points={points} fill="none" />
    </svg>
  );
}
