/**
 * The error of a bad custom-criteria expression: what is wrong, where (character offsets), and
 * an excerpt with a caret under the wrong part, ready for a monospace line under an input.
 */
import type { FilterErrorDetail } from '../../shared/api-types.js';

/** Longest excerpt line; longer expressions are shown as a window around the error. */
const EXCERPT_WIDTH = 80;
const ELLIPSIS = '…';

/** A parse or type error in a filter expression. */
export class FilterSyntaxError extends Error {
  override readonly name = 'FilterSyntaxError';

  constructor(
    message: string,
    readonly position: number,
    readonly end: number,
    readonly excerpt: string,
    /** Field names or operators the user may have meant, when that helps. */
    readonly accepted?: readonly string[],
  ) {
    super(message);
  }

  detail(): FilterErrorDetail {
    return { position: this.position, end: this.end, excerpt: this.excerpt };
  }
}

/** Narrows an unknown thrown value to a FilterSyntaxError. */
export function isFilterSyntaxError(value: unknown): value is FilterSyntaxError {
  return value instanceof FilterSyntaxError;
}

/**
 * Two lines: the expression (or a window of it) and carets under `[position, end)`. Newlines
 * and tabs show as spaces so the caret stays under the right character.
 */
export function caretExcerpt(expression: string, position: number, end: number): string {
  const flat = expression.replace(/[\r\n\t]/g, ' ');
  const width = Math.max(1, end - position);

  let start = 0;
  let prefix = '';
  if (flat.length > EXCERPT_WIDTH && position > EXCERPT_WIDTH / 2) {
    start = position - Math.floor(EXCERPT_WIDTH / 2);
    prefix = ELLIPSIS;
  }
  const stop = start + EXCERPT_WIDTH;
  const suffix = flat.length > stop ? ELLIPSIS : '';
  const line = prefix + flat.slice(start, stop) + suffix;
  const caretAt = prefix.length + position - start;
  const carets = '^'.repeat(Math.min(width, Math.max(1, line.length - caretAt)));
  return `${line}\n${' '.repeat(caretAt)}${carets}`;
}

/** Builds a FilterSyntaxError for `[position, end)` of `expression`. */
export function filterError(
  expression: string,
  message: string,
  position: number,
  end = position + 1,
  accepted?: readonly string[],
): FilterSyntaxError {
  const at = `${message} (at character ${position + 1})`;
  return new FilterSyntaxError(
    at,
    position,
    Math.max(end, position + 1),
    caretExcerpt(expression, position, end),
    accepted,
  );
}
