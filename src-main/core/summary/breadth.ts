/**
 * Breadth of a selection of rows for one time frame: advancers, decliners and unchanged, and
 * the cap-weighted change of the whole selection and of each sector. Pure: rows in, numbers out.
 * Missing quotes and time frames the history does not reach count as `missing`, never as flat.
 */
import type {
  SectorBreadth,
  StockRow,
  SummaryResponse,
  TimeFrame,
} from '../../shared/api-types.js';

export type Breadth = Pick<
  SummaryResponse,
  'advancers' | 'decliners' | 'unchanged' | 'missing' | 'changePercent' | 'sectors'
>;

/** The row's change for a time frame, or null. `1d` is the live change since the close. */
export function valueFor(row: StockRow, timeframe: TimeFrame): number | null {
  if (row.status === 'missing') return null;
  const value = timeframe === '1d' ? row.changePercent : (row.performance?.[timeframe] ?? null);
  return value !== null && Number.isFinite(value) ? value : null;
}

interface Tally {
  advancers: number;
  decliners: number;
  unchanged: number;
  missing: number;
  cap: number;
  weighted: number;
}

const emptyTally = (): Tally => ({
  advancers: 0,
  decliners: 0,
  unchanged: 0,
  missing: 0,
  cap: 0,
  weighted: 0,
});

function add(tally: Tally, value: number | null, cap: number | null): void {
  if (value === null) {
    tally.missing += 1;
    return;
  }
  if (value > 0) tally.advancers += 1;
  else if (value < 0) tally.decliners += 1;
  else tally.unchanged += 1;

  if (cap === null || !(cap > 0)) return;
  tally.cap += cap;
  tally.weighted += cap * value;
}

const weightedChange = (tally: Tally): number | null =>
  tally.cap > 0 ? tally.weighted / tally.cap : null;

/** See the module comment. Sectors are ordered by summed cap, largest first, then by name. */
export function summarizeBreadth(rows: readonly StockRow[], timeframe: TimeFrame): Breadth {
  const total = emptyTally();
  const bySector = new Map<string, Tally>();

  for (const row of rows) {
    const value = valueFor(row, timeframe);
    add(total, value, row.marketCap);
    const sector = bySector.get(row.sector) ?? emptyTally();
    add(sector, value, row.marketCap);
    bySector.set(row.sector, sector);
  }

  const sectors: SectorBreadth[] = [...bySector.entries()]
    .map(([sector, t]) => ({
      sector,
      changePercent: weightedChange(t),
      marketCap: t.cap,
      advancers: t.advancers,
      decliners: t.decliners,
      unchanged: t.unchanged,
      missing: t.missing,
    }))
    .sort((a, b) => b.marketCap - a.marketCap || a.sector.localeCompare(b.sector));

  return {
    advancers: total.advancers,
    decliners: total.decliners,
    unchanged: total.unchanged,
    missing: total.missing,
    changePercent: weightedChange(total),
    sectors,
  };
}
