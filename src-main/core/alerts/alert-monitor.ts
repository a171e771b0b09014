/**
 * The alert monitor: holds the rules, evaluates them against the market after each batch of
 * changes (at most once per EVALUATE_INTERVAL_MS), fires each crossing once (see
 * crossing-tracker.ts), keeps a bounded history, persists rules and history, and tells its
 * listeners (the SSE stream, the app's notifications). No electron here: it runs headless too.
 */
import { randomUUID } from 'node:crypto';

import type {
  AlertEvent,
  AlertRule,
  AlertRuleStatus,
  AlertsResponse,
} from '../../shared/alert-types.js';
import type { StockRow } from '../../shared/api-types.js';
import { type Clock, SYSTEM_CLOCK } from '../domain/types.js';
import type { Engine } from '../engine-types.js';
import { createLogger, formatError } from '../log.js';
import { summarizeMarket } from '../market/market-summary.js';
import { AlertInputError, parseAlertRuleInput } from './alert-schema.js';
import { type AlertStore, createMemoryAlertStore } from './alert-store.js';
import { CrossingTracker } from './crossing-tracker.js';
import {
  type CriteriaMatcher,
  crossingSpec,
  describeFiring,
  type MarketView,
  type Observation,
  observeRule,
} from './rule-observations.js';

const log = createLogger('alerts');

export const DEFAULT_HISTORY_LIMIT = 100;
export const DEFAULT_MAX_RULES = 200;
/** Batches arrive up to many times a second with streaming providers; rules need far less. */
export const EVALUATE_INTERVAL_MS = 1_000;
const ALL = { sectors: [], categories: [] };

/**
 * The extension point for saved custom criteria: compiles an expression (the filter language
 * another part of the app owns) into a matcher, or says why it cannot. serve.ts and backend.ts
 * pass `evaluateCriteria` (criteria-evaluator.ts); without one, `criteria` rules get a 400.
 */
export type CriteriaEvaluator = (
  expression: string,
) => { ok: true; matches: CriteriaMatcher } | { ok: false; error: string };

export interface AlertMonitorOptions {
  engine: Pick<Engine, 'stocks' | 'onChanges' | 'sectors'>;
  store?: AlertStore;
  clock?: Clock;
  evaluateCriteria?: CriteriaEvaluator;
  historyLimit?: number;
  maxRules?: number;
  newId?: () => string;
}

/** What the HTTP layer and the shell use. */
export interface AlertService {
  list(): AlertsResponse;
  /** Validates and adds a rule; throws AlertInputError with a message fit for a 400. */
  addRule(input: unknown): AlertRule;
  /** Removes a rule; false when no rule has this id. */
  removeRule(id: string): boolean;
  onAlert(listener: (event: AlertEvent) => void): () => void;
}

export interface AlertMonitor extends AlertService {
  /** Evaluates after every change batch from now on. */
  start(): void;
  stop(): void;
  /** Evaluates every rule now; returns what fired. */
  evaluate(): AlertEvent[];
}

