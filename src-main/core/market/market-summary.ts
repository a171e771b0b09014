/**
 * The market at a glance, from the map's rows: the cap-weighted change of the whole map and of
 * each sector, and its breadth (advancers, decliners). The tray icon and tooltip draw it, and
 * sector and breadth alerts test it. Pure: rows in, numbers out.
 */
import type { StockRow } from '../../shared/api-types.js';

export interface SectorSummary {
  sector: string;
  /** Sum of the caps of its stocks that have a change. */
  marketCap: number;
  /** Cap-weighted % change since the previous close, or null when no stock has one. */
  changePercent: number | null;
}

export interface MarketSummary {
  /** Cap-weighted % change of every stock with a cap and a change, or null when none has. */
  changePercent: number | null;
  advancers: number;
  decliners: number;
  unchanged: number;
  /** Advancers / (advancers + decliners), or null when nothing moved. */
  advancerShare: number | null;
  /** Largest sector first (by summed cap). */
  sectors: SectorSummary[];
}

interface Weighted {
  cap: number;
  weightedChange: number;
}

/** Rows whose quote is missing count for nothing; stale ones still count (last known value). */
function usable(row: StockRow): row is StockRow & { changePercent: number } {
  if (row.status === 'missing' || row.changePercent === null) return false;
  return Number.isFinite(row.changePercent);
}

/** See the module comment. */
export function summarizeMarket(rows: readonly StockRow[]): MarketSummary {
  let advancers = 0;
  let decliners = 0;
  let unchanged = 0;
  const total: Weighted = { cap: 0, weightedChange: 0 };
  const bySector = new Map<string, Weighted>();

  for (const row of rows) {
    if (!usable(row)) continue;
    if (row.changePercent > 0) advancers += 1;
    else if (row.changePercent < 0) decliners += 1;
    else unchanged += 1;

    const cap = row.marketCap;
    if (cap === null || !(cap > 0)) continue;
    total.cap += cap;
    total.weightedChange += cap * row.changePercent;
    const sector = bySector.get(row.sector) ?? { cap: 0, weightedChange: 0 };
    sector.cap += cap;
    sector.weightedChange += cap * row.changePercent;
    bySector.set(row.sector, sector);
  }

  const sectors = [...bySector.entries()]
    .map(([sector, w]) => ({ sector, marketCap: w.cap, changePercent: weightedMean(w) }))
    .sort((a, b) => b.marketCap - a.marketCap || a.sector.localeCompare(b.sector));
  const moved = advancers + decliners;
  return {
    changePercent: weightedMean(total),
    advancers,
    decliners,
    unchanged,
    advancerShare: moved === 0 ? null : advancers / moved,
    sectors,
  };
}

function weightedMean(w: Weighted): number | null {
  return w.cap > 0 ? w.weightedChange / w.cap : null;
}
