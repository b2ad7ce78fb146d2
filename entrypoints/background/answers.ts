/** Saved pieces and passages as the background answers them: tag names, not ids. */
import type { CommonplaceDB } from '../../lib/collection/database';
import { findPieceByUrl } from '../../lib/collection/pieces';
import { tagsByIds } from '../../lib/collection/tags';
import type { PassageRow } from '../../lib/model/records';
import type { ShownPassage, SavedPiece } from '../../lib/protocol';
import { themeColor } from '../../lib/tags/colors';

/** The piece saved under `url` as the popup edits it (tag names, note), or null. */
export async function savedPiece(db: CommonplaceDB, url: string): Promise<SavedPiece | null> {
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

/** Passages as the popup and the page show them: tag names and the highlight colour. */
export async function shownPassages(
  db: CommonplaceDB,
  rows: PassageRow[],
): Promise<ShownPassage[]> {
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
