/** The article of tab.ts saved in the handlers' database, with passages marked on it. */
import { openDatabase } from '../../../lib/collection/database';
import { addPassage } from '../../../lib/collection/passages';
import { savePiece } from '../../../lib/collection/pieces';
import { listTags, setThemeColor } from '../../../lib/collection/tags';
import { makeExtraction } from '../factories';
import { ARTICLE_URL, selectionOnArticle } from './tab';

/** The colour the reader chose for the theme "Memory". */
export const MEMORY_COLOR = '#b2f2bb';

/**
 * Saves the article with one passage per quote, in that order; a passage's themes are given after
 * a colon ("quote:Memory"). "Memory" is coloured MEMORY_COLOR.
 */
export async function saveArticle(
  ...quotes: string[]
): Promise<{ pieceId: string; ids: string[] }> {
  const db = openDatabase();
  const piece = await savePiece(db, makeExtraction({ url: ARTICLE_URL }), {
    authors: ['Ann Reader'],
    themes: [],
    note: '',
  });
  const ids: string[] = [];
  for (const [index, entry] of quotes.entries()) {
    const [quote = '', ...themes] = entry.split(':');
    const { selectors, textFragment } = selectionOnArticle(quote);
    const at = new Date(Date.UTC(2024, 2, 1, 10, index));
    const row = await addPassage(
      db,
      { pieceId: piece.id, quote, selectors, textFragment, authors: [], themes, note: '' },
      at,
    );
    ids.push(row.id);
  }
  const memory = (await listTags(db, 'theme')).find((t) => t.name === 'Memory');
  if (memory) await setThemeColor(db, memory.id, MEMORY_COLOR);
  return { pieceId: piece.id, ids };
}