/** See the module comment. */
export function createAlertMonitor(options: AlertMonitorOptions): AlertMonitor {
  const { engine } = options;
  const clock = options.clock ?? SYSTEM_CLOCK;
  const store = options.store ?? createMemoryAlertStore();
  const historyLimit = options.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  const maxRules = options.maxRules ?? DEFAULT_MAX_RULES;
  const newId = options.newId ?? randomUUID;

  let rules = store.loadRules();
  let history = store.loadHistory().slice(0, historyLimit);
  const matchers = new Map<string, CriteriaMatcher>();
  const tracker = new CrossingTracker();
  const listeners = new Set<(event: AlertEvent) => void>();
  let lastEvaluatedAt = Number.NEGATIVE_INFINITY;
  let pending: ReturnType<typeof setTimeout> | undefined;
  let unsubscribe: (() => void) | undefined;

  for (const rule of rules) compileCriteria(rule, false);
  // A restart keeps cooldowns: seed each rule's last firing from the saved history.
  for (const event of [...history].reverse()) {
    const key = event.kind === 'criteria' ? `${event.ruleId}|${event.symbol ?? ''}` : event.ruleId;
    tracker.seedLastFired(key, Date.parse(event.firedAt), true);
  }

  function compileCriteria(rule: AlertRule, strict: boolean): void {
    if (rule.kind !== 'criteria') return;
    const compiled = options.evaluateCriteria?.(rule.expression);
    if (compiled?.ok) {
      matchers.set(rule.id, compiled.matches);
      return;
    }
    const why = compiled ? compiled.error : 'custom criteria are not available in this version';
    if (strict) throw new AlertInputError(`Invalid alert rule: expression: ${why}`);
    log.warn(`load rules: criteria rule ${rule.id} is inactive: ${why}`);
  }

  function marketView(): MarketView {
    const rows = engine.stocks(ALL).stocks;
    return { rows: new Map(rows.map((row) => [row.symbol, row])), summary: summarizeMarket(rows) };
  }

  function canonicalSubject(rule: AlertRule, stocks: ReadonlyMap<string, StockRow>): AlertRule {
    if (rule.kind === 'sector') {
      const sectors = engine.sectors();
      const sector = sectors.find((s) => s.toLowerCase() === rule.sector.toLowerCase());
      if (!sector) throw new AlertInputError(`Unknown sector "${rule.sector}".`, sectors);
      return { ...rule, sector };
    }
    if ((rule.kind === 'price' || rule.kind === 'move') && !stocks.has(rule.symbol)) {
      throw new AlertInputError(`Unknown symbol "${rule.symbol}": it is not on the map.`);
    }
    return rule;
  }

  function fire(rule: AlertRule, hits: Observation[], now: number): AlertEvent {
    const { title, message } = describeFiring(rule, hits);
    const first = hits[0];
    const event: AlertEvent = {
      id: newId(),
      ruleId: rule.id,
      kind: rule.kind,
      firedAt: new Date(now).toISOString(),
      title,
      message,
      value: first?.value ?? 0,
      ...(first?.symbol === undefined ? {} : { symbol: first.symbol }),
      ...(first?.sector === undefined ? {} : { sector: first.sector }),
    };
    history = [event, ...history].slice(0, historyLimit);
    return event;
  }

  function evaluate(): AlertEvent[] {
    lastEvaluatedAt = clock.now();
    if (rules.length === 0) return [];
    const now = lastEvaluatedAt;
    const market = marketView();
    const fired: AlertEvent[] = [];

    for (const rule of rules) {
      const spec = crossingSpec(rule);
      const observations = observeRule(rule, market, matchers.get(rule.id));
      const hits = observations.filter((o) => tracker.observe(o.key, o.score, spec, now));
      // A criteria rule that many stocks start matching at once fires one alert, not many.
      if (hits.length > 0) fired.push(fire(rule, hits, now));
    }
    if (fired.length === 0) return fired;

    store.saveHistory(history);
    for (const event of fired) {
      log.info(`alert: ${event.title}`);
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (error) {
          log.error('alert: a listener failed', formatError(error));
        }
      }
    }
    return fired;
  }

  function onBatch(): void {
    if (pending) return;
    const wait = lastEvaluatedAt + EVALUATE_INTERVAL_MS - clock.now();
    if (wait <= 0) {
      evaluate();
      return;
    }
    pending = setTimeout(() => {
      pending = undefined;
      evaluate();
    }, wait);
    pending.unref?.();
  }

  function ruleState(rule: AlertRule): AlertRuleStatus['state'] {
    if (rule.kind === 'criteria') return matchers.has(rule.id) ? 'armed' : 'no-data';
    const met = tracker.isMet(rule.id);
    if (met === undefined) return 'no-data';
    return met ? 'met' : 'armed';
  }

  return {
    list: () => ({
      rules: rules.map((rule) => ({
        rule,
        state: ruleState(rule),
        lastFiredAt: history.find((e) => e.ruleId === rule.id)?.firedAt ?? null,
      })),
      history: [...history],
      criteriaAvailable: options.evaluateCriteria !== undefined,
    }),
    addRule(input) {
      if (rules.length >= maxRules) {
        throw new AlertInputError(`Too many alert rules (${maxRules}); delete some first.`);
      }
      const parsed = parseAlertRuleInput(input);
      const market = marketView();
      const draft = { ...parsed, id: newId(), createdAt: new Date(clock.now()).toISOString() };
      const rule = canonicalSubject(draft, market.rows);
      compileCriteria(rule, true);

      rules = [...rules, rule];
      store.saveRules(rules);
      // Record where the rule stands now, so only a later crossing fires it.
      const spec = crossingSpec(rule);
      for (const o of observeRule(rule, market, matchers.get(rule.id))) {
        tracker.observe(o.key, o.score, spec, clock.now());
      }
      log.info(`add rule: ${rule.kind} ${rule.id}`);
      return rule;
    },
    removeRule(id) {
      const next = rules.filter((rule) => rule.id !== id);
      if (next.length === rules.length) return false;
      rules = next;
      matchers.delete(id);
      tracker.forget(id);
      store.saveRules(rules);
      log.info(`remove rule: ${id}`);
      return true;
    },
    onAlert(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      unsubscribe ??= engine.onChanges(onBatch);
    },
    stop() {
      unsubscribe?.();
      unsubscribe = undefined;
      clearTimeout(pending);
      pending = undefined;
    },
    evaluate,
  };
}
