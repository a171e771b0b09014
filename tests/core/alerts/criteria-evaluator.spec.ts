/**
 * Criteria alerts use the map's filter language: the real compiler decides which stocks match,
 * and a bad expression is refused with the filter's own message and caret excerpt.
 */
import { describe, expect, it } from 'vitest';

import { createAlertMonitor } from '../../../src-main/core/alerts/alert-monitor.js';
import { isAlertInputError } from '../../../src-main/core/alerts/alert-schema.js';
import { createMemoryAlertStore } from '../../../src-main/core/alerts/alert-store.js';
import { evaluateCriteria } from '../../../src-main/core/alerts/criteria-evaluator.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { TestMarket } from './market-fixture.js';

function setup() {
  const market = new TestMarket();
  const clock = new FakeClock(Date.parse('2026-08-07T14:00:00Z'));
  const monitor = createAlertMonitor({
    engine: market,
    clock,
    store: createMemoryAlertStore(),
    evaluateCriteria,
  });
  return { market, monitor };
}

describe('criteria evaluator', () => {
  it('matches rows by the filter expression, with number suffixes and fields', () => {
    const result = evaluateCriteria('changePercent > 2 and marketCap > 100B');
    if (!result.ok) throw new Error(result.error);
    const { rows } = new TestMarket();
    const jpm = rows.find((r) => r.symbol === 'JPM')!;

    expect(result.matches({ ...jpm, changePercent: 2.5 })).toBe(true);
    expect(result.matches({ ...jpm, changePercent: 1.5 })).toBe(false);
    expect(result.matches({ ...jpm, changePercent: 2.5, marketCap: 50e9 })).toBe(false);
  });

  it('refuses a bad expression with what is wrong and where', () => {
    const result = evaluateCriteria('changePercent >> 2');

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(/changePercent >> 2\n\s*\^/);
  });

  it('names the accepted fields for an unknown one', () => {
    const result = evaluateCriteria('chnge > 2');

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain('changePercent');
  });

  it('lets the alert monitor fire when stocks start matching a saved expression', () => {
    const { market, monitor } = setup();

    expect(monitor.list().criteriaAvailable).toBe(true);
    monitor.addRule({ kind: 'criteria', expression: 'sector = "Energy" and changePercent > 1' });
    expect(monitor.evaluate()).toHaveLength(0);

    market.set('XOM', { changePercent: 1.5 });
    const fired = monitor.evaluate();
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ kind: 'criteria', symbol: 'XOM' });
  });

  it('refuses a criteria rule with a bad expression and keeps the others', () => {
    const { monitor } = setup();
    monitor.addRule({ kind: 'criteria', expression: 'changePercent > 1' });

    let message = '';
    try {
      monitor.addRule({ kind: 'criteria', expression: 'changePercent >' });
    } catch (error) {
      if (!isAlertInputError(error)) throw error;
      message = error.message;
    }
    expect(message).toMatch(/^Invalid alert rule: expression: /);
    expect(monitor.list().rules).toHaveLength(1);
  });
});
