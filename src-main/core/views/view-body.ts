/**
 * Parses a JSON request body for the view stores against a strict zod schema: an unknown key
 * is refused by name (as the alert rules do) rather than silently dropped, so a misspelt
 * field ("symbol" for "symbols") is not mistaken for "leave it unchanged".
 */
import type { z } from 'zod';

import { ViewInputError } from './view-input-error.js';

/** The body as `schema` reads it, or a 400 ViewInputError naming the first unknown key. */
export function parseViewBody<T>(
  schema: z.ZodType<T>,
  body: unknown,
  shape: string,
  accepted: readonly string[],
): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;

  const unknownKeys = parsed.error.issues.find((issue) => issue.code === 'unrecognized_keys');
  const key = unknownKeys?.code === 'unrecognized_keys' ? unknownKeys.keys[0] : undefined;
  const message = key === undefined ? shape : `Unknown field "${key}". ${shape}`;
  throw new ViewInputError(400, message, { accepted: [...accepted] });
}
