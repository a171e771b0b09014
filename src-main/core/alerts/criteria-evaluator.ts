/**
 * Custom-criteria alerts speak the same expression language as the map's filter
 * (`?filter=` and saved filters), so a rule is compiled by the one filter compiler and a bad
 * expression is refused with the same message, position and accepted fields.
 */
import { compileFilter } from '../filter/compile-filter.js';
import type { CriteriaEvaluator } from './alert-monitor.js';

export const evaluateCriteria: CriteriaEvaluator = (expression) => {
  const compiled = compileFilter(expression);
  if (!compiled.ok) {
    const { message, excerpt, accepted } = compiled.error;
    const hint = accepted && accepted.length > 0 ? ` (accepted: ${accepted.join(', ')})` : '';
    return { ok: false, error: `${message}${hint}\n${excerpt}` };
  }
  return { ok: true, matches: (row) => compiled.filter.test(row) };
};
