/**
 * The one entry point to custom criteria: compile an expression once, then test rows with it.
 * Used by the stocks query (`?filter=`), saved filters, and the alerts' criteria rules.
 */
import type { StockRow } from '../../shared/api-types.js';
import { matchesFilter } from './evaluate.js';
import { type FilterSyntaxError, isFilterSyntaxError } from './filter-error.js';
import { type FilterNode, parseFilter } from './parser.js';

/** A compiled expression: its source, the fields it reads, and the row test. */
export interface CompiledFilter {
  expression: string;
  fields: string[];
  test(row: StockRow): boolean;
}

export type CompileResult =
  { ok: true; filter: CompiledFilter } | { ok: false; error: FilterSyntaxError };

function fieldsOf(node: FilterNode, into: Set<string>): Set<string> {
  switch (node.kind) {
    case 'and':
    case 'or':
      fieldsOf(node.left, into);
      return fieldsOf(node.right, into);
    case 'not':
      return fieldsOf(node.operand, into);
    case 'compare':
    case 'in':
    case 'contains':
      return into.add(node.field.name);
    default: {
      const unexpected: never = node;
      return unexpected;
    }
  }
}

/** Compiles an expression, or returns the error with its position; never throws on bad input. */
export function compileFilter(expression: string): CompileResult {
  try {
    const node = parseFilter(expression);
    return {
      ok: true,
      filter: {
        expression,
        fields: [...fieldsOf(node, new Set())],
        test: (row) => matchesFilter(node, row),
      },
    };
  } catch (error) {
    if (isFilterSyntaxError(error)) return { ok: false, error };
    throw error;
  }
}
