/**
 * Saving, editing and deleting pieces: each in one transaction over the collection's tables and
 * the search index, so a piece is never saved without being findable, nor found once deleted.
 */
import {
  findPieceByUrl as readPieceByUrl,
  putBackPiece,
  removePiece,
  writeClip,
  writePieceEdits,
  type DeletedPiece,
  type PieceWithTags,
} from '../db/pieces';
import { nowIso } from '../db/schema';
import type { PageExtraction } from '../extract/types';
import type { PieceMetadataEdits, TagEdits } from '../model/edits';
import type { PieceRow } from '../model/records';
import { indexPiece, removePieceFromIndex } from '../search';
import type { CommonplaceDB } from './database';
import { writeTransaction } from './write';

export type { DeletedPiece };

/** The piece saved under `url` with its authors and themes, if any. */
export function findPieceByUrl(db: CommonplaceDB, url: string): Promise<PieceWithTags | undefined> {
  return db.transaction('r', db.pieces, db.tags, () => readPieceByUrl(db, url));
}

/**
 * Saves a clipped page. Saving the same canonical URL again updates that piece: its id, note
 * history and `createdAt` are kept, its stored copy is refreshed (unless the new clip has none).
 */
export function savePiece(
  db: CommonplaceDB,
  page: PageExtraction,
  edits: TagEdits,
  now: Date = new Date(),
): Promise<PieceRow> {
  return writeTransaction(db, async () => {
    const { piece, replaced } = await writeClip(db, page, edits, nowIso(now));
    await indexPiece(db, piece.id, replaced);
    return piece;
  });
}

/** Edits a piece's metadata, note and tags in one transaction (tags created as needed). */
export function updatePiece(
  db: CommonplaceDB,
  id: string,
  edits: PieceMetadataEdits,
  now: Date = new Date(),
): Promise<PieceRow> {
  return writeTransaction(db, async () => {
    const { piece, replaced } = await writePieceEdits(db, id, edits, nowIso(now));
    await indexPiece(db, id, replaced);
    return piece;
  });
}

/** Deletes a piece with its stored copy and passages, in one transaction. */
export function deletePiece(db: CommonplaceDB, id: string): Promise<DeletedPiece | null> {
  return writeTransaction(db, async () => {
    const deleted = await removePiece(db, id);
    if (deleted) await removePieceFromIndex(db, deleted.piece);
    return deleted;
  });
}

/** Undoes deletePiece. */
export function restorePiece(db: CommonplaceDB, deleted: DeletedPiece): Promise<void> {
  return writeTransaction(db, async () => {
    // A piece of that id written since (an import) is what the index counted: it is replaced.
    const replaced = await db.pieces.get(deleted.piece.id);
    await putBackPiece(db, deleted);
    await indexPiece(db, deleted.piece.id, replaced);
  });
}
