/**
 * Merging a tag into another and deleting a tag, each with what its Undo needs: the tag rows as
 * they were and, for every piece and passage that carried the tag, its list before. Undo puts
 * back only what the action changed, so edits made since (a note, another theme) are kept.
 * Every function runs in a transaction the caller opened over pieces, passages and tags.
 */
import type { InsertType, Table } from 'dexie';
import { UserError } from '../errors';
import type { PassageRow, PieceRow, TagRow } from '../model/records';
import { tagKey } from '../tags/normalize';
import { insertedAt, tagListField, mergedIds, sameIds, unmergedIds } from '../tags/references';
import { assertSavable } from './limits';
import type { CollectionTables } from './schema';
import { absorbedNames, existingTag } from './tag-names';
import { findTag } from './tags';

/** A row's tag list (of the tag's kind) before an action changed it. */
export interface TagListBefore {
  id: string;
  before: string[];
}

/** What `mergeTagRows` did: the two tags as they were, and the lists it changed. */
export interface TagMerge {
  from: TagRow;
  into: TagRow;
  pieces: TagListBefore[];
  passages: TagListBefore[];
}

/** What `removeTagRow` did: the tag as it was, and the lists it was taken out of. */
export interface TagRemoval {
  tag: TagRow;
  pieces: TagListBefore[];
  passages: TagListBefore[];
}

type Tagged = PieceRow | PassageRow;

/** A row rewritten: as it was, and as written. */
export interface Rewritten<T> {
  before: T;
  after: T;
}

/** The pieces and passages a change of tags wrote (for the search index). */
export interface RowsWritten {
  pieces: Rewritten<PieceRow>[];
  /** As written. */
  passages: PassageRow[];
}
type ListField = 'authorIds' | 'themeIds';

/**
 * Rewrites the `field` list of every row of `table` that carries `tagId` with `change`; returns
 * the lists before and the rows as written.
 */
async function rewriteLists<T extends Tagged>(
  table: Table<T, string, InsertType<T, 'id'>>,
  field: ListField,
  tagId: string,
  change: (ids: string[]) => string[],
  stamp: string,
): Promise<{ lists: TagListBefore[]; rows: Rewritten<T>[] }> {
  const rows = await table.where(field).equals(tagId).toArray();
  const written = rows.map((row) => ({ ...row, [field]: change(row[field]), updatedAt: stamp }));
  await table.bulkPut(written);
  return {
    lists: rows.map((row) => ({ id: row.id, before: row[field] })),
    rows: rows.map((row, i) => ({ before: row, after: written[i]! })),
  };
}

/** Puts back lists recorded in `changes` with `restore(current, before)`; returns pieces written. */
async function restoreLists<T extends Tagged>(
  table: Table<T, string, InsertType<T, 'id'>>,
  field: ListField,
  changes: readonly TagListBefore[],
  restore: (current: string[], before: string[]) => string[],
  stamp: string,
): Promise<Rewritten<T>[]> {
  const rows = await table.bulkGet(changes.map((change) => change.id));
  const written: Rewritten<T>[] = [];
  rows.forEach((row, i) => {
    if (!row) return; // deleted since: nothing to put back
    const list = restore(row[field], changes[i]!.before);
    if (!sameIds(list, row[field])) {
      written.push({ before: row, after: { ...row, [field]: list, updatedAt: stamp } });
    }
  });
  await table.bulkPut(written.map((row) => row.after));
  return written;
}

/** Puts back the lists of the passages, then of the pieces, that a change recorded. */
async function restoreBoth(
  t: CollectionTables,
  field: ListField,
  changes: { pieces: readonly TagListBefore[]; passages: readonly TagListBefore[] },
  restore: (current: string[], before: string[]) => string[],
  stamp: string,
): Promise<RowsWritten> {
  const passages = await restoreLists<PassageRow>(
    t.passages,
    field,
    changes.passages,
    restore,
    stamp,
  );
  const pieces = await restoreLists<PieceRow>(t.pieces, field, changes.pieces, restore, stamp);
  return { pieces, passages: passages.map((row) => row.after) };
}

/** Ids of the pieces filed under tag `tagId` (none when it no longer exists). */
export async function piecesCarrying(t: CollectionTables, tagId: string): Promise<string[]> {
  const tag = await t.tags.get(tagId);
  if (!tag) return [];
  return (await t.pieces.where(tagListField(tag.kind)).equals(tagId).primaryKeys()) as string[];
}

/**
 * Refuses to put `tag` back when its name or a spelling of it now finds another tag (made or
 * given that spelling since): two tags answering to one spelling would file clips at random.
 */
