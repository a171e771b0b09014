/**
 * A recursive-descent parser for custom criteria, checked against the field list as it goes.
 *
 * Hand-written rather than a library: no expression parser is installed, and the ones on npm
 * (jsep, filtrex) speak JavaScript-like syntax (`&&`, no `100B` sizes, no `in (…)` lists with
 * typed fields) and report errors without the offsets our caret excerpt needs; adapting either
 * would be as much code as this grammar:
 *
 *   expression := or
 *   or         := and ("or" and)*
 *   and        := unary ("and" unary)*
 *   unary      := "not" unary | "(" expression ")" | condition
 *   condition  := field operator literal
 *               | field ["not"] "in" "(" literal ("," literal)* ")"
 *               | field "contains" string
 *
 * Keywords and field names are case-insensitive; string comparison is case-insensitive too.
 */
import { FILTER_FIELDS, type FilterField, findField } from './fields.js';
import { filterError } from './filter-error.js';
import { type Token, tokenize } from './lexer.js';

export type CompareOperator = '<' | '<=' | '>' | '>=' | '=' | '!=';
export type Literal = number | string;

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'compare'; field: FilterField; operator: CompareOperator; value: Literal }
  | { kind: 'in'; field: FilterField; values: Literal[]; negated: boolean }
  | { kind: 'contains'; field: FilterField; value: string };

/** Longest expression accepted (a URL parameter; a person types far less). */
export const MAX_EXPRESSION_LENGTH = 2_000;
/** Deepest nesting of parentheses and `not`, so a hostile query cannot exhaust the stack. */
export const MAX_DEPTH = 64;

/** Keywords and operators, for help texts and error messages. */
export const FILTER_OPERATORS: readonly string[] = [
  'and',
  'or',
  'not',
  '=',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  'in',
  'not in',
  'contains',
];

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'contains']);
const OPERATOR_ALIASES: Readonly<Record<string, CompareOperator>> = { '==': '=', '<>': '!=' };
const FIELD_NAMES = FILTER_FIELDS.map((field) => field.name);

