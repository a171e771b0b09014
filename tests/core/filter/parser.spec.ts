import { describe, expect, it } from 'vitest';

import { compileFilter } from '../../../src-main/core/filter/compile-filter.js';
import type { FilterSyntaxError } from '../../../src-main/core/filter/filter-error.js';
import { MAX_DEPTH, parseFilter } from '../../../src-main/core/filter/parser.js';

function errorOf(expression: string): FilterSyntaxError {
  const result = compileFilter(expression);
  if (result.ok) throw new Error(`expected "${expression}" to be refused`);
  return result.error;
}

describe('parseFilter (valid expressions)', () => {
  it('parses comparisons joined by and/or with "and" binding tighter', () => {
    const node = parseFilter('price > 1 or price < 2 and volume > 3');

    expect(node.kind).toBe('or');
    expect(node.kind === 'or' && node.right.kind).toBe('and');
  });

  it('reads size suffixes and exponents as numbers', () => {
    for (const [text, value] of [
      ['100B', 100e9],
      ['2.5T', 2.5e12],
      ['10M', 10e6],
      ['5k', 5e3],
      ['100e9', 100e9],
      ['-1.5', -1.5],
    ] as const) {
      const node = parseFilter(`marketCap > ${text}`);
      expect(node.kind === 'compare' && node.value, text).toBe(value);
    }
  });

  it('accepts a % sign on percent fields as the plain number', () => {
    const node = parseFilter('changePercent >= 2%');

    expect(node).toMatchObject({ kind: 'compare', operator: '>=', value: 2 });
  });

  it('parses in-lists, not in, contains, not and parentheses', () => {
    expect(parseFilter('symbol in ("AAPL", \'MSFT\')')).toMatchObject({
      kind: 'in',
      values: ['AAPL', 'MSFT'],
      negated: false,
    });
    expect(parseFilter('sector not in ("Energy")')).toMatchObject({ kind: 'in', negated: true });
    expect(parseFilter('name contains "bank"')).toMatchObject({ kind: 'contains', value: 'bank' });
    expect(parseFilter('not (price < 10)')).toMatchObject({
      kind: 'not',
      operand: { kind: 'compare' },
    });
  });

  it('takes keywords, field names and == / <> in any case', () => {
    expect(parseFilter('CHANGEPERCENT > 2 AND Sector == "Energy"').kind).toBe('and');
    expect(parseFilter('status <> "live"')).toMatchObject({ operator: '!=' });
  });

  it('lists the fields an expression reads', () => {
    const result = compileFilter('change1w > 5 and (sector = "Energy" or change1w < -5)');

    expect(result.ok && result.filter.fields).toEqual(['change1w', 'sector']);
  });
});

describe('parseFilter (errors with positions)', () => {
  it('names an unknown field, suggests the near one and lists every field', () => {
    const error = errorOf('changePercnt > 2');

    expect(error.message).toBe(
      'unknown field "changePercnt" (did you mean changePercent?) (at character 1)',
    );
    expect(error.position).toBe(0);
    expect(error.end).toBe(12);
    expect(error.excerpt).toBe('changePercnt > 2\n^^^^^^^^^^^^');
    expect(error.accepted).toContain('marketCap');
    expect(error.accepted).toContain('change1w');
  });

  it('points at a missing value at the end of the expression', () => {
    const error = errorOf('price >');

    expect(error.message).toMatch(/price needs a number .*found the end of the expression/);
    expect(error.position).toBe(7);
    expect(error.excerpt).toBe('price >\n       ^');
  });

  it('asks for quotes around a bare text value', () => {
    const error = errorOf('symbol = AAPL');

    expect(error.message).toMatch(/symbol is text: put the value in quotes, e.g. "AAPL"/);
    expect(error.position).toBe(9);
  });

  it('refuses an unclosed parenthesis, naming where it opened', () => {
    const error = errorOf('(price > 2 and volume > 1');

    expect(error.message).toMatch(/expected "\)" to close the "\(" at character 1/);
    expect(error.position).toBe(25);
  });

  it('refuses an unclosed string', () => {
    expect(errorOf('sector = "Energy').message).toMatch(/string is not closed/);
  });

  it('refuses an unknown suffix and a stray character', () => {
    expect(errorOf('marketCap > 10X').message).toMatch(
      /"10X" is not a number; suffixes are k, M, B and T/,
    );
    const stray = errorOf('price > 1 & volume > 2');
    expect(stray.message).toMatch(/unexpected character "&"/);
    expect(stray.position).toBe(10);
  });

  it('refuses ordering on text, % on non-percent fields and unknown status values', () => {
    expect(errorOf('sector > "A"').message).toMatch(/">" compares numbers; sector is text/);
    expect(errorOf('marketCap > 2%').message).toMatch(/marketCap is not a percentage/);
    expect(errorOf('status = "gone"').message).toMatch(
      /status is one of live, delayed, stale, missing, closed/,
    );
    expect(errorOf('price = "cheap"').message).toMatch(/price needs a number/);
  });

  it('refuses trailing tokens, a missing operator and an empty expression', () => {
    expect(errorOf('price > 1 price').message).toMatch(
      /expected "and", "or" or the end, found "price"/,
    );
    expect(errorOf('price 1').message).toMatch(/expected an operator after price, found "1"/);
    expect(errorOf('   ').message).toMatch(/expression is empty/);
    expect(errorOf('price > 1 and').message).toMatch(/expected a field name, found the end/);
  });

  it('refuses nesting deeper than the limit instead of overflowing the stack', () => {
    const deep = `${'('.repeat(MAX_DEPTH + 1)}price > 1${')'.repeat(MAX_DEPTH + 1)}`;

    expect(errorOf(deep).message).toMatch(/nested deeper than 64 levels/);
  });

  it('shows a window of a long expression with the caret under the error', () => {
    const long = `${'price > 1 and '.repeat(10)}pryce > 2`;
    const error = errorOf(long);
    const [line, carets] = error.excerpt.split('\n') as [string, string];

    expect(line.startsWith('…')).toBe(true);
    expect(line.slice(carets.indexOf('^'), carets.lastIndexOf('^') + 1)).toBe('pryce');
  });
});
