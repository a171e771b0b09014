/**
 * Provider timestamp units → epoch milliseconds: RFC 3339 strings with up to nine fractional
 * digits (Alpaca), epoch nanoseconds (Polygon), and the New York calendar date of an instant.
 */

const RFC3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses RFC 3339 with any number of fractional digits (`2026-11-25T18:59:58.448432206Z`) to
 * epoch ms, truncating below the millisecond. Null when the text is not RFC 3339 with a zone:
 * a zone-less time would be read as the user's local time.
 */
export function parseRfc3339Ms(text: string): number | null {
  const match = RFC3339.exec(text.trim());
  if (!match) return null;
  const millis = (match[2] ?? '').padEnd(3, '0').slice(0, 3);
  const parsed = Date.parse(`${match[1]}.${millis}${match[3]}`);
  return Number.isNaN(parsed) ? null : parsed;
}

/** Epoch nanoseconds (as JSON numbers lose the last digits, ms precision is all that is left). */
export function nanosToMs(nanos: number): number {
  return Math.floor(nanos / 1_000_000);
}

const NEW_YORK_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/New_York',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in New York (`2026-11-25`) of an instant given in epoch ms. */
export function newYorkDate(epochMs: number): string {
  return NEW_YORK_DATE.format(new Date(epochMs));
}
