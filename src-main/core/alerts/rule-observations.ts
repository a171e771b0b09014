/**
 * What each kind of rule looks at, turned into scores for the CrossingTracker (met when
 * `score >= threshold`), and the words of a firing. Pure: the rule and the market in, numbers
 * and text out.
 */
import type { AlertRule, AlertRuleInput } from '../../shared/alert-types.js';
import type { StockRow } from '../../shared/api-types.js';
import type { MarketSummary } from '../market/market-summary.js';
import { cooldownMs } from './alert-schema.js';
import type { CrossingSpec } from './crossing-tracker.js';

/** Hysteresis of a price level, as a share of the level (0.2 %), and never under a cent. */
const PRICE_BAND_SHARE = 0.002;
const MIN_PRICE_BAND = 0.01;
/** Hysteresis of a % threshold, in percentage points (at most half the threshold). */
const PERCENT_BAND = 0.25;
/** Hysteresis of a breadth threshold, as a share of the movers. */
const BREADTH_BAND = 0.02;

/** A compiled custom-criteria expression: whether a row matches it. */
export type CriteriaMatcher = (row: StockRow) => boolean;

/** The market as rules see it at one evaluation. */
export interface MarketView {
  rows: ReadonlyMap<string, StockRow>;
  summary: MarketSummary;
}

/** One score to track: `key` is unique per rule and subject. */
export interface Observation {
  key: string;
  /** Meets the rule when >= the spec's threshold; null when the data is missing. */
  score: number | null;
  /** The value a user reads (price, %, share), for the message. */
  value: number | null;
  symbol?: string;
  sector?: string;
}

/** The threshold, hysteresis band and cooldown of a rule, in score units. */
export function crossingSpec(rule: AlertRuleInput): CrossingSpec {
  const cooldown = cooldownMs(rule);
  switch (rule.kind) {
    case 'price': {
      const band = Math.max(rule.level * PRICE_BAND_SHARE, MIN_PRICE_BAND);
      // "below L" is "-price >= -L": one comparison for both directions.
      const threshold = rule.direction === 'above' ? rule.level : -rule.level;
      return { threshold, band, cooldownMs: cooldown };
    }
    case 'move':
    case 'sector':
      return {
        threshold: rule.percent,
        band: Math.min(PERCENT_BAND, rule.percent / 2),
        cooldownMs: cooldown,
      };
    case 'breadth':
      return {
        threshold: rule.direction === 'above' ? rule.share : -rule.share,
        band: BREADTH_BAND,
        cooldownMs: cooldown,
      };
    case 'criteria':
      // Score 1 when a stock matches, 0 when not: it re-arms as soon as it stops matching.
      return { threshold: 1, band: 0.5, cooldownMs: cooldown };
    default:
      return assertNever(rule);
  }
}

/** The scores of a rule in the market now. */
export function observeRule(
  rule: AlertRule,
  market: MarketView,
  criteria?: CriteriaMatcher,
): Observation[] {
  switch (rule.kind) {
    case 'price': {
      const price = market.rows.get(rule.symbol)?.price ?? null;
      const score = price === null ? null : rule.direction === 'above' ? price : -price;
      return [{ key: rule.id, score, value: price, symbol: rule.symbol }];
    }
    case 'move': {
      const change = market.rows.get(rule.symbol)?.changePercent ?? null;
      const score = moveScore(change, rule.direction);
      return [{ key: rule.id, score, value: change, symbol: rule.symbol }];
    }
    case 'sector': {
      const sector = market.summary.sectors.find((s) => s.sector === rule.sector);
      const change = sector?.changePercent ?? null;
      const score = moveScore(change, rule.direction);
      return [{ key: rule.id, score, value: change, sector: rule.sector }];
    }
    case 'breadth': {
      const share = market.summary.advancerShare;
      const score = share === null ? null : rule.direction === 'above' ? share : -share;
      return [{ key: rule.id, score, value: share }];
    }
    case 'criteria': {
      if (!criteria) return [];
      return [...market.rows.values()]
        .filter((row) => row.status !== 'missing')
        .map((row) => {
          const score = criteria(row) ? 1 : 0;
          return { key: `${rule.id}|${row.symbol}`, score, value: score, symbol: row.symbol };
        });
    }
    default:
      return assertNever(rule);
  }
}

function moveScore(change: number | null, direction: 'up' | 'down' | 'either'): number | null {
  if (change === null) return null;
  if (direction === 'up') return change;
  if (direction === 'down') return -change;
  return Math.abs(change);
}

/** A notification's title and sentence for a firing of `rule` on `hits` (one unless criteria). */
export function describeFiring(
  rule: AlertRuleInput,
  hits: readonly Observation[],
): { title: string; message: string } {
  const first = hits[0];
  const value = first?.value ?? 0;
  switch (rule.kind) {
    case 'price': {
      const level = money(rule.level);
      return {
        title: `${rule.symbol} ${rule.direction} ${level}`,
        message: `${rule.symbol} is at ${money(value)}, ${rule.direction} your level of ${level}.`,
      };
    }
    case 'move':
      return {
        title: `${rule.symbol} ${signed(value)}`,
        message:
          `${rule.symbol} has moved ${signed(value)} since the previous close ` +
          `(alert at ${beyond(rule.direction, rule.percent)}).`,
      };
    case 'sector':
      return {
        title: `${rule.sector} ${signed(value)}`,
        message:
          `${rule.sector} is ${signed(value)} cap-weighted since the previous close ` +
          `(alert at ${beyond(rule.direction, rule.percent)}).`,
      };
    case 'breadth':
      return {
        title: `Breadth ${rule.direction} ${share(rule.share)}`,
        message:
          `${share(value)} of the stocks that moved are up ` +
          `(alert ${rule.direction} ${share(rule.share)}).`,
      };
    case 'criteria': {
      const symbols = hits.map((h) => h.symbol ?? '?');
      const more = symbols.length > 5 ? ` and ${symbols.length - 5} more` : '';
      const title =
        symbols.length === 1
          ? `${symbols[0]} matches your criteria`
          : `${symbols.length} stocks match your criteria`;
      return {
        title,
        message: `${symbols.slice(0, 5).join(', ')}${more} started matching "${rule.expression}".`,
      };
    }
    default:
      return assertNever(rule);
  }
}

function money(value: number): string {
  return `$${value.toFixed(2)}`;
}

function signed(percent: number): string {
  return `${percent > 0 ? '+' : ''}${percent.toFixed(2)}%`;
}

function share(value: number): string {
  return `${Math.round(value * 100)}%`;
}

function beyond(direction: 'up' | 'down' | 'either', percent: number): string {
  if (direction === 'up') return `+${percent}%`;
  if (direction === 'down') return `-${percent}%`;
  return `±${percent}%`;
}

function assertNever(value: never): never {
  throw new Error(`alert rules: unhandled rule ${JSON.stringify(value)}`);
}
