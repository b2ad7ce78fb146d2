/** Message handlers of the background: each wires lib/ code to the browser and the database. */
import { ClipError } from '../../lib/clip/clip-errors';
import { StorageFullError } from '../../lib/db/errors';
import { savePiece, savedPieceView } from '../../lib/db/pieces';
import { openDatabase } from '../../lib/db/schema';
import { listTags } from '../../lib/db/tags';
import type { MessageHandlers } from '../../lib/protocol';
import { clipTab } from './clip-tab';

const db = openDatabase();

/** Errors meant for the user keep their words; anything else is labelled as unexpected. */
function failure(error: unknown): { ok: false; message: string } {
  const message = error instanceof Error ? error.message : String(error);
  const forUser = error instanceof ClipError || error instanceof StorageFullError;
  return { ok: false, message: forUser ? message : `Something went wrong: ${message}` };
}

export const readTab: MessageHandlers['clip/read'] = async ({ tabId }) => {
  try {
    const [{ page, pageMs }, authorTags, themeTags] = await Promise.all([
      clipTab(tabId),
      listTags(db, 'author'),
      listTags(db, 'theme'),
    ]);
    return {
      ok: true,
      page,
      pageMs,
      saved: await savedPieceView(db, page.url),
      known: { authors: authorTags.map((t) => t.name), themes: themeTags.map((t) => t.name) },
    };
  } catch (error) {
    return failure(error);
  }
};

export const saveClip: MessageHandlers['piece/save'] = async ({ page, edits }) => {
  try {
    const piece = await savePiece(db, page, edits);
    const saved = await savedPieceView(db, piece.url);
    if (!saved) throw new Error('the saved piece could not be read back');
    return { ok: true, saved };
  } catch (error) {
    return failure(error);
  }
};