/** Parses and type-checks an expression; throws FilterSyntaxError with the offending offsets. */
export function parseFilter(expression: string): FilterNode {
  if (expression.length > MAX_EXPRESSION_LENGTH) {
    throw filterError(
      expression,
      `expression is too long (at most ${MAX_EXPRESSION_LENGTH} characters)`,
      MAX_EXPRESSION_LENGTH,
      expression.length,
    );
  }
  if (expression.trim() === '') {
    throw filterError(expression, 'expression is empty: name a field, e.g. changePercent > 2', 0);
  }
  return new Parser(expression, tokenize(expression)).parse();
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly expression: string,
    private readonly tokens: readonly Token[],
  ) {}

  parse(): FilterNode {
    const node = this.parseOr();
    const next = this.peek();
    if (next.kind !== 'end') {
      throw this.error(`expected "and", "or" or the end, found ${describe(next)}`, next, [
        'and',
        'or',
      ]);
    }
    return node;
  }

  private parseOr(): FilterNode {
    let left = this.parseAnd();
    while (this.isKeyword(this.peek(), 'or')) {
      this.index += 1;
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): FilterNode {
    let left = this.parseUnary();
    while (this.isKeyword(this.peek(), 'and')) {
      this.index += 1;
      left = { kind: 'and', left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): FilterNode {
    const token = this.peek();
    this.depth += 1;
    if (this.depth > MAX_DEPTH) throw this.error(`nested deeper than ${MAX_DEPTH} levels`, token);
    try {
      if (this.isKeyword(token, 'not')) {
        this.index += 1;
        return { kind: 'not', operand: this.parseUnary() };
      }
      if (token.kind === 'lparen') {
        this.index += 1;
        const inner = this.parseOr();
        this.expect('rparen', `expected ")" to close the "(" at character ${token.start + 1}`);
        return inner;
      }
      return this.parseCondition();
    } finally {
      this.depth -= 1;
    }
  }

  private parseCondition(): FilterNode {
    const field = this.parseField();
    const token = this.peek();

    if (token.kind === 'operator') {
      this.index += 1;
      const operator = OPERATOR_ALIASES[token.text] ?? (token.text as CompareOperator);
      const value = this.parseLiteral(field);
      if (typeof value === 'string' && operator !== '=' && operator !== '!=') {
        const message = `"${operator}" compares numbers; ${field.name} is text`;
        throw this.error(message, token, ['=', '!=']);
      }
      return { kind: 'compare', field, operator, value };
    }
    if (this.isKeyword(token, 'contains')) {
      this.index += 1;
      const value = this.parseLiteral(field);
      if (typeof value !== 'string') throw this.error('"contains" needs text', this.previous());
      return { kind: 'contains', field, value };
    }

    const negated = this.isKeyword(token, 'not');
    if (negated) this.index += 1;
    if (this.isKeyword(this.peek(), 'in')) {
      this.index += 1;
      return { kind: 'in', field, values: this.parseList(field), negated };
    }

    const found = this.peek();
    throw this.error(`expected an operator after ${field.name}, found ${describe(found)}`, found, [
      ...FILTER_OPERATORS.filter((op) => !['and', 'or', 'not'].includes(op)),
    ]);
  }

  private parseField(): FilterField {
    const token = this.peek();
    if (token.kind !== 'identifier' || KEYWORDS.has(token.text.toLowerCase())) {
      throw this.error(`expected a field name, found ${describe(token)}`, token, FIELD_NAMES);
    }
    const field = findField(token.text);
    if (!field) {
      const hint = suggest(token.text);
      const message = hint
        ? `unknown field "${token.text}" (did you mean ${hint}?)`
        : `unknown field "${token.text}"`;
      throw this.error(message, token, FIELD_NAMES);
    }
    this.index += 1;
    return field;
  }

  private parseList(field: FilterField): Literal[] {
    this.expect('lparen', 'expected "(" to start the list after "in"');
    const values = [this.parseLiteral(field)];
    while (this.peek().kind === 'comma') {
      this.index += 1;
      values.push(this.parseLiteral(field));
    }
    this.expect('rparen', 'expected "," or ")" in the list');
    return values;
  }

  /** A literal of the field's type; bare words get a hint to quote them. */
  private parseLiteral(field: FilterField): Literal {
    const token = this.peek();
    if (token.kind === 'number' && field.type === 'number') {
      if (token.percent && !field.percent) {
        throw this.error(`${field.name} is not a percentage; drop the "%"`, token);
      }
      this.index += 1;
      return token.value as number;
    }
    if (token.kind === 'string' && field.type === 'string') {
      this.index += 1;
      return this.checkEnumerated(field, token);
    }

    if (field.type === 'string' && (token.kind === 'identifier' || token.kind === 'number')) {
      const message = `${field.name} is text: put the value in quotes, e.g. "${token.text}"`;
      throw this.error(message, token);
    }
    const wanted = field.type === 'number' ? 'a number (e.g. 2, 1.5, 100B)' : 'quoted text';
    throw this.error(`${field.name} needs ${wanted}, found ${describe(token)}`, token);
  }

  private checkEnumerated(field: FilterField, token: Token): string {
    const value = token.text;
    if (field.values && !field.values.includes(value.toLowerCase())) {
      throw this.error(
        `${field.name} is one of ${field.values.join(', ')}; "${value}" never matches`,
        token,
        field.values,
      );
    }
    return value;
  }

  private expect(kind: Token['kind'], message: string): void {
    const token = this.peek();
    if (token.kind !== kind) throw this.error(`${message}, found ${describe(token)}`, token);
    this.index += 1;
  }

  private isKeyword(token: Token, keyword: string): boolean {
    return token.kind === 'identifier' && token.text.toLowerCase() === keyword;
  }

  private peek(): Token {
    return this.tokens[this.index] ?? (this.tokens[this.tokens.length - 1] as Token);
  }

  private previous(): Token {
    return this.tokens[this.index - 1] ?? this.peek();
  }

  private error(message: string, token: Token, accepted?: readonly string[]) {
    return filterError(this.expression, message, token.start, token.end, accepted);
  }
}

function describe(token: Token): string {
  return token.kind === 'end' ? 'the end of the expression' : `"${token.text}"`;
}

/** The closest field name by edit distance, when it is close enough to be a typo. */
function suggest(name: string): string | undefined {
  const lower = name.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const candidate of FIELD_NAMES) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(lower.length / 3)) ? best.name : undefined;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const next = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      next.push(Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + cost));
    }
    row = next;
  }
  return row[b.length] ?? 0;
}
