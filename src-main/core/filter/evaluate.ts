/**
 * Evaluates a parsed filter against a row with three-valued logic: a comparison with a missing
 * value (null) is *unknown*, `not unknown` stays unknown, `and`/`or` follow Kleene's tables,
 * and a row is kept only when the whole expression is *true*. So `price < 10` and
 * `not (price < 10)` both leave out a row without a price, as a person reading them expects.
 */
import type { StockRow } from '../../shared/api-types.js';
import type { FilterNode, Literal } from './parser.js';

/** true, false, or null for unknown. */
type Truth = boolean | null;

/** Whether the row matches: only a definite true keeps it. */
export function matchesFilter(node: FilterNode, row: StockRow): boolean {
  return evaluate(node, row) === true;
}

/** The three-valued result of a node. */
export function evaluate(node: FilterNode, row: StockRow): Truth {
  switch (node.kind) {
    case 'and': {
      const left = evaluate(node.left, row);
      if (left === false) return false;
      const right = evaluate(node.right, row);
      if (right === false) return false;
      return left === null || right === null ? null : true;
    }
    case 'or': {
      const left = evaluate(node.left, row);
      if (left === true) return true;
      const right = evaluate(node.right, row);
      if (right === true) return true;
      return left === null || right === null ? null : false;
    }
    case 'not': {
      const operand = evaluate(node.operand, row);
      return operand === null ? null : !operand;
    }
    case 'compare': {
      const value = node.field.read(row);
      if (value === null) return null;
      return compare(value, node.operator, node.value);
    }
    case 'in': {
      const value = node.field.read(row);
      if (value === null) return null;
      const found = node.values.some((candidate) => equals(value, candidate));
      return node.negated ? !found : found;
    }
    case 'contains': {
      const value = node.field.read(row);
      if (value === null) return null;
      return String(value).toLowerCase().includes(node.value.toLowerCase());
    }
    default: {
      const unexpected: never = node;
      throw new Error(`evaluate filter: unknown node ${JSON.stringify(unexpected)}`);
    }
  }
}

function equals(value: Literal, literal: Literal): boolean {
  if (typeof value === 'string' && typeof literal === 'string') {
    return value.toLowerCase() === literal.toLowerCase();
  }
  return value === literal;
}

function compare(value: Literal, operator: string, literal: Literal): boolean {
  if (operator === '=') return equals(value, literal);
  if (operator === '!=') return !equals(value, literal);
  // The parser only lets numbers reach the ordering operators.
  if (typeof value !== 'number' || typeof literal !== 'number') return false;
  if (operator === '<') return value < literal;
  if (operator === '<=') return value <= literal;
  if (operator === '>') return value > literal;
  return value >= literal;
}
