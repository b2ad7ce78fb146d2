/**
 * Passages: marked text of a piece, with selectors to find it again, a note and tags. Every
 * function runs in a transaction the caller opened (see lib/collection/passages.ts).
 */
import type { TagEdits } from '../model/edits';
import type { PassageRow } from '../model/records';
import type { StoredSelector } from '../model/selectors';
import { UserError } from '../errors';
import { assertSavable } from './limits';
import { newId, type CollectionTables } from './schema';
import { ensureTagIds } from './tags';

export interface NewPassage extends TagEdits {
  pieceId: string;
  selectors: StoredSelector[];
  quote: string;
  textFragment: string | null;
}

/** Writes a new passage (pieces read; passages, tags written). */
export async function writeNewPassage(
  t: CollectionTables,
  passage: NewPassage,
  stamp: string,
): Promise<PassageRow> {
  if (!(await t.pieces.get(passage.pieceId)))
    throw new UserError('The piece of this passage is gone.');
  const tagIds = await ensureTagIds(t, passage, stamp);
  const row: PassageRow = {
    id: newId(),
    pieceId: passage.pieceId,
    selectors: passage.selectors,
    quote: passage.quote,
    textFragment: passage.textFragment,
    note: passage.note,
    ...tagIds,
    createdAt: stamp,
    updatedAt: stamp,
  };
  assertSavable('passages', row);
  await t.passages.add(row);
  return row;
}

/** Writes a passage's note and tags (passages, tags). */
export async function writePassageEdits(
  t: CollectionTables,
  id: string,
  edits: TagEdits,
  stamp: string,
): Promise<PassageRow> {
  const passage = await t.passages.get(id);
  if (!passage) throw new UserError('This passage no longer exists.');
  const tagIds = await ensureTagIds(t, edits, stamp);
  const updated: PassageRow = {
    ...passage,
    note: edits.note,
    ...tagIds,
    updatedAt: stamp,
  };
  assertSavable('passages', updated);
  await t.passages.put(updated);
  return updated;
}

/** Deletes a passage; returns the row it deleted, if there was one. */
export async function removePassage(
  t: CollectionTables,
  id: string,
): Promise<PassageRow | undefined> {
  const passage = await t.passages.get(id);
  if (passage) await t.passages.delete(id);
  return passage;
}

/** The passages of a piece, oldest first (reading order is decided by anchoring). */
export async function passagesOfPiece(t: CollectionTables, pieceId: string): Promise<PassageRow[]> {
  const rows = await t.passages.where('pieceId').equals(pieceId).toArray();
  return rows.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}
