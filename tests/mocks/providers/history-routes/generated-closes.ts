/**
 * Made-up daily closes for the history mocks: a deterministic price per (symbol, session date)
 * on the NYSE calendar, so a test can say exactly which close a time frame must use. They end
 * near the quote mocks' previous close (universe-quotes.ts), so time frames on a mock look like
 * a market's (a few % a month), not like two unrelated price series.
 */
import { loadNyseCalendar } from '../../../../src-main/core/market/nyse-calendar.js';
import { loadUniverse } from '../../../../src-main/core/universe/universe.js';
import { RESOURCES_DIR } from '../../../core/helpers/resources.js';
import { universeQuote } from '../universe-quotes.js';

export const calendar = loadNyseCalendar(RESOURCES_DIR);
/** Every symbol of the shipped universe (the whole "market" a grouped answer covers). */
export const MARKET_SYMBOLS: readonly string[] = loadUniverse(RESOURCES_DIR).symbols().sort();

/** The day whose made-up close equals the quote mocks' previous close. */
const LEVEL_DAY = Date.parse('2026-11-24T00:00:00Z');
const MS_PER_DAY = 86_400_000;
/** How much the made-up closes rise a calendar day (about 0.2 % a week, 11 % a year). */
const DRIFT_PER_DAY = 0.0003;

/**
 * The made-up close of `symbol` on `date`: its previous close in the quote mocks (or a level
 * from its letters, outside the universe) on 2026-11-24, rising 0.03 % a calendar day.
 */
export function generatedClose(symbol: string, date: string): number {
  const level =
    universeQuote(symbol)?.previousClose ??
    50 + ([...symbol].reduce((sum, c) => sum + c.charCodeAt(0), 0) % 200);
  const days = (Date.parse(`${date}T00:00:00Z`) - LEVEL_DAY) / MS_PER_DAY;
  return Math.round(level * (1 + DRIFT_PER_DAY * days) * 100) / 100;
}

/** Trading dates from `from` to `to`, both included. */
export function tradingDates(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`);) {
    const date = new Date(t).toISOString().slice(0, 10);
    if (calendar.isTradingDay(date)) dates.push(date);
    t += MS_PER_DAY;
  }
  return dates;
}
