/** Passages: marked text of a piece, with selectors to find it again, a note and tags. */
import type { PassageView } from '../protocol';
import { SEARCH_TABLES, indexPassage, removePassageFromIndex } from '../search';
import { themeColor } from '../tags/colors';
import { explainStorageError } from './errors';
import { assertSavable } from './limits';
import { newId, nowIso, type CommonplaceDB } from './schema';
import type { PassageRow } from '../model/records';
import { ensureTags, tagsByIds } from './tags';

export interface PassageEdits {
  note: string;
  authors: string[];
  themes: string[];
}

export interface NewPassage extends PassageEdits {
  pieceId: string;
  selectors: unknown[];
  quote: string;
  textFragment: string | null;
}

/** Adds a passage (and any new tags) in one transaction. */
export async function addPassage(
  db: CommonplaceDB,
  passage: NewPassage,
  now: Date = new Date(),
): Promise<PassageRow> {
  const stamp = nowIso(now);
  try {
    return await db.transaction('rw', [...SEARCH_TABLES, 'tags'], async () => {
      if (!(await db.pieces.get(passage.pieceId)))
        throw new Error('The piece of this passage is gone.');
      const authors = await ensureTags(db, 'author', passage.authors, stamp);
      const themes = await ensureTags(db, 'theme', passage.themes, stamp);
      const row: PassageRow = {
        id: newId(),
        pieceId: passage.pieceId,
        selectors: passage.selectors,
        quote: passage.quote,
        textFragment: passage.textFragment,
        note: passage.note,
        authorIds: authors.map((t) => t.id),
        themeIds: themes.map((t) => t.id),
        createdAt: stamp,
        updatedAt: stamp,
      };
      assertSavable('passages', row);
      await db.passages.add(row);
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
  edits: PassageEdits,
  now: Date = new Date(),
): Promise<PassageRow> {
  const stamp = nowIso(now);
  try {
    return await db.transaction('rw', [...SEARCH_TABLES, 'tags'], async () => {
      const passage = await db.passages.get(id);
      if (!passage) throw new Error('This passage no longer exists.');
      const authors = await ensureTags(db, 'author', edits.authors, stamp);
      const themes = await ensureTags(db, 'theme', edits.themes, stamp);
      const updated: PassageRow = {
        ...passage,
        note: edits.note,
        authorIds: authors.map((t) => t.id),
        themeIds: themes.map((t) => t.id),
        updatedAt: stamp,
      };
      assertSavable('passages', updated);
      await db.passages.put(updated);
      await indexPassage(db, id);
      return updated;
    });
  } catch (error) {
    explainStorageError(error);
  }
}

export async function deletePassage(db: CommonplaceDB, id: string): Promise<void> {
  await db.transaction('rw', [...SEARCH_TABLES], async () => {
    const passage = await db.passages.get(id);
    if (!passage) return;
    await db.passages.delete(id);
    await removePassageFromIndex(db, passage);
  });
}

/** The passages of a piece, oldest first (reading order is decided by anchoring). */
export async function passagesOfPiece(db: CommonplaceDB, pieceId: string): Promise<PassageRow[]> {
  const rows = await db.passages.where('pieceId').equals(pieceId).toArray();
  return rows.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

/** Passages as the popup and the page show them: tag names and the highlight colour. */
export async function passageViews(db: CommonplaceDB, rows: PassageRow[]): Promise<PassageView[]> {
  return Promise.all(
    rows.map(async (row) => {
      const [authors, themes] = await Promise.all([
        tagsByIds(db, row.authorIds),
        tagsByIds(db, row.themeIds),
      ]);
      return {
        id: row.id,
        quote: row.quote,
        note: row.note,
        selectors: row.selectors,
        textFragment: row.textFragment,
        authors: authors.map((t) => t.name),
        themes: themes.map((t) => t.name),
        color: themeColor(themes[0]),
      };
    }),
  );
}
