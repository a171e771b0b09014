/**
 * An HttpError whose body carries the extra `ApiError` fields (filter error position, unknown
 * symbols, bad CSV lines), and the mapping of the view stores' refusals onto it.
 */
import type { ApiError } from '../../shared/api-types.js';
import { isViewInputError } from '../views/view-input-error.js';
import { HttpError } from './errors.js';

export class DetailedHttpError extends HttpError {
  constructor(
    status: number,
    private readonly body: ApiError,
  ) {
    super(status, body.error, body.accepted);
  }

  override toBody(): ApiError {
    return { ...this.body };
  }
}

/** Runs `action`, turning a ViewInputError into the 4xx the client should see. */
export function answeringViewErrors<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (isViewInputError(error)) {
      throw new DetailedHttpError(error.status, { error: error.message, ...error.detail });
    }
    throw error;
  }
}
