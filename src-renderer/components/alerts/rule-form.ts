/**
 * The Alerts panel's form as plain data: which fields each rule kind asks for, and the
 * conversion of the typed-in strings to the rule the API takes (or a message saying what is
 * missing). Pure, so it is tested without React.
 */
import type { AlertRule, AlertRuleInput } from '../../../src-main/shared/alert-types';

export type RuleKind = 'price' | 'move' | 'sector' | 'breadth' | 'criteria';

export interface RuleDraft {
  kind: RuleKind;
  symbol: string;
  sector: string;
  /** `above`/`below` for price and breadth; `up`/`down`/`either` for moves. */
  direction: string;
  /** Price level, percent, or advancers' share in percent, as typed. */
  value: string;
  /** A filter expression, for criteria rules (the map's filter language). */
  expression: string;
}

export const EMPTY_DRAFT: RuleDraft = {
  kind: 'price',
  symbol: '',
  sector: '',
  direction: 'above',
  value: '',
  expression: '',
};

export const KIND_LABELS: Record<RuleKind, string> = {
  price: 'Price crosses a level',
  move: '% move since the previous close',
  sector: 'Sector move (cap-weighted)',
  breadth: 'Breadth (share of advancers)',
  criteria: 'Stocks start matching criteria',
};

/** The directions a kind offers, first one the default. */
export function directionsOf(kind: RuleKind): string[] {
  if (kind === 'criteria') return [];
  return kind === 'price' || kind === 'breadth' ? ['above', 'below'] : ['either', 'up', 'down'];
}

/** The rule to send, or the reason it cannot be sent yet. */
export function toRuleInput(
  draft: RuleDraft,
): { ok: true; rule: AlertRuleInput } | { ok: false; error: string } {
  if (draft.kind === 'criteria') {
    const expression = draft.expression.trim();
    if (expression === '') {
      return {
        ok: false,
        error: 'Enter an expression, e.g. changePercent > 2 and marketCap > 100B.',
      };
    }
    // The server checks the expression with the map's filter compiler and says what is wrong.
    return { ok: true, rule: { kind: 'criteria', expression } };
  }
  const value = Number(draft.value);
  if (draft.value.trim() === '' || !Number.isFinite(value) || value <= 0) {
    return { ok: false, error: 'Enter a positive number.' };
  }
  const symbol = draft.symbol.trim().toUpperCase();
  const needsSymbol = draft.kind === 'price' || draft.kind === 'move';
  if (needsSymbol && symbol === '') return { ok: false, error: 'Enter a symbol, e.g. AAPL.' };

  switch (draft.kind) {
    case 'price':
      return {
        ok: true,
        rule: { kind: 'price', symbol, direction: asLevel(draft.direction), level: value },
      };
    case 'move':
      return {
        ok: true,
        rule: { kind: 'move', symbol, direction: asMove(draft.direction), percent: value },
      };
    case 'sector':
      if (draft.sector === '') return { ok: false, error: 'Choose a sector.' };
      return {
        ok: true,
        rule: {
          kind: 'sector',
          sector: draft.sector,
          direction: asMove(draft.direction),
          percent: value,
        },
      };
    case 'breadth':
      if (value >= 100) return { ok: false, error: 'Enter a share between 0 and 100 %.' };
      return {
        ok: true,
        rule: { kind: 'breadth', direction: asLevel(draft.direction), share: value / 100 },
      };
  }
}

/** One line describing a stored rule. */
export function describeRule(rule: AlertRule): string {
  switch (rule.kind) {
    case 'price':
      return `${rule.symbol} ${rule.direction} $${rule.level}`;
    case 'move':
      return `${rule.symbol} moves ${moveWord(rule.direction)} ${rule.percent}%`;
    case 'sector':
      return `${rule.sector} moves ${moveWord(rule.direction)} ${rule.percent}%`;
    case 'breadth':
      return `Advancers ${rule.direction} ${Math.round(rule.share * 100)}%`;
    case 'criteria':
      return `Stocks start matching ${rule.expression}`;
  }
}

function moveWord(direction: string): string {
  if (direction === 'up') return 'up';
  if (direction === 'down') return 'down';
  return '±';
}

function asLevel(direction: string): 'above' | 'below' {
  return direction === 'below' ? 'below' : 'above';
}

function asMove(direction: string): 'up' | 'down' | 'either' {
  return direction === 'up' || direction === 'down' ? direction : 'either';
}
