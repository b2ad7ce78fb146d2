/**
 * Authors and themes: reading them, and organising them (rename, aliases, cited names, colours,
 * merge, delete, bulk tagging). Each change is one transaction; those that change which pieces
 * carry a tag keep the search index's counts current in it.
 */
import { addTagToPieceRows, removeTagFromPieceRows } from '../db/bulk-tags';
import { nowIso, tablesOf, type CollectionTables } from '../db/schema';
import {
  mergeTagRows,
  piecesCarrying,
  removeTagRow,
  undoMergeRows,
  undoRemovalRows,
  type RowsWritten,
  type TagMerge,
  type TagRemoval,
} from '../db/tag-merge';
import { addAliasRow, removeAliasRow, renameTagRow, setPersonNameRow } from '../db/tag-names';
import type { PersonName, TagKind, TagRow } from '../model/records';
import { readAhead, recountTags } from '../search';
import type { CommonplaceDB } from './database';
import { writeTransaction } from './write';

export { listTags, setThemeColor, tagsByIds } from '../db/tags';
export { TagNameTakenError } from '../db/tag-names';
export type { TagMerge, TagRemoval };

/**
 * Runs a change of tags on pieces and passages, then keeps the index's counts current. The index
 * rows of the pieces it will change (`pieceIds`) are read while they change.
 */
function retag<T>(
  db: CommonplaceDB,
  pieceIds: (t: CollectionTables) => readonly string[] | Promise<readonly string[]>,
  change: (t: CollectionTables) => Promise<{ result: T; written: RowsWritten }>,
): Promise<T> {
  return writeTransaction(db, async (tx) => {
    const t = tablesOf(tx);
    const ahead = readAhead(tx, await pieceIds(t));
    const { result, written } = await change(t);
    await recountTags(tx, written, ahead);
    return result;
  });
}

const piecesOnly = (pieces: RowsWritten['pieces']): RowsWritten => ({ pieces, passages: [] });

/** The pieces whose lists a merge or deletion recorded (what its Undo rewrites). */
const listedPieces = (change: TagMerge | TagRemoval) => () => change.pieces.map((p) => p.id);

/** Runs a change of the tags table alone. */
function tagsOnly<T>(db: CommonplaceDB, change: (t: CollectionTables) => Promise<T>): Promise<T> {
  return db.transaction('rw', db.tags, (tx) => change(tablesOf(tx)));
}

/** Renames a tag; refused (TagNameTakenError) when the name is another tag's. */
export function renameTag(db: CommonplaceDB, id: string, name: string): Promise<TagRow> {
  return tagsOnly(db, (t) => renameTagRow(t, id, name, nowIso()));
}

/** Adds another spelling that files clips under the tag. */
export function addTagAlias(db: CommonplaceDB, id: string, alias: string): Promise<TagRow> {
  return tagsOnly(db, (t) => addAliasRow(t, id, alias, nowIso()));
}

export function removeTagAlias(db: CommonplaceDB, id: string, alias: string): Promise<TagRow> {
  return tagsOnly(db, (t) => removeAliasRow(t, id, alias, nowIso()));
}

/** Sets how an author is cited (family and given names, or one literal name). */
export function setPersonName(
  db: CommonplaceDB,
  id: string,
  personName: PersonName,
): Promise<TagRow> {
  return tagsOnly(db, (t) => setPersonNameRow(t, id, personName, nowIso()));
}

/** Merges tag `fromId` into `intoId`; what it returns undoes it (`undoMerge`). */
export function mergeTags(db: CommonplaceDB, fromId: string, intoId: string): Promise<TagMerge> {
  return retag(
    db,
    (t) => piecesCarrying(t, fromId),
    async (t) => {
      const { merge, written } = await mergeTagRows(t, fromId, intoId, nowIso());
      return { result: merge, written };
    },
  );
}

export function undoMerge(db: CommonplaceDB, merge: TagMerge): Promise<void> {
  return retag(db, listedPieces(merge), async (t) => ({
    result: undefined,
    written: await undoMergeRows(t, merge, nowIso()),
  }));
}

/** Deletes a tag from the collection; what it returns undoes it (`undoTagDeletion`). */
export function deleteTag(db: CommonplaceDB, id: string): Promise<TagRemoval> {
  return retag(
    db,
    (t) => piecesCarrying(t, id),
    async (t) => {
      const { removal, written } = await removeTagRow(t, id, nowIso());
      return { result: removal, written };
    },
  );
}

export function undoTagDeletion(db: CommonplaceDB, removal: TagRemoval): Promise<void> {
  return retag(db, listedPieces(removal), async (t) => ({
    result: undefined,
    written: await undoRemovalRows(t, removal, nowIso()),
  }));
}

/** Files pieces under a tag (created when new); resolves to the tag and how many changed. */
export function addTagToPieces(
  db: CommonplaceDB,
  pieceIds: readonly string[],
  kind: TagKind,
  name: string,
): Promise<{ tag: TagRow; changed: number }> {
  return retag(
    db,
    () => pieceIds,
    async (t) => {
      const { tag, pieces } = await addTagToPieceRows(t, pieceIds, kind, name, nowIso());
      return { result: { tag, changed: pieces.length }, written: piecesOnly(pieces) };
    },
  );
}

/** Takes a tag off pieces; resolves to how many changed. */
export function removeTagFromPieces(
  db: CommonplaceDB,
  pieceIds: readonly string[],
  tagId: string,
): Promise<number> {
  return retag(
    db,
    () => pieceIds,
    async (t) => {
      const pieces = await removeTagFromPieceRows(t, pieceIds, tagId, nowIso());
      return { result: pieces.length, written: piecesOnly(pieces) };
    },
  );
}
