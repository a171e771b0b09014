/**
 * Made-up daily closes for the history mocks: a deterministic price per (symbol, session date)
 * on the NYSE calendar, so a test can say exactly which close a time frame must use.
 */
import { loadNyseCalendar } from '../../../../src-main/core/market/nyse-calendar.js';
import { loadUniverse } from '../../../../src-main/core/universe/universe.js';
import { RESOURCES_DIR } from '../../../core/helpers/resources.js';

export const calendar = loadNyseCalendar(RESOURCES_DIR);
/** Every symbol of the shipped universe (the whole "market" a grouped answer covers). */
export const MARKET_SYMBOLS: readonly string[] = loadUniverse(RESOURCES_DIR).symbols().sort();

const EPOCH_DAY = Date.parse('2025-01-01T00:00:00Z');
const MS_PER_DAY = 86_400_000;

/** The made-up close of `symbol` on `date`: a symbol's own level, rising 0.1 % a day. */
export function generatedClose(symbol: string, date: string): number {
  const level = 50 + ([...symbol].reduce((sum, c) => sum + c.charCodeAt(0), 0) % 200);
  const days = (Date.parse(`${date}T00:00:00Z`) - EPOCH_DAY) / MS_PER_DAY;
  return Math.round(level * (1 + 0.001 * days) * 100) / 100;
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
