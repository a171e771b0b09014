/**
 * Typed provider failures. Every adapter maps whatever its provider answers (status codes,
 * error bodies, HTML pages, truncated JSON) onto exactly one of these.
 */
export type ProviderErrorKind =
  | 'rate-limited'
  | 'bad-key'
  | 'plan-limit'
  | 'unknown-symbol'
  | 'provider-down'
  | 'malformed';

export class ProviderError extends Error {
  override readonly name = 'ProviderError';

  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    /** For `rate-limited`: epoch ms before which no call should be made, when known. */
    readonly retryAt?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Narrows an unknown thrown value to a ProviderError. */
export function isProviderError(value: unknown): value is ProviderError {
  return value instanceof ProviderError;
}
