import { useId, useState } from 'react';

import type { FilterFieldInfo } from '../../../src-main/shared/api-types';
import {
  type BuilderJoin,
  type BuilderRow,
  buildExpression,
  operatorsFor,
} from './build-expression';

interface Props {
  fields: readonly FilterFieldInfo[];
  /** Puts the built expression into the criteria box (which checks and applies it). */
  onUse(expression: string): void;
}

const firstNumberField = (fields: readonly FilterFieldInfo[]) =>
  fields.find((f) => f.type === 'number') ?? fields[0];

function emptyRow(fields: readonly FilterFieldInfo[]): BuilderRow {
  const field = firstNumberField(fields);
  return { field: field?.name ?? '', op: operatorsFor(field)[0] ?? '>', value: '' };
}

/** Conditions picked from lists, for people who don't type expressions. */
export function CriteriaBuilder({ fields, onUse }: Props) {
  const id = useId();
  const [stored, setRows] = useState<BuilderRow[]>(() => [emptyRow(fields)]);
  // Rows made before the field list arrived name no field yet: give them the default one.
  const rows = stored.map((row) =>
    fields.some((f) => f.name === row.field) ? row : { ...emptyRow(fields), value: row.value },
  );
  const [join, setJoin] = useState<BuilderJoin>('and');
  const [problems, setProblems] = useState<Array<{ row: number; message: string }>>([]);

  const update = (i: number, patch: Partial<BuilderRow>) =>
    setRows(
      rows.map((row, j) => {
        if (j !== i) return row;
        const next = { ...row, ...patch };
        // A new field may not take the old operator (text fields have no `>`).
        const ops = operatorsFor(fields.find((f) => f.name === next.field));
        return ops.includes(next.op) ? next : { ...next, op: ops[0] ?? next.op };
      }),
    );

  const use = () => {
    const result = buildExpression(rows, join, fields);
    if (result.ok) {
      setProblems([]);
      onUse(result.expression);
    } else {
      setProblems(result.problems);
    }
  };

  if (fields.length === 0) {
    return <p className="builder-empty">The server has not said which fields exist yet.</p>;
  }

  return (
    <fieldset className="builder" aria-describedby={problems.length ? `${id}-problems` : undefined}>
      <legend>Build criteria</legend>
      {rows.map((row, i) => {
        const field = fields.find((f) => f.name === row.field);
        const n = i + 1;
        return (
          <div className="builder-row" key={i} role="group" aria-label={`Condition ${n}`}>
            <select
              aria-label={`Field of condition ${n}`}
              value={row.field}
              onChange={(e) => update(i, { field: e.target.value })}
            >
              {fields.map((f) => (
                <option key={f.name} value={f.name} title={f.description}>
                  {f.name}
                </option>
              ))}
            </select>
            <select
              aria-label={`Comparison of condition ${n}`}
              value={row.op}
              onChange={(e) => update(i, { op: e.target.value })}
            >
              {operatorsFor(field).map((op) => (
                <option key={op} value={op}>
                  {op}
                </option>
              ))}
            </select>
            <input
              type="text"
              aria-label={`Value of condition ${n}`}
              placeholder={field?.type === 'string' ? 'text' : 'number, e.g. 2 or 100B'}
              value={row.value}
              aria-invalid={problems.some((p) => p.row === n)}
              onChange={(e) => update(i, { value: e.target.value })}
            />
            <button
              type="button"
              aria-label={`Remove condition ${n}`}
              disabled={rows.length === 1}
              onClick={() => setRows(rows.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </div>
        );
      })}
      <div className="builder-actions">
        <button type="button" onClick={() => setRows([...rows, emptyRow(fields)])}>
          Add condition
        </button>
        <label>
          Match{' '}
          <select value={join} onChange={(e) => setJoin(e.target.value as BuilderJoin)}>
            <option value="and">all conditions (and)</option>
            <option value="or">any condition (or)</option>
          </select>
        </label>
        <button type="button" className="primary" onClick={use}>
          Use these criteria
        </button>
      </div>
      {problems.length > 0 && (
        <ul id={`${id}-problems`} className="builder-problems" role="alert">
          {problems.map((p) => (
            <li key={`${p.row}-${p.message}`}>
              {p.row > 0 ? `Condition ${p.row}: ` : ''}
              {p.message}
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
