/**
 * Clock times for messages, in the market's own zone (US Eastern), so "until 14:32:10 ET" means
 * the same to every user and in every test, whatever the machine's zone.
 */
import { NEW_YORK_TIME_ZONE } from './new-york-time.js';

const TIME_FORMAT = new Intl.DateTimeFormat('en-US', {
  timeZone: NEW_YORK_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const MINUTE_FORMAT = new Intl.DateTimeFormat('en-US', {
  timeZone: NEW_YORK_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `14:32:10 ET`. */
export function formatEasternTime(epochMs: number): string {
  return `${TIME_FORMAT.format(new Date(epochMs))} ET`;
}

/** `14:31 ET`. */
export function formatEasternMinute(epochMs: number): string {
  return `${MINUTE_FORMAT.format(new Date(epochMs))} ET`;
}

const DATE_MINUTE_FORMAT = new Intl.DateTimeFormat('en-US', {
  timeZone: NEW_YORK_TIME_ZONE,
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `Dec 4, 11:17 ET`: a moment that may lie on another day than today. */
export function formatEasternDateMinute(epochMs: number): string {
  return `${DATE_MINUTE_FORMAT.format(new Date(epochMs))} ET`;
}
