/**
 * A refused request to the view stores (bad name, unknown symbols, bad CSV lines, unknown id).
 * The HTTP layer turns it into a 4xx with the extra fields of `ApiError`.
 */
import type { ApiError } from '../../shared/api-types.js';

export class ViewInputError extends Error {
  override readonly name = 'ViewInputError';

  constructor(
    /** 400 (bad input), 404 (unknown id or name), 409 (limit or name taken). */
    readonly status: 400 | 404 | 409,
    message: string,
    readonly detail: Omit<ApiError, 'error'> = {},
  ) {
    super(message);
  }
}

/** Narrows an unknown thrown value to a ViewInputError. */
export function isViewInputError(value: unknown): value is ViewInputError {
  return value instanceof ViewInputError;
}
