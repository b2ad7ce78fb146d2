/** Adding, editing and deleting passages: each in one transaction with the search index. */
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
import { indexPassage, removePassageFromIndex } from '../search';
import type { CommonplaceDB } from './database';
import { writeTransaction } from './write';

export { passagesOfPiece, type NewPassage };

/** Adds a passage (and any new tags) in one transaction. */
export function addPassage(
  db: CommonplaceDB,
  passage: NewPassage,
  now: Date = new Date(),
): Promise<PassageRow> {
  return writeTransaction(db, async () => {
    const row = await writeNewPassage(db, passage, nowIso(now));
    await indexPassage(db, row.id);
    return row;
  });
}

/** Changes a passage's note and tags. */
export function updatePassage(
  db: CommonplaceDB,
  id: string,
  edits: TagEdits,
  now: Date = new Date(),
): Promise<PassageRow> {
  return writeTransaction(db, async () => {
    const updated = await writePassageEdits(db, id, edits, nowIso(now));
    await indexPassage(db, id);
    return updated;
  });
}

export function deletePassage(db: CommonplaceDB, id: string): Promise<void> {
  return writeTransaction(db, async () => {
    const passage = await removePassage(db, id);
    if (passage) await removePassageFromIndex(db, passage);
  });
}
