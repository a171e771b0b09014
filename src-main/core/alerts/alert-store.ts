/**
 * Where alert rules and the recent history are kept: a small key-value slice that both conf
 * (headless) and electron-store (in the app) provide. What is read back is validated; a bad
 * entry is dropped and logged, never a reason to fail the start.
 */
import type { AlertEvent, AlertRule } from '../../shared/alert-types.js';
import { createLogger, formatError } from '../log.js';
import { parseStoredRule } from './alert-schema.js';

const log = createLogger('alert-store');
const RULES_KEY = 'rules';
const HISTORY_KEY = 'history';

/** The slice of conf / electron-store used here. */
export interface AlertKeyValue {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export interface AlertStore {
  loadRules(): AlertRule[];
  saveRules(rules: readonly AlertRule[]): void;
  loadHistory(): AlertEvent[];
  saveHistory(history: readonly AlertEvent[]): void;
}

/** An AlertStore on any key-value store (conf, electron-store, a Map in tests). */
export function createAlertStore(kv: AlertKeyValue): AlertStore {
  const read = (key: string): unknown[] => {
    try {
      const value = kv.get(key);
      return Array.isArray(value) ? value : [];
    } catch (error) {
      log.warn(`load ${key}: unreadable store, starting without`, formatError(error));
      return [];
    }
  };
  const write = (key: string, value: unknown): void => {
    try {
      kv.set(key, value);
    } catch (error) {
      // The rules stay in memory for this session; the next save may succeed.
      log.warn(`save ${key}: could not write`, formatError(error));
    }
  };

  return {
    loadRules: () => {
      const stored = read(RULES_KEY);
      const rules = stored.flatMap((entry) => parseStoredRule(entry) ?? []);
      if (rules.length < stored.length) {
        log.warn(`load rules: dropped ${stored.length - rules.length} invalid stored rule(s)`);
      }
      return rules;
    },
    saveRules: (rules) => write(RULES_KEY, rules),
    loadHistory: () => read(HISTORY_KEY).filter(isAlertEvent),
    saveHistory: (history) => write(HISTORY_KEY, history),
  };
}

/** An AlertStore that keeps nothing across restarts. */
export function createMemoryAlertStore(): AlertStore {
  const values = new Map<string, unknown>();
  return createAlertStore({ get: (k) => values.get(k), set: (k, v) => values.set(k, v) });
}

function isAlertEvent(value: unknown): value is AlertEvent {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as Partial<AlertEvent>;
  return (
    typeof event.id === 'string' &&
    typeof event.ruleId === 'string' &&
    typeof event.firedAt === 'string' &&
    typeof event.title === 'string' &&
    typeof event.message === 'string' &&
    typeof event.value === 'number'
  );
}
