/**
 * Validation of alert rules: what a client may send (`POST /api/alerts`) and what a stored
 * rule must look like when read back. Errors name the field and what it accepts, so the HTTP
 * layer can answer a clear 400.
 */
import { z } from 'zod';

import type { AlertRule, AlertRuleInput } from '../../shared/alert-types.js';

/** Longest custom-criteria expression accepted. */
export const MAX_EXPRESSION_LENGTH = 500;
export const DEFAULT_COOLDOWN_MINUTES = 15;
const MAX_COOLDOWN_MINUTES = 24 * 60;
const MAX_PRICE_LEVEL = 10_000_000;

/** A rule the client sent is not acceptable; the message is safe to show. */
export class AlertInputError extends Error {
  override readonly name = 'AlertInputError';

  constructor(
    message: string,
    /** Values the field accepts, when a short list helps (sector names). */
    readonly accepted?: readonly string[],
  ) {
    super(message);
  }
}

export function isAlertInputError(value: unknown): value is AlertInputError {
  return value instanceof AlertInputError;
}

const symbol = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9.-]{0,11}$/, 'expected a ticker symbol such as AAPL or BRK.B');
const percent = z.number().positive().max(100);
const cooldownMinutes = z.number().int().min(1).max(MAX_COOLDOWN_MINUTES).optional();
const moveDirection = z.enum(['up', 'down', 'either']);
const levelDirection = z.enum(['above', 'below']);

const inputSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('price'),
    symbol,
    direction: levelDirection,
    level: z.number().positive().max(MAX_PRICE_LEVEL),
    cooldownMinutes,
  }),
  z.strictObject({
    kind: z.literal('move'),
    symbol,
    direction: moveDirection,
    percent,
    cooldownMinutes,
  }),
  z.strictObject({
    kind: z.literal('sector'),
    sector: z.string().trim().min(1).max(80),
    direction: moveDirection,
    percent,
    cooldownMinutes,
  }),
  z.strictObject({
    kind: z.literal('breadth'),
    direction: levelDirection,
    share: z.number().gt(0).lt(1),
    cooldownMinutes,
  }),
  z.strictObject({
    kind: z.literal('criteria'),
    expression: z.string().trim().min(1).max(MAX_EXPRESSION_LENGTH),
    cooldownMinutes,
  }),
]);

const storedExtra = z.object({ id: z.string().min(1).max(64), createdAt: z.iso.datetime() });

/** Parses a client's rule or throws an AlertInputError naming the first bad field. */
export function parseAlertRuleInput(value: unknown): AlertRuleInput {
  const result = inputSchema.safeParse(value);
  if (result.success) return withoutUndefined(result.data) as AlertRuleInput;

  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw new AlertInputError(`Invalid alert rule: ${where}${issue?.message ?? 'rejected'}`);
}

/** A stored rule read back, or undefined when it no longer validates (hand-edited file). */
export function parseStoredRule(value: unknown): AlertRule | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { id, createdAt, ...input } = value as Record<string, unknown>;
  const extra = storedExtra.safeParse({ id, createdAt });
  const rule = inputSchema.safeParse(input);
  if (!extra.success || !rule.success) return undefined;
  return { ...(withoutUndefined(rule.data) as AlertRuleInput), ...extra.data };
}

/** The rule's cooldown in milliseconds. */
export function cooldownMs(rule: AlertRuleInput): number {
  return (rule.cooldownMinutes ?? DEFAULT_COOLDOWN_MINUTES) * 60_000;
}

// Optional fields zod leaves as `undefined` would otherwise be stored and echoed as such.
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
