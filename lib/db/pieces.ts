/**
 * Pieces: one per canonical URL, with their stored copy. Every function runs in a transaction
 * the caller opened over the tables it names (see lib/collection/pieces.ts).
 */
import type { PageExtraction } from '../extract/types';
import type { PieceMetadataEdits, TagEdits } from '../model/edits';
import type { ContentRow, PassageRow, PieceRow, TagRow } from '../model/records';
import { UserError } from '../errors';
import { assertSavable } from './limits';
import { newId, type CollectionTables } from './schema';
import { ensureTagIds, tagsByIds } from './tags';

export interface PieceWithTags {
  piece: PieceRow;
  authors: TagRow[];
  themes: TagRow[];
}

/** A piece as written, and the row it replaced (what the search index counted it under). */
export interface PieceWritten {
  piece: PieceRow;
  replaced: PieceRow | undefined;
}

/** Everything a deletion removed, so that Undo can put it back exactly. */
export interface DeletedPiece {
  piece: PieceRow;
  content: ContentRow | undefined;
  passages: PassageRow[];
}

/** Reads pieces and tags. */
export async function findPieceByUrl(
  t: CollectionTables,
  url: string,
): Promise<PieceWithTags | undefined> {
  const piece = await t.pieces.where('url').equals(url).first();
  if (!piece) return undefined;
  const [authors, themes] = await Promise.all([
    tagsByIds(t, piece.authorIds),
    tagsByIds(t, piece.themeIds),
  ]);
  return { piece, authors, themes };
}

/**
 * Writes a clipped page (pieces, contents, tags). Saving the same canonical URL again updates
 * that piece: its id, note history and `createdAt` are kept, its stored copy is refreshed
 * (unless the new clip has none).
 */
export async function writeClip(
  t: CollectionTables,
  page: PageExtraction,
  edits: TagEdits,
  stamp: string,
): Promise<PieceWritten> {
  const existing = await t.pieces.where('url').equals(page.url).first();
  const tagIds = await ensureTagIds(t, edits, stamp);
  const hasCopy = page.textContent.trim() !== '';
  const keepOldCopy = existing !== undefined && !hasCopy;
  const piece: PieceRow = {
    id: existing?.id ?? newId(),
    url: page.url,
    pageUrl: page.pageUrl,
    pageKind: keepOldCopy ? existing.pageKind : page.pageKind,
    title: page.title,
    siteName: page.siteName,
    ...tagIds,
    publishedTime: page.publishedTime,
    modifiedTime: page.modifiedTime,
    lang: page.lang,
    excerpt: page.excerpt,
    wordCount: keepOldCopy ? existing.wordCount : page.wordCount,
    contentHash: keepOldCopy ? existing.contentHash : page.contentHash,
    note: edits.note,
    capturedAt: keepOldCopy ? existing.capturedAt : stamp,
    createdAt: existing?.createdAt ?? stamp,
    updatedAt: stamp,
  };
  assertSavable('pieces', piece);
  const content = keepOldCopy
    ? null
    : {
        pieceId: piece.id,
        contentHtml: page.contentHtml,
        textContent: page.textContent,
        updatedAt: stamp,
      };
  if (content) assertSavable('contents', content);
  await t.pieces.put(piece);
  if (content) await t.contents.put(content);
  return { piece, replaced: existing };
}

/** Writes a piece's metadata, note and tags (pieces, tags; tags created as needed). */
export async function writePieceEdits(
  t: CollectionTables,
  id: string,
  edits: PieceMetadataEdits,
  stamp: string,
): Promise<PieceWritten> {
  const piece = await t.pieces.get(id);
  if (!piece) throw new UserError('This piece no longer exists.');
  const tagIds = await ensureTagIds(t, edits, stamp);
  const updated: PieceRow = {
    ...piece,
    title: edits.title.trim() || piece.title,
    publishedTime: edits.publishedTime,
    note: edits.note,
    ...tagIds,
    updatedAt: stamp,
  };
  assertSavable('pieces', updated);
  await t.pieces.put(updated);
  return { piece: updated, replaced: piece };
}

/** Deletes a piece with its stored copy and passages; returns what it deleted, or null. */
export async function removePiece(t: CollectionTables, id: string): Promise<DeletedPiece | null> {
  const piece = await t.pieces.get(id);
  if (!piece) return null;
  const content = await t.contents.get(id);
  const passages = await t.passages.where('pieceId').equals(id).toArray();
  await t.passages.bulkDelete(passages.map((p) => p.id));
  await t.contents.delete(id);
  await t.pieces.delete(id);
  return { piece, content, passages };
}

/** Puts back what `removePiece` deleted. */
export async function putBackPiece(t: CollectionTables, deleted: DeletedPiece): Promise<void> {
  await t.pieces.put(deleted.piece);
  if (deleted.content) await t.contents.put(deleted.content);
  await t.passages.bulkPut(deleted.passages);
}
