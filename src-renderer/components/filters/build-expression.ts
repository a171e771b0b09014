/**
 * The criteria builder's model: rows of field, operator and value joined by `and` or `or`,
 * turned into the same expression text a user would type (`changePercent > 2 and marketCap >
 * 100e9`). Pure, so the builder's output is tested without rendering.
 */
import type { FilterFieldInfo } from '../../../src-main/shared/api-types';

export interface BuilderRow {
  field: string;
  op: string;
  value: string;
}

export type BuilderJoin = 'and' | 'or';

export const NUMBER_OPS = ['>', '>=', '<', '<=', '=', '!='] as const;
export const STRING_OPS = ['=', '!=', 'contains'] as const;

export type BuildResult =
  | { ok: true; expression: string }
  | { ok: false; problems: Array<{ row: number; message: string }> };

/** Suffixes people write for large numbers, as powers of ten. */
const SUFFIX_EXPONENT: Readonly<Record<string, number>> = { k: 3, m: 6, b: 9, t: 12 };
const NUMBER_RE = /^([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*([kmbt])?$/i;

/**
 * A number as the expression language writes it: `100B` → `100e9`, `1.5k` → `1.5e3`, plain
 * numbers unchanged. Null when the text is not a number. Commas and `$`/`%` are allowed noise.
 */
export function numberLiteral(text: string): string | null {
  const cleaned = text.replace(/[,$%\s]/g, '');
  const m = NUMBER_RE.exec(cleaned);
  if (!m?.[1]) return null;
  const suffix = m[2]?.toLowerCase();
  return suffix ? `${m[1]}e${SUFFIX_EXPONENT[suffix]}` : m[1];
}

/** A double-quoted string literal with `"` and `\` escaped. */
export function stringLiteral(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Operators that make sense for a field. */
export function operatorsFor(field: FilterFieldInfo | undefined): readonly string[] {
  return field?.type === 'string' ? STRING_OPS : NUMBER_OPS;
}

/** Builds the expression, or lists each row's problem (1-based row numbers). */
export function buildExpression(
  rows: readonly BuilderRow[],
  join: BuilderJoin,
  fields: readonly FilterFieldInfo[],
): BuildResult {
  const parts: string[] = [];
  const problems: Array<{ row: number; message: string }> = [];

  rows.forEach((row, i) => {
    const n = i + 1;
    const field = fields.find((f) => f.name === row.field);
    if (!field) return problems.push({ row: n, message: `Choose a field.` });
    if (!operatorsFor(field).includes(row.op)) {
      return problems.push({ row: n, message: `"${row.op}" does not apply to ${field.name}.` });
    }

    if (field.type === 'number') {
      const literal = numberLiteral(row.value);
      if (literal === null) {
        return problems.push({
          row: n,
          message: `${field.name} needs a number, such as 2, -1.5 or 100B (got "${row.value}").`,
        });
      }
      parts.push(`${field.name} ${row.op} ${literal}`);
    } else {
      if (row.value.trim() === '') {
        return problems.push({ row: n, message: `${field.name} needs some text to compare.` });
      }
      parts.push(`${field.name} ${row.op} ${stringLiteral(row.value.trim())}`);
    }
    return undefined;
  });

  if (rows.length === 0) problems.push({ row: 0, message: 'Add at least one condition.' });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, expression: parts.join(` ${join} `) };
}
