/** The one kind of write transaction of the collection: its tables and the search index together. */
import { explainStorageError } from '../db/errors';
import { SEARCH_TABLES } from '../search';
import type { CommonplaceDB } from './database';

/**
 * Runs `fn` in one read-write transaction over pieces, their copies, passages, tags and the
 * search index, so rows and their index entries change together or not at all. A full disk is
 * reported as StorageFullError.
 */
export async function writeTransaction<T>(db: CommonplaceDB, fn: () => Promise<T>): Promise<T> {
  try {
    return await db.transaction('rw', [...SEARCH_TABLES, 'tags'], fn);
  } catch (error) {
    explainStorageError(error);
  }
}
