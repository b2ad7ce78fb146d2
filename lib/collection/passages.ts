/** Adding, editing and deleting passages: each in one transaction with the search index. */
import { explainStorageError } from '../db/errors';
import {
  passagesOfPiece,
  removePassage,
  writeNewPassage,
  writePassageEdits,
  type NewPassage,
} from '../db/passages';
import { nowIso } from '../db/schema';
import type { TagEdits } from '../model/edits';
import type { PassageRow } from '../model/records';
import { SEARCH_TABLES, indexPassage, removePassageFromIndex } from '../search';
import type { CommonplaceDB } from './database';

export { passagesOfPiece, type NewPassage };

/** Adds a passage (and any new tags) in one transaction. */
export async function addPassage(
  db: CommonplaceDB,
  passage: NewPassage,
  now: Date = new Date(),
): Promise<PassageRow> {
  try {
    return await db.transaction('rw', [...SEARCH_TABLES, 'tags'], async () => {
      const row = await writeNewPassage(db, passage, nowIso(now));
      await indexPassage(db, row.id);
      return row;
    });
  } catch (error) {
    explainStorageError(error);
  }
}

/** Changes a passage's note and tags. */
export async function updatePassage(
  db: CommonplaceDB,
  id: string,
  edits: TagEdits,
  now: Date = new Date(),
): Promise<PassageRow> {
  try {
    return await db.transaction('rw', [...SEARCH_TABLES, 'tags'], async () => {
      const updated = await writePassageEdits(db, id, edits, nowIso(now));
      await indexPassage(db, id);
      return updated;
    });
  } catch (error) {
    explainStorageError(error);
  }
}

export async function deletePassage(db: CommonplaceDB, id: string): Promise<void> {
  await db.transaction('rw', [...SEARCH_TABLES], async () => {
    const passage = await removePassage(db, id);
    if (passage) await removePassageFromIndex(db, passage);
  });
}
