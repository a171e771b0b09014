import { type FormEvent, useEffect, useId, useRef, useState } from 'react';

import type {
  ApiError,
  FilterCheckResponse,
  FilterFieldInfo,
} from '../../../src-main/shared/api-types';
import { checkFilter } from '../../api/filters-client';
import type { ApiResult } from '../../api/http-json';

/** How long typing must pause before the expression is checked with the server. */
export const CHECK_DEBOUNCE_MS = 400;

export type CheckFn = (expression: string) => Promise<ApiResult<FilterCheckResponse>>;

interface Props {
  /** The expression in force ('' for none). */
  applied: string;
  fields: readonly FilterFieldInfo[];
  onApply(expression: string): void;
  /**
   * An expression offered from outside (the builder): put in the box, checked, and applied when
   * valid. A new `seq` offers it again.
   */
  proposal?: { expression: string; seq: number } | null;
  /** Injected in tests; the API's `/api/filter-check` by default. */
  check?: CheckFn;
}

type Check =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'valid'; fields: string[] }
  | { kind: 'invalid'; error: ApiError; status: number };

/**
 * The custom-criteria box. It checks the expression with the server (the same parser the map's
 * query uses) after a pause in typing and on Enter, applies only valid expressions, and shows a
 * bad one's message, a caret under the wrong part and the fields that exist.
 */
export function CriteriaInput({
  applied,
  fields,
  onApply,
  proposal = null,
  check = checkFilter,
}: Props) {
  const id = useId();
  const [draft, setDraft] = useState(applied);
  const [state, setState] = useState<Check>({ kind: 'idle' });
  // The text in the box now: a check's answer only shows while its text is still there.
  const current = useRef(draft);
  current.current = draft;
  // One request per text at a time: Enter right after typing reuses the pending check.
  const pending = useRef(new Map<string, ReturnType<CheckFn>>());

  // A restored saved filter or a cleared view changes `applied` from outside.
  useEffect(() => setDraft(applied), [applied]);

  // The last answer, so a pause-check of text Enter already checked does not flicker.
  const last = useRef<{ expression: string; result: Awaited<ReturnType<CheckFn>> } | null>(null);

  const checkOnce = async (expression: string) => {
    if (last.current?.expression === expression) return last.current.result;
    let request = pending.current.get(expression);
    if (!request) {
      request = check(expression);
      pending.current.set(expression, request);
      void request.finally(() => pending.current.delete(expression));
    }
    const result = await request;
    // Only a definite answer is remembered; "could not check" is asked again.
    if (result.ok || result.status === 400) last.current = { expression, result };
    return result;
  };

  /** Checks `expression`; resolves to whether it is valid and still the box's text. */
  const run = async (expression: string): Promise<boolean> => {
    if (expression.trim() === '') {
      setState({ kind: 'idle' });
      return true;
    }
    if (last.current?.expression !== expression) setState({ kind: 'checking' });
    const result = await checkOnce(expression);
    if (expression !== current.current) return false;
    if (result.ok) setState({ kind: 'valid', fields: result.value.fields });
    else setState({ kind: 'invalid', error: result.error, status: result.status });
    return result.ok;
  };

  useEffect(() => {
    if (draft === applied) return;
    const timer = setTimeout(() => void run(draft), CHECK_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // Only a new draft starts a check; `run` and `applied` are read as they are then.
  }, [draft]);

  useEffect(() => {
    if (!proposal) return;
    current.current = proposal.expression;
    setDraft(proposal.expression);
    void run(proposal.expression).then((ok) => ok && onApply(proposal.expression.trim()));
    // Only a new proposal (its seq) acts.
  }, [proposal?.seq]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await run(draft)) onApply(draft.trim());
  };

  const clear = () => {
    current.current = '';
    setDraft('');
    setState({ kind: 'idle' });
    onApply('');
  };

  const invalid = state.kind === 'invalid';
  const describedBy = invalid ? `${id}-error` : `${id}-hint`;

  return (
    <form className="criteria" role="search" aria-label="Custom criteria" onSubmit={submit}>
      <label htmlFor={`${id}-input`} className="criteria-label">
        Criteria
      </label>
      <input
        id={`${id}-input`}
        className="criteria-input"
        type="text"
        spellCheck={false}
        autoComplete="off"
        placeholder="e.g. changePercent > 2 and marketCap > 100e9"
        value={draft}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onChange={(e) => setDraft(e.target.value)}
      />
      <button type="submit" disabled={draft.trim() === applied}>
        Apply
      </button>
      <button type="button" onClick={clear} disabled={draft === '' && applied === ''}>
        Clear
      </button>
      <span id={`${id}-hint`} className="sr-only">
        An expression over the quote fields, checked as you type. Enter applies it.
      </span>
      {state.kind === 'checking' && <span className="criteria-state">Checking…</span>}
      {state.kind === 'valid' && draft.trim() !== applied && (
        <span className="criteria-state criteria-ok">Valid — press Enter to apply</span>
      )}
      {invalid && (
        <CriteriaError
          id={`${id}-error`}
          error={state.error}
          status={state.status}
          fields={fields}
        />
      )}
    </form>
  );
}

interface ErrorProps {
  id: string;
  error: ApiError;
  status: number;
  fields: readonly FilterFieldInfo[];
}

/** What is wrong, where (the server's caret excerpt), and which fields exist. */
function CriteriaError({ id, error, status, fields }: ErrorProps) {
  const where = error.filterError;
  const names = fields.length > 0 ? fields.map((f) => f.name) : (error.accepted ?? []);
  return (
    <div id={id} className="criteria-error" role="alert">
      <p>
        {status === 400 ? '' : 'Could not check the criteria: '}
        {error.error}
        {where && !/character \d/.test(error.error) && ` (at character ${where.position + 1})`}
      </p>
      {where && (
        <pre className="criteria-excerpt" aria-label="Where the expression is wrong">
          {where.excerpt}
        </pre>
      )}
      {status === 400 && names.length > 0 && (
        <p className="criteria-fields">
          Fields you can use:{' '}
          {names.map((name, i) => (
            <span key={name}>
              {i > 0 && ', '}
              <code title={fields.find((f) => f.name === name)?.description}>{name}</code>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
