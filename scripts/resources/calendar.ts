/**
 * Builds `resources/calendar/nyse.json` from nyse_calendar_2025_2028.csv: NYSE full holidays
 * and early closes (with their close time in New York time).
 */
import { cell, parseCsv } from './csv.js';

export const CALENDAR_SOURCE_FILE = 'nyse_calendar_2025_2028.csv';

export interface CalendarDay {
  date: string;
  type: 'holiday' | 'early_close';
  /** `HH:MM` New York time for early closes, null for holidays. */
  closeTimeEt: string | null;
  name: string;
}

export interface CalendarFile {
  schemaVersion: 1;
  /** First and last year the file covers; outside them only weekends are known. */
  firstYear: number;
  lastYear: number;
  days: CalendarDay[];
}

function parseType(text: string): CalendarDay['type'] {
  if (text === 'holiday' || text === 'early_close') return text;
  throw new Error(`read ${CALENDAR_SOURCE_FILE}: unknown day type "${text}"`);
}

/** Turns the calendar CSV text into the calendar file content. */
export function buildCalendar(calendarCsv: string): CalendarFile {
  const days = parseCsv(calendarCsv, CALENDAR_SOURCE_FILE).map((row) => {
    const get = (column: string): string => cell(row, column, CALENDAR_SOURCE_FILE);
    const closeTime = get('close_time_et');
    return {
      date: get('date'),
      type: parseType(get('type')),
      closeTimeEt: closeTime === '' ? null : closeTime,
      name: get('name'),
    };
  });
  days.sort((a, b) => a.date.localeCompare(b.date));
  return { schemaVersion: 1, firstYear: 2025, lastYear: 2028, days };
}
