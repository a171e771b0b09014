import './table.css';

import { useState } from 'react';

import { formatMarketCap, formatPercent, formatPrice } from '../../lib/format';
import type { Tile } from '../../lib/tiles';
import { nextSort, type SortKey, sortRows, type SortState, type TableRow } from './sort-rows';

interface Props {
  tiles: readonly Tile[];
  /** Bumps on live changes (tiles are mutated in place). */
  version: number;
  valueOf(tile: Tile): number | null;
  shareOf(tile: Tile): number;
  /** Column title of the coloured value, e.g. "Change 1 day". */
  valueLabel: string;
  /** What the table shows, e.g. "S&P 500 › Energy". */
  caption: string;
  highlightedSymbol?: string | null;
  onContextMenu?(symbol: string, x: number, y: number): void;
}

const COLUMNS: ReadonlyArray<{ key: SortKey; label: string; numeric?: boolean }> = [
  { key: 'symbol', label: 'Symbol' },
  { key: 'name', label: 'Name' },
  { key: 'sector', label: 'Sector' },
  { key: 'industry', label: 'Industry' },
  { key: 'price', label: 'Price', numeric: true },
  { key: 'value', label: 'Change', numeric: true },
  { key: 'marketCap', label: 'Market cap', numeric: true },
  { key: 'share', label: 'Share of map', numeric: true },
];

type Row = TableRow & { status: Tile['status']; reason?: string };

/** The rows of the map as a sortable table, for screen readers and for reading exact values. */
export function StockTable(props: Props) {
  const { tiles, valueOf, shareOf, valueLabel, caption, highlightedSymbol } = props;
  const [sort, setSort] = useState<SortState>({ key: 'share', direction: 'descending' });

  const rows: Row[] = tiles.map((t) => ({
    symbol: t.symbol,
    name: t.name,
    sector: t.sector,
    industry: t.industry,
    price: t.price,
    value: t.status === 'missing' ? null : valueOf(t),
    marketCap: t.marketCap,
    share: shareOf(t),
    status: t.status,
    ...(t.reason ? { reason: t.reason } : {}),
  }));

  return (
    <div className="table-view">
      <table className="stock-table">
        <caption>
          {caption}: {tiles.length} {tiles.length === 1 ? 'row' : 'rows'}
        </caption>
        <thead>
          <tr>
            {COLUMNS.map((col) => {
              const sorted = sort.key === col.key;
              const label = col.key === 'value' ? valueLabel : col.label;
              return (
                <th
                  key={col.key}
                  scope="col"
                  aria-sort={sorted ? sort.direction : 'none'}
                  className={col.numeric ? 'num' : undefined}
                >
                  <button type="button" onClick={() => setSort(nextSort(sort, col.key))}>
                    {label}
                    <span aria-hidden="true">
                      {sorted ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                    </span>
                  </button>
                </th>
              );
            })}
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {sortRows(rows, sort).map((r) => (
            <tr
              key={r.symbol}
              className={r.symbol === highlightedSymbol ? 'highlighted' : undefined}
              onContextMenu={(e) => {
                if (!props.onContextMenu) return;
                e.preventDefault();
                props.onContextMenu(r.symbol, e.clientX, e.clientY);
              }}
            >
              <th scope="row">{r.symbol}</th>
              <td className="wrap">{r.name}</td>
              <td className="wrap">{r.sector}</td>
              <td className="wrap">{r.industry}</td>
              <td className="num">{formatPrice(r.price)}</td>
              <td className={`num ${signClass(r.value)}`}>{formatPercent(r.value)}</td>
              <td className="num">{formatMarketCap(r.marketCap)}</td>
              <td className="num">{formatPercent(r.share * 100, 2).replace('+', '')}</td>
              <td title={r.reason}>{r.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const signClass = (v: number | null) => (v === null || v === 0 ? 'flat' : v > 0 ? 'up' : 'down');
