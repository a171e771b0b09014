/**
 * Reads a JSON resource file and validates it with a zod schema. A missing, unreadable or
 * corrupted resource fails with a ResourceError naming the file and the offending field.
 */
import { readFileSync } from 'node:fs';

import type { z } from 'zod';

/** A shipped resource file is missing or does not have the expected shape. */
export class ResourceError extends Error {
  override readonly name = 'ResourceError';

  constructor(
    readonly file: string,
    /** Dotted path of the bad field (`instruments.12.sector`), or undefined for the whole file. */
    readonly field: string | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const MAX_ISSUES_IN_MESSAGE = 3;

function fieldPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(root)' : path.map(String).join('.');
}

/** Reads `file`, parses JSON and validates it; throws ResourceError on any failure. */
export function readJsonResource<T>(file: string, schema: z.ZodType<T>): T {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error: unknown) {
    throw new ResourceError(file, undefined, `read resource: cannot read ${file}`, {
      cause: error,
    });
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error: unknown) {
    throw new ResourceError(file, undefined, `read resource: ${file} is not valid JSON`, {
      cause: error,
    });
  }

  const result = schema.safeParse(json);
  if (result.success) return result.data;

  const issues = result.error.issues.slice(0, MAX_ISSUES_IN_MESSAGE);
  const first = issues[0];
  const described = issues.map((i) => `${fieldPath(i.path)}: ${i.message}`).join('; ');
  throw new ResourceError(
    file,
    first ? fieldPath(first.path) : undefined,
    `read resource: ${file} is invalid at ${described}`,
  );
}
