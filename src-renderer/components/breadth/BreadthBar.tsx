import './breadth.css';

import { formatPercent } from '../../lib/format';
import type { Breadth } from './breadth';

interface Props {
  breadth: Breadth;
  /** What the groups are: sectors on the whole map, industries inside a sector. */
  groupLabel: 'Sectors' | 'Industries';
  /** Drill into a group (absent when already at the deepest level). */
  onGroupClick?(name: string): void;
}

const arrow = (v: number | null) => (v === null ? '' : v > 0 ? '▲' : v < 0 ? '▼' : '■');
const inWords = (v: number | null) =>
  v === null
    ? 'no data'
    : v > 0
      ? `up ${formatPercent(v).slice(1)}`
      : v < 0
        ? `down ${formatPercent(v).slice(1)}`
        : 'unchanged';
const signClass = (v: number | null) =>
  v === null ? 'flat' : v > 0 ? 'up' : v < 0 ? 'down' : 'flat';

/** Advancers / decliners / unchanged as a bar, the view's change, and each group's change. */
export function BreadthBar({ breadth, groupLabel, onGroupClick }: Props) {
  const { advancers, decliners, unchanged, noData } = breadth;
  const total = advancers + decliners + unchanged;
  const pct = (n: number) => (total > 0 ? `${(n / total) * 100}%` : '0%');
  const summary =
    `${advancers} advancing, ${decliners} declining, ${unchanged} unchanged` +
    (noData > 0 ? `, ${noData} without data` : '');

  return (
    <section className="breadth" aria-label="Market breadth">
      <div className="breadth-counts">
        <div className="breadth-bar" role="img" aria-label={summary}>
          <span className="breadth-up" style={{ width: pct(advancers) }} />
          <span className="breadth-flat" style={{ width: pct(unchanged) }} />
          <span className="breadth-down" style={{ width: pct(decliners) }} />
        </div>
        <span className="breadth-text" aria-hidden="true">
          <span className="up">▲ {advancers}</span> <span className="down">▼ {decliners}</span>{' '}
          <span className="flat">■ {unchanged}</span>
          {noData > 0 && <span className="flat"> · {noData} n/a</span>}
        </span>
        <span
          className="breadth-total"
          role="note"
          aria-label={`Whole view, cap-weighted change: ${inWords(breadth.change)}`}
          title="Change of every stock in this view together, weighted by market cap"
        >
          Whole view{' '}
          <span className={signClass(breadth.change)}>
            {arrow(breadth.change)} {formatPercent(breadth.change)}
          </span>{' '}
          <span className="breadth-total-note">(cap-weighted)</span>
        </span>
      </div>
      <ul className="breadth-groups" aria-label={`${groupLabel}, cap-weighted change`}>
        {breadth.groups.map((g) => {
          const text = `${g.name} ${formatPercent(g.change)}`;
          const content = (
            <>
              <span className="breadth-group-name">{g.name}</span>{' '}
              <span className={signClass(g.change)}>
                {arrow(g.change)} {formatPercent(g.change)}
              </span>
            </>
          );
          return (
            <li key={g.name}>
              {onGroupClick ? (
                <button
                  type="button"
                  aria-label={`${text}, ${g.count} stocks. Show only ${g.name}`}
                  onClick={() => onGroupClick(g.name)}
                >
                  {content}
                </button>
              ) : (
                <span aria-label={`${text}, ${g.count} stocks`}>{content}</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
