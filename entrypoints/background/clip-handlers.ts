/**
 * Message handlers of the background: each wires lib/ code to the browser and the database.
 * Errors are thrown; the message router answers them as `{ ok: false, message }`.
 */
import { openDatabase } from '../../lib/collection/database';
import { savePiece } from '../../lib/collection/pieces';
import { listTags } from '../../lib/collection/tags';
import type { MessageHandlers } from '../../lib/protocol';
import { spellingsOf } from '../../lib/tags/normalize';
import { readTabBody, readTabPreview } from './clip-tab';
import { savedPiece } from './answers';

const db = openDatabase();

export const readTab: MessageHandlers['clip/read'] = async ({ tabId }) => {
  const [{ preview, pageMs }, authorTags, themeTags] = await Promise.all([
    readTabPreview(tabId),
    listTags(db, 'author'),
    listTags(db, 'theme'),
  ]);
  return {
    ok: true,
    page: preview,
    pageMs,
    saved: await savedPiece(db, preview.url),
    known: { authors: authorTags.map((t) => t.name), themes: themeTags.map((t) => t.name) },
    spellings: { authors: spellingsOf(authorTags), themes: spellingsOf(themeTags) },
  };
};

export const readBody: MessageHandlers['clip/body'] = async ({ tabId, preview }) => ({
  ok: true,
  body: await readTabBody(tabId, preview),
});

export const saveClip: MessageHandlers['piece/save'] = async ({ page, edits }) => {
  const piece = await savePiece(db, page, edits);
  const saved = await savedPiece(db, piece.url);
  if (!saved) throw new Error('the saved piece could not be read back');
  return { ok: true, saved };
};
