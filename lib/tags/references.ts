/**
 * How the tag lists of pieces and passages change when a tag is merged into another or deleted,
 * and how those changes are undone without undoing edits made since. Pure: lists of tag ids in,
 * lists out.
 */

import type { TagKind } from '../model/records';

/** The list of a piece or passage that holds tags of `kind`. */
export function tagListField(kind: TagKind): 'authorIds' | 'themeIds' {
  return kind === 'author' ? 'authorIds' : 'themeIds';
}

/** `ids` with `from` replaced by `into` where it stood (dropped when `into` is already there). */
export function mergedIds(ids: readonly string[], from: string, into: string): string[] {
  if (!ids.includes(from)) return [...ids];
  if (ids.includes(into)) return ids.filter((id) => id !== from);
  return ids.map((id) => (id === from ? into : id));
}

/**
 * Undoes `mergedIds` on a list that may have changed since (`before` is the list the merge saw).
 * A row that had only `from` gets `from` back in place of `into`; a row that had both gets `from`
 * back at its old place. A row that no longer has `into` was edited about this very tag since
 * the merge, and that edit is kept.
 */
export function unmergedIds(
  current: readonly string[],
  before: readonly string[],
  from: string,
  into: string,
): string[] {
  if (!current.includes(into) || current.includes(from)) return [...current];
  if (!before.includes(into)) return current.map((id) => (id === into ? from : id));
  return insertedAt(current, from, before.indexOf(from));
}

/** `ids` with `id` put back at `index` (or at the end when the list has shrunk), once. */
export function insertedAt(ids: readonly string[], id: string, index: number): string[] {
  if (ids.includes(id)) return [...ids];
  const at = Math.max(0, Math.min(index, ids.length));
  return [...ids.slice(0, at), id, ...ids.slice(at)];
}

/** Whether two lists of ids are the same, in the same order. */
export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

interface TagLists {
  authorIds: readonly string[];
  themeIds: readonly string[];
}

/**
 * The tags a passage is filed under in the debate view: its own authors when it has any (the
 * person quoted), else its piece's; its themes likewise.
 */
export function attributedTags(passage: TagLists, piece: TagLists): TagLists {
  return {
    authorIds: passage.authorIds.length > 0 ? passage.authorIds : piece.authorIds,
    themeIds: passage.themeIds.length > 0 ? passage.themeIds : piece.themeIds,
  };
}
