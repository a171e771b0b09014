import { useEffect, useRef } from 'react';

import type { Performance, TimeFrame } from '../../../src-main/shared/api-types';
import { trapTab } from '../../lib/focus-trap';
import { formatPercent } from '../../lib/format';
import type { Tile } from '../../lib/tiles';
import { tooltipLines } from '../../lib/tooltip-lines';
import { Sparkline } from '../tooltip/Sparkline';
import { recentPrices, useHistory } from '../tooltip/use-history';

interface Props {
  tile: Tile;
  onClose(): void;
}

const FRAMES: ReadonlyArray<[TimeFrame, string]> = [
  ['1d', '1 day'],
  ['1w', '1 week'],
  ['1m', '1 month'],
  ['3m', '3 months'],
  ['ytd', 'Year to date'],
  ['1y', '1 year'],
];

const CATEGORY_NAMES: Record<string, string> = {
  sp500: 'S&P 500',
  nasdaq100: 'Nasdaq-100',
  dow30: 'Dow 30',
  stock: 'Stock',
  etf: 'ETF',
};

/**
 * A tile's details as a modal dialog: its figures, the change over each time frame and a
 * sparkline of the session and of recent daily closes. Escape or Close returns focus.
 */
export function DetailsDialog({ tile, onClose }: Props) {
  const dialog = useRef<HTMLDivElement>(null);
  const history = useHistory(tile.symbol);
  const { title, lines } = tooltipLines(tile);
  const perf = (tile as Tile & { performance?: Performance }).performance;

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    dialog.current?.querySelector<HTMLElement>('button')?.focus();
    return () => previous?.focus?.();
  }, []);

  const daily =
    history.kind === 'ok'
      ? recentPrices({ ...history.history, intraday: [] })
      : { values: [], period: '' };
  const session = history.kind === 'ok' ? history.history.intraday.map((p) => p.price) : [];

  return (
    <div
      className="dialog-backdrop"
      onPointerDown={(e) => e.target === e.currentTarget && onClose()}
    >
      <div
        ref={dialog}
        className="dialog details"
        role="dialog"
        aria-modal="true"
        aria-labelledby="details-title"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
          if (dialog.current) trapTab(dialog.current, e);
        }}
      >
        <div className="dialog-head">
          <h2 id="details-title">{title}</h2>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
        <p className="details-categories">
          {tile.categories.map((c) => CATEGORY_NAMES[c] ?? c).join(' · ')}
        </p>
        <div className="details-charts">
          {session.length >= 2 && (
            <figure>
              <Sparkline values={session} period="this session" width={260} height={60} />
              <figcaption>This session</figcaption>
            </figure>
          )}
          {daily.values.length >= 2 && (
            <figure>
              <Sparkline values={daily.values} period={daily.period} width={260} height={60} />
              <figcaption>Daily closes, {daily.period.replace('the ', '')}</figcaption>
            </figure>
          )}
          {history.kind === 'loading' && <p className="hint">Loading prices…</p>}
          {history.kind === 'error' && <p className="hint">No price history: {history.message}</p>}
        </div>
        <table className="details-perf">
          <caption className="sr-only">Change by time frame</caption>
          <tbody>
            {FRAMES.map(([tf, label]) => (
              <tr key={tf}>
                <th scope="row">{label}</th>
                <td>{formatPercent(tf === '1d' ? tile.changePercent : (perf?.[tf] ?? null))}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <ul className="details-lines">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