async function assertStillFree(t: CollectionTables, tag: TagRow, except: string): Promise<void> {
  for (const key of [tag.key, ...tag.aliasKeys]) {
    const other = await findTag(t, tag.kind, key);
    if (other && other.id !== tag.id && other.id !== except) {
      throw new UserError(
        `Cannot undo: “${other.name}” now answers to a spelling of “${tag.name}”. Remove that spelling or merge it first; nothing was changed.`,
      );
    }
  }
}

/**
 * Merges tag `fromId` into `intoId`: every piece and passage filed under the first is filed
 * under the second, the first is deleted, and its name and aliases become aliases of the second,
 * so later clips that say them are filed under it. Returns the merge (for Undo) and the rows
 * written (for the search index).
 */
export async function mergeTagRows(
  t: CollectionTables,
  fromId: string,
  intoId: string,
  stamp: string,
): Promise<{ merge: TagMerge; written: RowsWritten }> {
  if (fromId === intoId) throw new UserError('A tag cannot be merged into itself.');
  const from = await existingTag(t, fromId);
  const into = await existingTag(t, intoId);
  if (from.kind !== into.kind) {
    throw new UserError(
      `“${from.name}” is ${from.kind === 'author' ? 'an author' : 'a theme'} and “${into.name}” is not: only two authors or two themes can be merged.`,
    );
  }
  const merged = absorbedNames(into, from, stamp);
  assertSavable('tags', merged);
  const field = tagListField(from.kind);
  const change = (ids: string[]) => mergedIds(ids, fromId, intoId);
  const pieces = await rewriteLists<PieceRow>(t.pieces, field, fromId, change, stamp);
  const passages = await rewriteLists<PassageRow>(t.passages, field, fromId, change, stamp);
  await t.tags.delete(fromId);
  await t.tags.put(merged);
  return {
    merge: { from, into, pieces: pieces.lists, passages: passages.lists },
    written: { pieces: pieces.rows, passages: passages.rows.map((row) => row.after) },
  };
}

/**
 * Undoes a merge: both tags as they were (the second keeps edits made to it since, less the
 * spellings the merge gave it), every list as it was. Refused, with nothing changed, when a tag
 * of the first's name was made since. Returns the pieces written.
 */
export async function undoMergeRows(
  t: CollectionTables,
  merge: TagMerge,
  stamp: string,
): Promise<RowsWritten> {
  const { from, into } = merge;
  await assertStillFree(t, from, into.id);
  const current = await t.tags.get(into.id);
  if (current) {
    const given = new Set([from.key, ...from.aliasKeys].filter((k) => !into.aliasKeys.includes(k)));
    await t.tags.put({
      ...current,
      aliases: current.aliases.filter((alias) => !given.has(tagKey(alias))),
      aliasKeys: current.aliasKeys.filter((key) => !given.has(key)),
      updatedAt: stamp,
    });
  }
  await t.tags.put(from);
  const field = tagListField(from.kind);
  const restore = (ids: string[], before: string[]) => unmergedIds(ids, before, from.id, into.id);
  return restoreBoth(t, field, merge, restore, stamp);
}

/**
 * Deletes a tag and takes it off every piece and passage; its aliases no longer file clips.
 * Returns the removal (for Undo) and the pieces written.
 */
export async function removeTagRow(
  t: CollectionTables,
  id: string,
  stamp: string,
): Promise<{ removal: TagRemoval; written: RowsWritten }> {
  const tag = await existingTag(t, id);
  const field = tagListField(tag.kind);
  const change = (ids: string[]) => ids.filter((other) => other !== id);
  const pieces = await rewriteLists<PieceRow>(t.pieces, field, id, change, stamp);
  const passages = await rewriteLists<PassageRow>(t.passages, field, id, change, stamp);
  await t.tags.delete(id);
  return {
    removal: { tag, pieces: pieces.lists, passages: passages.lists },
    written: { pieces: pieces.rows, passages: passages.rows.map((row) => row.after) },
  };
}

/** Undoes a deletion: the tag back, and on every list it was on, at its place. */
export async function undoRemovalRows(
  t: CollectionTables,
  removal: TagRemoval,
  stamp: string,
): Promise<RowsWritten> {
  const { tag } = removal;
  await assertStillFree(t, tag, tag.id);
  await t.tags.put(tag);
  const field = tagListField(tag.kind);
  const restore = (ids: string[], before: string[]) =>
    insertedAt(ids, tag.id, before.indexOf(tag.id));
  return restoreBoth(t, field, removal, restore, stamp);
}
