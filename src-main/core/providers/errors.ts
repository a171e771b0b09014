/**
 * Typed provider failures. Every adapter maps whatever its provider answers (status codes,
 * error bodies, HTML pages, truncated JSON) onto exactly one of these.
 */
export type ProviderErrorKind =
  'rate-limited' | 'bad-key' | 'plan-limit' | 'unknown-symbol' | 'provider-down' | 'malformed';

export interface ProviderErrorOptions {
  cause?: unknown;
  /**
   * For `rate-limited`: the provider said its daily quota is used up, so no call is left until
   * `retryAt` whatever our own count says (usage from another app, or a count lost).
   */
  dailyLimit?: boolean;
}

export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  /** See ProviderErrorOptions.dailyLimit. */
  readonly dailyLimit: boolean;

  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    /** For `rate-limited`: epoch ms before which no call should be made, when known. */
    readonly retryAt?: number,
    options?: ProviderErrorOptions,
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.dailyLimit = options?.dailyLimit ?? false;
  }
}

/** Narrows an unknown thrown value to a ProviderError. */
export function isProviderError(value: unknown): value is ProviderError {
  return value instanceof ProviderError;
}
