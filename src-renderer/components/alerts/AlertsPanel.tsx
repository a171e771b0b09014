import './alerts.css';

import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';

import type { AlertsResponse } from '../../../src-main/shared/alert-types';
import { createAlert, deleteAlert, listAlerts } from '../../api/alerts-client';
import {
  describeRule,
  directionsOf,
  EMPTY_DRAFT,
  KIND_LABELS,
  type RuleDraft,
  type RuleKind,
  toRuleInput,
} from './rule-form';

export interface AlertsPanelProps {
  /** Sector names for sector rules, as the map spells them. */
  sectors: readonly string[];
  /** Pre-fills the symbol (opened from a tile). */
  initialSymbol?: string;
  onClose(): void;
}

const STATE_LABELS = { armed: 'waiting', met: 'met now', 'no-data': 'no data yet' } as const;
const VALUE_LABELS: Record<RuleKind, string> = {
  price: 'Level ($)',
  move: 'Move (%)',
  sector: 'Move (%)',
  breadth: 'Share (%)',
  criteria: '',
};

/**
 * The Alerts panel: the rules with their state, a form to add one, and the recent firings. It
 * talks to `/api/alerts`, so it works in the app and in a browser alike. Like Settings, Escape
 * or Close closes it; focus moves into it on open and back to the opener on close.
 */
export function AlertsPanel({ sectors, initialSymbol, onClose }: AlertsPanelProps) {
  const [data, setData] = useState<AlertsResponse | null>(null);
  const [draft, setDraft] = useState<RuleDraft>({ ...EMPTY_DRAFT, symbol: initialSymbol ?? '' });
  const [error, setError] = useState<string | null>(null);
  const panel = useRef<HTMLElement>(null);
  // The parent passes a new onClose on every render (live ticks); the key listener must not
  // re-run its focus steps for that, so it reads the latest one through a ref.
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    panel.current?.focus();
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') close.current();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      opener?.focus?.();
    };
  }, []);

  const reload = useCallback(async () => {
    const result = await listAlerts();
    if (result.ok) setData(result.value);
    else setError(result.error.error);
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = toRuleInput(draft);
    if (!input.ok) {
      setError(input.error);
      return;
    }
    const result = await createAlert(input.rule);
    if (!result.ok) {
      setError(result.error.error);
      return;
    }
    setError(null);
    setDraft({ ...draft, value: '', expression: '' });
    await reload();
  };

  const remove = async (id: string) => {
    const result = await deleteAlert(id);
    if (!result.ok) setError(result.error.error);
    await reload();
  };

  const setKind = (kind: RuleKind) =>
    setDraft({ ...draft, kind, direction: directionsOf(kind)[0] ?? 'above' });

  return (
    <section ref={panel} className="alerts-panel" role="dialog" aria-label="Alerts" tabIndex={-1}>
      <header className="alerts-panel__head">
        <h2>Alerts</h2>
        <button type="button" onClick={onClose} aria-label="Close alerts">
          ×
        </button>
      </header>

      <form className="alerts-panel__form" onSubmit={(e) => void submit(e)}>
        <label>
          Rule
          <select value={draft.kind} onChange={(e) => setKind(e.target.value as RuleKind)}>
            {(Object.keys(KIND_LABELS) as RuleKind[])
              .filter((kind) => kind !== 'criteria' || data?.criteriaAvailable === true)
              .map((kind) => (
                <option key={kind} value={kind}>
                  {KIND_LABELS[kind]}
                </option>
              ))}
          </select>
        </label>
        {(draft.kind === 'price' || draft.kind === 'move') && (
          <label>
            Symbol
            <input
              value={draft.symbol}
              onChange={(e) => setDraft({ ...draft, symbol: e.target.value })}
              placeholder="AAPL"
            />
          </label>
        )}
        {draft.kind === 'sector' && (
          <label>
            Sector
            <select
              value={draft.sector}
              onChange={(e) => setDraft({ ...draft, sector: e.target.value })}
            >
              <option value="">Choose…</option>
              {sectors.map((sector) => (
                <option key={sector}>{sector}</option>
              ))}
            </select>
          </label>
        )}
        {draft.kind === 'criteria' && (
          <label className="alerts-panel__expression">
            Expression (as in the filter box)
            <input
              value={draft.expression}
              onChange={(e) => setDraft({ ...draft, expression: e.target.value })}
              placeholder="changePercent > 2 and marketCap > 100B"
              spellCheck={false}
            />
          </label>
        )}
        {draft.kind !== 'criteria' && (
          <label>
            Direction
            <select
              value={draft.direction}
              onChange={(e) => setDraft({ ...draft, direction: e.target.value })}
            >
              {directionsOf(draft.kind).map((direction) => (
                <option key={direction}>{direction}</option>
              ))}
            </select>
          </label>
        )}
        {draft.kind !== 'criteria' && (
          <label>
            {VALUE_LABELS[draft.kind]}
            <input
              inputMode="decimal"
              value={draft.value}
              onChange={(e) => setDraft({ ...draft, value: e.target.value })}
            />
          </label>
        )}
        <button type="submit">Add alert</button>
        {error && (
          <p className="alerts-panel__error" role="alert">
            {error}
          </p>
        )}
      </form>

      <h3>Rules</h3>
      {data?.rules.length === 0 && <p className="alerts-panel__empty">No alert rules yet.</p>}
      <ul className="alerts-panel__rules">
        {data?.rules.map(({ rule, state }) => (
          <li key={rule.id}>
            <span>{describeRule(rule)}</span>
            <span className="alerts-panel__state">{STATE_LABELS[state]}</span>
            <button type="button" onClick={() => void remove(rule.id)}>
              Delete
            </button>
          </li>
        ))}
      </ul>

      <h3>Recent alerts</h3>
      {data?.history.length === 0 && <p className="alerts-panel__empty">None fired yet.</p>}
      <ol className="alerts-panel__history">
        {data?.history.map((event) => (
          <li key={event.id}>
            <time dateTime={event.firedAt}>{new Date(event.firedAt).toLocaleTimeString()}</time>{' '}
            <strong>{event.title}</strong> — {event.message}
          </li>
        ))}
      </ol>
    </section>
  );
}
