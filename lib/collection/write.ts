/** The one kind of write transaction of the collection: its tables and the search index together. */
import type { Transaction } from 'dexie';
import { explainStorageError } from '../db/errors';
import { SEARCH_TABLES } from '../search';
import type { CommonplaceDB } from './database';

/**
 * Runs `fn` in one read-write transaction over pieces, their copies, passages, tags and the
 * search index, so rows and their index entries change together or not at all. A full disk is
 * reported as StorageFullError. `fn` is given the transaction: tables taken from it
 * (`tablesOf`, the search's `TableSource`) stay in it across any `await`.
 */
export async function writeTransaction<T>(
  db: CommonplaceDB,
  fn: (tx: Transaction) => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction('rw', [...SEARCH_TABLES, 'tags'], fn);
  } catch (error) {
    explainStorageError(error);
  }
}
