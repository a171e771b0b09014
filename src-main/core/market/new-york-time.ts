/**
 * Wall-clock conversions for America/New_York through Intl, so daylight-saving rules come
 * from the runtime's time-zone database, never from a hand-written table.
 */
export const NEW_YORK_TIME_ZONE = 'America/New_York';

const MS_PER_MINUTE = 60_000;

/** A New York wall-clock reading of an instant. */
export interface NewYorkTime {
  /** `YYYY-MM-DD` in New York. */
  date: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Minutes since New York midnight (0..1439). */
  minuteOfDay: number;
}

const FORMATTER = new Intl.DateTimeFormat('en-US', {
  timeZone: NEW_YORK_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function parts(epochMs: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of FORMATTER.formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return out;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** Reads an instant on a New York wall clock. */
export function toNewYorkTime(epochMs: number): NewYorkTime {
  const p = parts(epochMs);
  const year = p.year ?? 1970;
  const month = p.month ?? 1;
  const day = p.day ?? 1;
  return {
    date: `${year}-${pad(month)}-${pad(day)}`,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
    minuteOfDay: (p.hour ?? 0) * 60 + (p.minute ?? 0),
  };
}

/** New York's offset from UTC at an instant, in ms (negative: -4 h in summer, -5 h in winter). */
function offsetAt(epochMs: number): number {
  const p = parts(epochMs);
  const asUtc = Date.UTC(
    p.year ?? 1970,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
  return asUtc - (epochMs - (epochMs % 1000));
}

/**
 * The instant at which New York's wall clock shows `date` (YYYY-MM-DD) and `minuteOfDay`.
 * Market hours never fall in the DST gap or overlap (02:00–03:00), so the answer is unique.
 */
export function newYorkToEpoch(date: string, minuteOfDay: number): number {
  const [year, month, day] = date.split('-').map(Number);
  const wall = Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1) + minuteOfDay * MS_PER_MINUTE;

  // Two passes: the first guess uses the offset at the wall time read as UTC, the second
  // corrects it when a DST switch lies between the guess and the answer.
  const first = wall - offsetAt(wall);
  return wall - offsetAt(first);
}
