/** Durations in plain words for messages: "45 s", "8 min", "2.3 h", "1.9 days", "8 days". */

const MS_PER_SECOND = 1000;
const SECONDS_PER_MINUTE = 60;
const SECONDS_PER_HOUR = 3600;
const SECONDS_PER_DAY = 86_400;

/** A rounded, human duration of `ms`. */
export function formatDuration(ms: number): string {
  const seconds = ms / MS_PER_SECOND;
  if (seconds < SECONDS_PER_MINUTE) return `${Math.round(seconds)} s`;
  if (seconds < SECONDS_PER_HOUR) return `${Math.round(seconds / SECONDS_PER_MINUTE)} min`;
  if (seconds < SECONDS_PER_DAY) return `${(seconds / SECONDS_PER_HOUR).toFixed(1)} h`;
  // Past two days the tenths say nothing the user needs: whole days, counted down ("8 days").
  if (seconds < 2 * SECONDS_PER_DAY) return `${(seconds / SECONDS_PER_DAY).toFixed(1)} days`;
  return `${Math.floor(seconds / SECONDS_PER_DAY)} days`;
}
