/**
 * The NYSE trading calendar: which session an instant falls in, from the shipped holiday and
 * early-close list (resources/calendar/nyse.json) and New York time via Intl.
 */
import { join } from 'node:path';

import { z } from 'zod';

import { readJsonResource } from '../resources/read-resource.js';
import { newYorkToEpoch, toNewYorkTime } from './new-york-time.js';

export const CALENDAR_FILE = join('calendar', 'nyse.json');

/** The part of the trading day an instant falls in. */
export type MarketSession = 'pre' | 'regular' | 'post' | 'closed' | 'holiday';

const minutes = (hours: number, mins = 0): number => hours * 60 + mins;

/** Extended and regular hours, New York time. */
export const PRE_MARKET_OPEN = minutes(4);
export const REGULAR_OPEN = minutes(9, 30);
export const REGULAR_CLOSE = minutes(16);
export const POST_MARKET_CLOSE = minutes(20);
/** On early-close days NYSE Arca's late session ends at 17:00 instead of 20:00. */
export const EARLY_CLOSE_POST_MARKET_CLOSE = minutes(17);

const calendarSchema = z.object({
  schemaVersion: z.literal(1),
  firstYear: z.number().int(),
  lastYear: z.number().int(),
  days: z.array(
    z.object({
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      type: z.enum(['holiday', 'early_close']),
      closeTimeEt: z
        .string()
        .regex(/^\d{2}:\d{2}$/)
        .nullable(),
      name: z.string(),
    }),
  ),
});

export type CalendarData = z.infer<typeof calendarSchema>;

/** What the calendar says about one instant. */
export interface SessionInfo {
  session: MarketSession;
  /** New York date of the instant. */
  date: string;
  /** Regular close of that date in minutes after New York midnight (null: no trading). */
  regularCloseMinute: number | null;
  /** Holiday or early-close name, when the date has one. */
  note?: string;
  /** False when the date lies outside the years the holiday list covers. */
  covered: boolean;
}

/** A regular session that has closed. */
export interface FinishedSession {
  /** New York date `YYYY-MM-DD`. */
  date: string;
  /** Epoch ms of New York midnight starting `date`. */
  dayStart: number;
  /** Epoch ms of the regular close. */
  close: number;
}

const MS_PER_DAY = 86_400_000;
/** Longest run of days without a session (a long weekend plus holidays) we look across. */
const MAX_DAYS_SCANNED = 10;

function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

function parseClock(text: string): number {
  const [h, m] = text.split(':').map(Number);
  return minutes(h ?? 0, m ?? 0);
}

/** NYSE sessions from the shipped holiday and early-close list. */
export class NyseCalendar {
  private readonly days: Map<string, CalendarData['days'][number]>;

  constructor(private readonly data: CalendarData) {
    this.days = new Map(data.days.map((d) => [d.date, d]));
  }

  /** The regular close (minutes after New York midnight) of a date, or null if no trading. */
  regularClose(date: string): number | null {
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) return null;
    const day = this.days.get(date);
    if (day?.type === 'holiday') return null;
    if (day?.type === 'early_close' && day.closeTimeEt) return parseClock(day.closeTimeEt);
    return REGULAR_CLOSE;
  }

  isTradingDay(date: string): boolean {
    return this.regularClose(date) !== null;
  }

  /** Epoch ms of a date's regular open and close, or null when the market does not open. */
  regularHours(date: string): { open: number; close: number } | null {
    const close = this.regularClose(date);
    if (close === null) return null;
    return { open: newYorkToEpoch(date, REGULAR_OPEN), close: newYorkToEpoch(date, close) };
  }

  /**
   * The latest regular session that closed at or before `epochMs` (early closes included): its
   * New York date, the instant that day began in New York, and its close; null when none did
   * within the last `MAX_DAYS_SCANNED` days (never, with the shipped calendar).
   */
  lastSessionAtOrBefore(epochMs: number): FinishedSession | null {
    const today = toNewYorkTime(epochMs).date;
    for (let back = 0; back <= MAX_DAYS_SCANNED; back += 1) {
      const date = shiftDate(today, -back);
      const hours = this.regularHours(date);
      if (hours && hours.close <= epochMs) {
        return { date, dayStart: newYorkToEpoch(date, 0), close: hours.close };
      }
    }
    return null;
  }

  /** The session an instant falls in. */
  sessionAt(epochMs: number): SessionInfo {
    const ny = toNewYorkTime(epochMs);
    const year = Number(ny.date.slice(0, 4));
    const covered = year >= this.data.firstYear && year <= this.data.lastYear;
    const day = this.days.get(ny.date);
    const base = { date: ny.date, covered, ...(day ? { note: day.name } : {}) };

    if (ny.weekday === 0 || ny.weekday === 6) {
      return { ...base, session: 'closed', regularCloseMinute: null };
    }
    if (day?.type === 'holiday') return { ...base, session: 'holiday', regularCloseMinute: null };

    const close = this.regularClose(ny.date) ?? REGULAR_CLOSE;
    const postClose = close < REGULAR_CLOSE ? EARLY_CLOSE_POST_MARKET_CLOSE : POST_MARKET_CLOSE;
    const m = ny.minuteOfDay;
    const session: MarketSession =
      m < PRE_MARKET_OPEN
        ? 'closed'
        : m < REGULAR_OPEN
          ? 'pre'
          : m < close
            ? 'regular'
            : m < postClose
              ? 'post'
              : 'closed';
    return { ...base, session, regularCloseMinute: close };
  }
}

/** Loads and validates the calendar from a resources folder; throws ResourceError if bad. */
export function loadNyseCalendar(resourcesDir: string): NyseCalendar {
  return new NyseCalendar(readJsonResource(join(resourcesDir, CALENDAR_FILE), calendarSchema));
}
