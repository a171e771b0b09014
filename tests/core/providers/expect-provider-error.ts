import { expect } from 'vitest';

import { ProviderError } from '../../../src-main/core/providers/errors.js';

/**
 * Awaits a call that must fail, checks it failed with a ProviderError whose message does not
 * leak `secret` (the test's API key), and returns the error for the spec's own assertions.
 */
export async function expectProviderError(
  promise: Promise<unknown>,
  secret?: string,
): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  if (secret) expect((error as Error).message).not.toContain(secret);
  return error as ProviderError;
}
