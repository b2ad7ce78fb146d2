/**
 * Adding a tag to many pieces at once, or taking one off them: one read and one write of the
 * rows that change. Runs in a transaction the caller opened over pieces and tags.
 */
import type { PieceRow, TagKind, TagRow } from '../model/records';
import { assertSavable } from './limits';
import type { CollectionTables } from './schema';
import { typedName, existingTag } from './tag-names';
import { ensureTags } from './tags';
import { tagListField } from '../tags/references';
import type { Rewritten } from './tag-merge';

/**
 * Files the pieces `pieceIds` (those that still exist) under the tag `name` of `kind`, created
 * when no tag has that name or alias; pieces already under it are left alone. Returns the tag
 * and the pieces written.
 */
export async function addTagToPieceRows(
  t: CollectionTables,
  pieceIds: readonly string[],
  kind: TagKind,
  name: string,
  stamp: string,
): Promise<{ tag: TagRow; pieces: Rewritten<PieceRow>[] }> {
  const [tag] = await ensureTags(t, kind, [typedName(name).name], stamp);
  const field = tagListField(kind);
  const rows = await t.pieces.bulkGet([...pieceIds]);
  const written: Rewritten<PieceRow>[] = [];
  for (const row of rows) {
    if (!row || row[field].includes(tag!.id)) continue;
    const piece = { ...row, [field]: [...row[field], tag!.id], updatedAt: stamp };
    assertSavable('pieces', piece);
    written.push({ before: row, after: piece });
  }
  await t.pieces.bulkPut(written.map((row) => row.after));
  return { tag: tag!, pieces: written };
}

/** Takes the tag `tagId` off the pieces `pieceIds`; returns the pieces written. */
export async function removeTagFromPieceRows(
  t: CollectionTables,
  pieceIds: readonly string[],
  tagId: string,
  stamp: string,
): Promise<Rewritten<PieceRow>[]> {
  const field = tagListField((await existingTag(t, tagId)).kind);
  const rows = await t.pieces.bulkGet([...pieceIds]);
  const written = rows.flatMap((row) =>
    row && row[field].includes(tagId)
      ? [
          {
            before: row,
            after: { ...row, [field]: row[field].filter((id) => id !== tagId), updatedAt: stamp },
          },
        ]
      : [],
  );
  await t.pieces.bulkPut(written.map((row) => row.after));
  return written;
}
