/**
 * Typed errors of the local HTTP layer. A handler throws an `HttpError` to answer with a
 * specific status; anything else it throws becomes a generic 500.
 */
import type { ApiError } from '../../shared/api-types.js';

/** A failure that maps to one HTTP status and an `ApiError` body safe to show the client. */
export class HttpError extends Error {
  override readonly name = 'HttpError';

  constructor(
    readonly status: number,
    message: string,
    /** What the client may use instead (query values, methods), when that helps. */
    readonly accepted?: readonly string[],
    /** Extra response headers, such as `Allow` on a 405. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }

  /** The JSON body sent to the client. */
  toBody(): ApiError {
    if (!this.accepted) return { error: this.message };
    return { error: this.message, accepted: [...this.accepted] };
  }
}

/** Narrows an unknown thrown value to an HttpError. */
export function isHttpError(value: unknown): value is HttpError {
  return value instanceof HttpError;
}

/** The port the server was asked to listen on is taken by another process. */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';

  constructor(
    readonly port: number,
    options?: { cause?: unknown },
  ) {
    super(`port ${port} on 127.0.0.1 is already in use`, options);
  }
}

/** Narrows an unknown thrown value to a PortInUseError. */
export function isPortInUse(value: unknown): value is PortInUseError {
  return value instanceof PortInUseError;
}
