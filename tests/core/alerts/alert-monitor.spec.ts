/**
 * Alert rules against a hand-driven market and clock: each crossing fires once, hysteresis
 * stops a wobble from re-firing, the cooldown holds, rules and history persist, and bad rules
 * are refused with a message naming the field.
 */
import { describe, expect, it } from 'vitest';

import {
  type AlertMonitorOptions,
  createAlertMonitor,
} from '../../../src-main/core/alerts/alert-monitor.js';
import { isAlertInputError } from '../../../src-main/core/alerts/alert-schema.js';
import { createMemoryAlertStore } from '../../../src-main/core/alerts/alert-store.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { TestMarket } from './market-fixture.js';

const MINUTE = 60_000;
const ABOVE_210 = { kind: 'price', symbol: 'AAPL', direction: 'above', level: 210 } as const;
const ABOVE_210_QUICK = { ...ABOVE_210, cooldownMinutes: 1 };

function setup(options: Partial<AlertMonitorOptions> = {}) {
  const market = new TestMarket();
  const clock = new FakeClock(Date.parse('2026-08-07T14:00:00Z'));
  let n = 0;
  const store = options.store ?? createMemoryAlertStore();
  const monitor = createAlertMonitor({
    engine: market,
    clock,
    store,
    newId: () => `id-${++n}`,
    ...options,
  });
  return { market, clock, monitor, store };
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (isAlertInputError(error)) return error.message;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('alert monitor', () => {
  it('fires a price alert once per crossing, not again within its cooldown', () => {
    const { market, clock, monitor } = setup();
    monitor.addRule({
      kind: 'price',
      symbol: 'aapl',
      direction: 'above',
      level: 210,
      cooldownMinutes: 10,
    });

    market.set('AAPL', { price: 211 });
    const first = monitor.evaluate();
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ kind: 'price', symbol: 'AAPL', value: 211 });
    expect(first[0]?.title).toBe('AAPL above $210.00');

    // Still above: no new crossing, however often it is evaluated.
    clock.advance(MINUTE);
    market.set('AAPL', { price: 215 });
    expect(monitor.evaluate()).toEqual([]);

    // Down and up again within the cooldown: consumed silently.
    clock.advance(MINUTE);
    market.set('AAPL', { price: 200 });
    monitor.evaluate();
    market.set('AAPL', { price: 212 });
    expect(monitor.evaluate()).toEqual([]);

    // After the cooldown, a new crossing fires again.
    clock.advance(10 * MINUTE);
    market.set('AAPL', { price: 200 });
    monitor.evaluate();
    market.set('AAPL', { price: 212 });
    expect(monitor.evaluate()).toHaveLength(1);
    expect(monitor.list().history).toHaveLength(2);
  });

  it('does not re-fire while the price wobbles inside the hysteresis band', () => {
    const { market, clock, monitor } = setup();
    monitor.addRule(ABOVE_210_QUICK);

    const fired = [210.1, 209.9, 210.2, 209.8, 210.05].flatMap((price) => {
      clock.advance(5 * MINUTE);
      market.set('AAPL', { price });
      return monitor.evaluate();
    });

    expect(fired).toHaveLength(1);
  });

  it('does not fire for a rule that already holds when it is created', () => {
    const { market, monitor } = setup();
    monitor.addRule({ kind: 'move', symbol: 'XOM', direction: 'down', percent: 1 });

    market.set('XOM', { changePercent: -3 });
    expect(monitor.evaluate()).toEqual([]);
    expect(monitor.list().rules[0]?.state).toBe('met');
  });

  it('fires % move, sector and breadth rules when they cross', () => {
    const { market, monitor } = setup();
    monitor.addRule({ kind: 'move', symbol: 'JPM', direction: 'either', percent: 3 });
    monitor.addRule({
      kind: 'sector',
      sector: 'information technology',
      direction: 'up',
      percent: 1,
    });
    monitor.addRule({ kind: 'breadth', direction: 'above', share: 0.7 });

    market.set('JPM', { changePercent: 3.5 });
    market.set('AAPL', { changePercent: 2 });
    market.set('MSFT', { changePercent: 1 });
    const fired = monitor.evaluate();

    expect(fired.map((e) => e.kind).sort()).toEqual(['breadth', 'move', 'sector']);
    expect(fired.find((e) => e.kind === 'sector')).toMatchObject({
      sector: 'Information Technology',
      value: 1.5,
    });
    expect(fired.find((e) => e.kind === 'breadth')?.value).toBeCloseTo(0.75);
  });

  it('evaluates after change batches, at most once a second', async () => {
    const { market, clock, monitor } = setup();
    const seen: string[] = [];
    monitor.onAlert((event) => seen.push(event.title));
    monitor.addRule({ kind: 'price', symbol: 'MSFT', direction: 'below', level: 390 });
    monitor.start();

    market.set('MSFT', { price: 380 });
    market.emit();
    expect(seen).toEqual(['MSFT below $390.00']);

    monitor.stop();
    clock.advance(MINUTE);
    market.emit();
    expect(market.listeners.size).toBe(0);
  });

  it('asks the injected evaluator for criteria rules and fires when stocks start matching', () => {
    const risingFast = (row: { changePercent: number | null }): boolean =>
      (row.changePercent ?? 0) > 1;
    const evaluateCriteria = (expression: string) =>
      expression === 'change > 1'
        ? { ok: true as const, matches: risingFast }
        : { ok: false as const, error: 'unknown field' };
    const { market, monitor } = setup({ evaluateCriteria });

    expect(refusal(() => monitor.addRule({ kind: 'criteria', expression: 'nope' }))).toContain(
      'unknown field',
    );
    monitor.addRule({ kind: 'criteria', expression: 'change > 1' });
    market.set('AAPL', { changePercent: 2 });
    market.set('MSFT', { changePercent: 3 });

    const fired = monitor.evaluate();
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ symbol: 'AAPL', title: '2 stocks match your criteria' });
  });

  it('refuses criteria rules while no evaluator is installed', () => {
    const { monitor } = setup();

    const criteria = { kind: 'criteria', expression: 'change > 1' };
    expect(refusal(() => monitor.addRule(criteria))).toMatch(/not available/);
    expect(monitor.list().criteriaAvailable).toBe(false);
  });

  it('refuses bad rules naming the field', () => {
    const { monitor } = setup();

    const add = (input: unknown) => refusal(() => monitor.addRule(input));

    expect(add({ ...ABOVE_210, level: -1 })).toMatch(/^Invalid alert rule: level: /);
    expect(add({ ...ABOVE_210, symbol: 'ZZZZ' })).toMatch(/Unknown symbol "ZZZZ"/);
    expect(add({ kind: 'sector', sector: 'Crypto', percent: 1, direction: 'up' })).toMatch(
      /Unknown sector/,
    );
    expect(add({ kind: 'teleport' })).toMatch(/^Invalid alert rule: kind: /);
    expect(add({ kind: 'breadth', share: 0.5, direction: 'above', extra: 1 })).toMatch(
      /Invalid alert rule/,
    );
  });

  it('keeps rules and history in its store, and a restart keeps the cooldown', () => {
    const store = createMemoryAlertStore();
    const first = setup({ store });
    const rule = first.monitor.addRule(ABOVE_210);
    first.market.set('AAPL', { price: 211 });
    first.monitor.evaluate();

    const second = setup({ store });
    expect(second.monitor.list().rules.map((r) => r.rule)).toEqual([rule]);
    expect(second.monitor.list().history).toHaveLength(1);

    // Below and back above a minute later: still within the (default 15 min) cooldown.
    second.clock.advance(MINUTE);
    second.market.set('AAPL', { price: 200 });
    second.monitor.evaluate();
    second.market.set('AAPL', { price: 211 });
    expect(second.monitor.evaluate()).toEqual([]);

    expect(second.monitor.removeRule(rule.id)).toBe(true);
    expect(second.monitor.removeRule(rule.id)).toBe(false);
    expect(setup({ store }).monitor.list().rules).toEqual([]);
  });

  it('bounds the history', () => {
    const { market, clock, monitor } = setup({ historyLimit: 3 });
    monitor.addRule(ABOVE_210_QUICK);

    for (let i = 0; i < 5; i += 1) {
      clock.advance(2 * MINUTE);
      market.set('AAPL', { price: 200 });
      monitor.evaluate();
      market.set('AAPL', { price: 220 });
      monitor.evaluate();
    }

    expect(monitor.list().history).toHaveLength(3);
  });
});
