/**
 * Reads the numbers providers send as text: `"148.85001"`, `"-0.5852%"`, `"None"`, `""`.
 * Anything that is not a finite number becomes null, never 0, so a quirk cannot turn into a price.
 */

/** Parses a decimal given as a number or string; null for empty, `None`, `NaN` and the like. */
export function parseDecimal(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;

  const text = value.trim();
  if (text === '' || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return null;
  const parsed = Number(text);
  return Number.isFinite(parsed) ? parsed : null;
}

/** Parses a percent with or without a trailing `%` sign (`"-0.5852%"` → −0.5852). */
export function parsePercent(value: unknown): number | null {
  if (typeof value === 'string') return parseDecimal(value.trim().replace(/%$/, ''));
  return parseDecimal(value);
}

/** The value when it is a finite number above zero, else null (a price or close of 0 means "none"). */
export function positiveOrNull(value: number | null | undefined): number | null {
  return value !== null && value !== undefined && Number.isFinite(value) && value > 0
    ? value
    : null;
}

/** The value when it is a finite number of at least zero (volumes), else null. */
export function nonNegativeOrNull(value: number | null | undefined): number | null {
  return value !== null && value !== undefined && Number.isFinite(value) && value >= 0
    ? value
    : null;
}

/**
 * The previous close implied by a price and a percent change, for providers that send the change
 * but not the close. Null when the change is −100 % or worse (no sane close implies it).
 */
export function impliedPreviousClose(price: number, changePercent: number | null): number | null {
  if (changePercent === null || changePercent <= -100) return null;
  return positiveOrNull(price / (1 + changePercent / 100));
}
