/** Turns storage failures into sentences a reader can act on. */
import { UserError } from '../errors';

export class StorageFullError extends UserError {
  override name = 'StorageFullError';
  constructor() {
    super(
      'Not saved: the browser has no storage space left. Free some disk space and try again; nothing already saved was changed.',
    );
  }
}

function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { inner?: unknown }).inner) {
    const name = (e as { name?: string }).name;
    if (name === 'QuotaExceededError' || name === 'QuotaExceeded') return true;
  }
  return false;
}

/** Re-throws a quota error as StorageFullError, anything else unchanged. */
export function explainStorageError(error: unknown): never {
  throw isQuotaError(error) ? new StorageFullError() : error;
}
