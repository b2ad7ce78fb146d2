/** Pieces: one per canonical URL, with their stored copy and tags written in one transaction. */
import type { PageExtraction } from '../extract/types';
import { SEARCH_TABLES, indexPiece, removePieceFromIndex } from '../search';
import { explainStorageError } from './errors';
import { assertSavable } from './limits';
import { ensureTags, tagsByIds } from './tags';
import { newId, nowIso, type CommonplaceDB } from './schema';
import type { ContentRow, PassageRow, PieceRow, TagRow } from '../model/records';

export interface PieceEdits {
  authors: string[];
  themes: string[];
  note: string;
}

/** A saved piece as the popup edits it: tag names rather than ids. */
export interface SavedPieceView extends PieceEdits {
  id: string;
  createdAt: string;
  updatedAt: string;
}

export interface PieceWithTags {
  piece: PieceRow;
  authors: TagRow[];
  themes: TagRow[];
}

/** The piece saved under `url` as the popup edits it (tag names, note), or null. */
export async function savedPieceView(
  db: CommonplaceDB,
  url: string,
): Promise<SavedPieceView | null> {
  const found = await findPieceByUrl(db, url);
  if (!found) return null;
  const { piece, authors, themes } = found;
  return {
    id: piece.id,
    authors: authors.map((t) => t.name),
    themes: themes.map((t) => t.name),
    note: piece.note,
    createdAt: piece.createdAt,
    updatedAt: piece.updatedAt,
  };
}

export async function findPieceByUrl(
  db: CommonplaceDB,
  url: string,
): Promise<PieceWithTags | undefined> {
  return db.transaction('r', db.pieces, db.tags, async () => {
    const piece = await db.pieces.where('url').equals(url).first();
    if (!piece) return undefined;
    const [authors, themes] = await Promise.all([
      tagsByIds(db, piece.authorIds),
      tagsByIds(db, piece.themeIds),
    ]);
    return { piece, authors, themes };
  });
}

/**
 * Saves a clipped page. Saving the same canonical URL again updates that piece: its id, note
 * history and `createdAt` are kept, its stored copy is refreshed (unless the new clip has none).
 */
export async function savePiece(
  db: CommonplaceDB,
  page: PageExtraction,
  edits: PieceEdits,
  now: Date = new Date(),
): Promise<PieceRow> {
  const stamp = nowIso(now);
  try {
    return await db.transaction('rw', [...SEARCH_TABLES, 'tags'], async () => {
      const existing = await db.pieces.where('url').equals(page.url).first();
      const authors = await ensureTags(db, 'author', edits.authors, stamp);
      const themes = await ensureTags(db, 'theme', edits.themes, stamp);
      const hasCopy = page.textContent.trim() !== '';
      const keepOldCopy = existing !== undefined && !hasCopy;
      const piece: PieceRow = {
        id: existing?.id ?? newId(),
        url: page.url,
        pageUrl: page.pageUrl,
        pageKind: keepOldCopy ? existing.pageKind : page.pageKind,
        title: page.title,
        siteName: page.siteName,
        authorIds: authors.map((t) => t.id),
        themeIds: themes.map((t) => t.id),
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
      await db.pieces.put(piece);
      if (content) await db.contents.put(content);
      await indexPiece(db, piece.id);
      return piece;
    });
  } catch (error) {
    explainStorageError(error);
  }
}

export interface PieceMetadataEdits extends PieceEdits {
  title: string;
  publishedTime: string | null;
}

/** Edits a piece's metadata, note and tags in one transaction (tags created as needed). */
export async function updatePiece(
  db: CommonplaceDB,
  id: string,
  edits: PieceMetadataEdits,
  now: Date = new Date(),
): Promise<PieceRow> {
  const stamp = nowIso(now);
  try {
    return await db.transaction('rw', [...SEARCH_TABLES, 'tags'], async () => {
      const piece = await db.pieces.get(id);
      if (!piece) throw new Error('This piece no longer exists.');
      const authors = await ensureTags(db, 'author', edits.authors, stamp);
      const themes = await ensureTags(db, 'theme', edits.themes, stamp);
      const updated: PieceRow = {
        ...piece,
        title: edits.title.trim() || piece.title,
        publishedTime: edits.publishedTime,
        note: edits.note,
        authorIds: authors.map((t) => t.id),
        themeIds: themes.map((t) => t.id),
        updatedAt: stamp,
      };
      assertSavable('pieces', updated);
      await db.pieces.put(updated);
      await indexPiece(db, id);
      return updated;
    });
  } catch (error) {
    explainStorageError(error);
  }
}

/** Everything a deletion removed, so that Undo can put it back exactly. */
export interface DeletedPiece {
  piece: PieceRow;
  content: ContentRow | undefined;
  passages: PassageRow[];
}

/** Deletes a piece with its stored copy and passages, in one transaction. */
export async function deletePiece(db: CommonplaceDB, id: string): Promise<DeletedPiece | null> {
  return db.transaction('rw', [...SEARCH_TABLES], async () => {
    const piece = await db.pieces.get(id);
    if (!piece) return null;
    const content = await db.contents.get(id);
    const passages = await db.passages.where('pieceId').equals(id).toArray();
    await db.passages.bulkDelete(passages.map((p) => p.id));
    await db.contents.delete(id);
    await db.pieces.delete(id);
    await removePieceFromIndex(db, id);
    return { piece, content, passages };
  });
}

/** Undoes deletePiece. */
export async function restorePiece(db: CommonplaceDB, deleted: DeletedPiece): Promise<void> {
  try {
    await db.transaction('rw', [...SEARCH_TABLES], async () => {
      await db.pieces.put(deleted.piece);
      if (deleted.content) await db.contents.put(deleted.content);
      await db.passages.bulkPut(deleted.passages);
      await indexPiece(db, deleted.piece.id);
    });
  } catch (error) {
    explainStorageError(error);
  }
}
