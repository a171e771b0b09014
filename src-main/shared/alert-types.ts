/**
 * The JSON shapes of alerts: rules as the user writes them, rules as stored, the alerts they
 * fire, and the `/api/alerts` answer. Shared by the engine (src-main/core/alerts), the Electron
 * shell (notifications) and the renderer (`import type`). It imports nothing.
 */

/** Which way a value must go to meet a rule: above a level or below it. */
export type AlertDirection = 'above' | 'below';

/** A % move in either direction, or only up, or only down. */
export type MoveDirection = 'up' | 'down' | 'either';

/** What the user sends to create a rule (`POST /api/alerts`); the server adds the rest. */
export type AlertRuleInput =
  PriceRuleInput | MoveRuleInput | SectorRuleInput | BreadthRuleInput | CriteriaRuleInput;

interface RuleBase {
  /** Minutes after a firing during which the rule stays quiet (default 15). */
  cooldownMinutes?: number;
}

/** A symbol's price crosses a level. */
export interface PriceRuleInput extends RuleBase {
  kind: 'price';
  symbol: string;
  direction: AlertDirection;
  level: number;
}

/** A symbol's change since the previous close goes beyond ±`percent`. */
export interface MoveRuleInput extends RuleBase {
  kind: 'move';
  symbol: string;
  direction: MoveDirection;
  percent: number;
}

/** A sector's cap-weighted change goes beyond ±`percent`. */
export interface SectorRuleInput extends RuleBase {
  kind: 'sector';
  sector: string;
  direction: MoveDirection;
  percent: number;
}

/** The share of advancers among stocks with a change crosses `share` (0..1). */
export interface BreadthRuleInput extends RuleBase {
  kind: 'breadth';
  direction: AlertDirection;
  share: number;
}

/**
 * A stock starts matching a saved custom filter expression. Evaluated by a function the engine
 * is given (the filter-expression work); refused while none is installed.
 */
export interface CriteriaRuleInput extends RuleBase {
  kind: 'criteria';
  expression: string;
}

export type AlertRuleKind = AlertRuleInput['kind'];

/** A stored rule: the input plus its id and creation time. */
export type AlertRule = AlertRuleInput & {
  id: string;
  /** ISO-8601. */
  createdAt: string;
};

/** One firing of a rule. */
export interface AlertEvent {
  /** Unique per firing. */
  id: string;
  ruleId: string;
  kind: AlertRuleKind;
  /** ISO-8601 time it fired. */
  firedAt: string;
  /** Short, for a notification title: "AAPL above 200". */
  title: string;
  /** One sentence with the value that met the rule. */
  message: string;
  /** The tile to open when the user clicks the notification, if the rule is about one. */
  symbol?: string;
  /** The sector to open, for sector rules. */
  sector?: string;
  /** The value that met the rule (price, %, or share). */
  value: number;
}

/** Where a rule stands now: waiting for a crossing, or met and waiting to re-arm. */
export type AlertRuleState = 'armed' | 'met' | 'no-data';

export interface AlertRuleStatus {
  rule: AlertRule;
  state: AlertRuleState;
  /** ISO-8601 of its last firing, or null. */
  lastFiredAt: string | null;
}

/** `GET /api/alerts`: every rule with its state, and the recent firings, newest first. */
export interface AlertsResponse {
  rules: AlertRuleStatus[];
  history: AlertEvent[];
  /** Whether `criteria` rules can be created (an expression evaluator is installed). */
  criteriaAvailable: boolean;
}

/** The `/api/stream` event that carries a firing: `event: alert`, `data: <AlertEvent>`. */
export interface AlertStreamEvent {
  type: 'alert';
  data: AlertEvent;
}
