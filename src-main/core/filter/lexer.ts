/**
 * Tokens of the custom-criteria language: identifiers (fields and keywords), numbers with an
 * optional size suffix (10M, 100B, 2.5T) or `%`, quoted strings, comparison operators,
 * parentheses and commas. Every token keeps its character offsets for error carets.
 */
import { filterError } from './filter-error.js';

export type TokenKind =
  'identifier' | 'number' | 'string' | 'operator' | 'lparen' | 'rparen' | 'comma' | 'end';

export interface Token {
  kind: TokenKind;
  /** The source text of the token (strings: unquoted and unescaped). */
  text: string;
  /** Numbers only: the value with the suffix applied. */
  value?: number;
  /** Numbers only: written with a `%` sign. */
  percent?: boolean;
  start: number;
  end: number;
}

/** Multipliers of number suffixes, case-insensitive: 10k, 10M, 100B, 2.5T. */
export const NUMBER_SUFFIXES: Readonly<Record<string, number>> = {
  k: 1e3,
  m: 1e6,
  b: 1e9,
  t: 1e12,
};

/** Comparison operators, longest first so `<=` wins over `<`. */
export const COMPARISON_OPERATORS = ['<=', '>=', '!=', '<>', '==', '<', '>', '='] as const;

const IDENTIFIER_START = /[A-Za-z_]/;
const IDENTIFIER_PART = /[A-Za-z0-9_.]/;
const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;

/** Splits an expression into tokens, ending with an `end` token; throws FilterSyntaxError. */
export function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;

  while (i < expression.length) {
    const char = expression[i] as string;
    if (/\s/.test(char)) {
      i += 1;
      continue;
    }

    const single = singleCharToken(char, i);
    if (single) {
      tokens.push(single);
      i += 1;
      continue;
    }

    const operator = COMPARISON_OPERATORS.find((op) => expression.startsWith(op, i));
    if (operator) {
      tokens.push({ kind: 'operator', text: operator, start: i, end: i + operator.length });
      i += operator.length;
      continue;
    }

    const token =
      readNumber(expression, i) ?? readString(expression, i) ?? readIdentifier(expression, i);
    tokens.push(token);
    i = token.end;
  }

  tokens.push({ kind: 'end', text: '', start: expression.length, end: expression.length });
  return tokens;
}

function singleCharToken(char: string, at: number): Token | undefined {
  const kind: TokenKind | undefined =
    char === '(' ? 'lparen' : char === ')' ? 'rparen' : char === ',' ? 'comma' : undefined;
  return kind ? { kind, text: char, start: at, end: at + 1 } : undefined;
}

function readNumber(expression: string, start: number): Token | undefined {
  const match = NUMBER.exec(expression.slice(start));
  if (!match) return undefined;

  let end = start + match[0].length;
  let value = Number(match[0]);
  const next = expression[end] ?? '';
  const multiplier = NUMBER_SUFFIXES[next.toLowerCase()];
  if (multiplier !== undefined && !IDENTIFIER_PART.test(expression[end + 1] ?? '')) {
    value *= multiplier;
    end += 1;
  }

  let percent = false;
  if (expression[end] === '%') {
    percent = true;
    end += 1;
  }

  if (IDENTIFIER_PART.test(expression[end] ?? '')) {
    const bad = end;
    while (IDENTIFIER_PART.test(expression[end] ?? '')) end += 1;
    throw filterError(
      expression,
      `"${expression.slice(start, end)}" is not a number; suffixes are k, M, B and T`,
      start,
      Math.max(end, bad + 1),
      Object.keys(NUMBER_SUFFIXES),
    );
  }
  if (!Number.isFinite(value)) {
    throw filterError(expression, 'number is too large', start, end);
  }
  return { kind: 'number', text: expression.slice(start, end), value, percent, start, end };
}

function readString(expression: string, start: number): Token | undefined {
  const quote = expression[start];
  if (quote !== '"' && quote !== "'") return undefined;

  let text = '';
  let i = start + 1;
  while (i < expression.length) {
    const char = expression[i] as string;
    if (char === '\\' && i + 1 < expression.length) {
      text += expression[i + 1];
      i += 2;
      continue;
    }
    if (char === quote) return { kind: 'string', text, start, end: i + 1 };
    text += char;
    i += 1;
  }
  throw filterError(expression, `string is not closed: add a ${quote}`, start, expression.length);
}

function readIdentifier(expression: string, start: number): Token {
  if (!IDENTIFIER_START.test(expression[start] ?? '')) {
    const char = expression[start] ?? '';
    throw filterError(expression, `unexpected character "${char}"`, start, start + 1, [
      ...COMPARISON_OPERATORS,
      '(',
      ')',
      ',',
    ]);
  }
  let end = start + 1;
  while (IDENTIFIER_PART.test(expression[end] ?? '')) end += 1;
  return { kind: 'identifier', text: expression.slice(start, end), start, end };
}
