/**
 * Passages, background side: annotate the tab's selection (the editor frame is opened over the
 * page and answers here), save it (clipping the piece first when needed), paint the passages.
 */
import { browser } from 'wxt/browser';
import { ClipError } from '../../lib/clip/clip-errors';
import { restrictionFor } from '../../lib/clip/restricted';
import { canonicalUrl } from '../../lib/extract/canonical-url';
import { openDatabase } from '../../lib/collection/database';
import {
  addPassage,
  deletePassage,
  passagesOfPiece,
  updatePassage,
} from '../../lib/collection/passages';
import { findPieceByUrl, savePiece } from '../../lib/collection/pieces';
import { listTags } from '../../lib/collection/tags';
import { sendPageCommand } from '../../lib/messaging';
import { highlightCss } from '../../lib/passages/paint';
import type { MessageHandlers, PageSelection, ShownPassage } from '../../lib/protocol';
import { existingTab, readTabBody, readTabPreview } from './clip-tab';
import { shownPassages } from './answers';

const db = openDatabase();

interface PendingPassage {
  tabId: number;
  selection: PageSelection;
}

// Kept in session storage: the service worker may sleep while the reader types.
const pendingKey = (token: string) => `pending-passage:${token}`;

async function pending(token: string): Promise<PendingPassage> {
  const key = pendingKey(token);
  const stored = (await browser.storage.session.get(key))[key] as PendingPassage | undefined;
  if (!stored)
    throw new ClipError('This passage editor has expired: select the text and annotate it again.');
  return stored;
}

/** Injects the page-side passages script (once per page; it ignores a second injection). */
async function ensurePageScript(tabId: number): Promise<void> {
  const tab = await existingTab(tabId);
  if (tab.url !== undefined) {
    const restriction = restrictionFor(tab.url, {
      fileAccessAllowed: await browser.extension.isAllowedFileSchemeAccess(),
    });
    if (restriction) throw new ClipError(restriction);
  }
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: ['/passages.js'] });
  } catch (error) {
    throw new ClipError(`Commonplace cannot mark passages on this page (${String(error)}).`);
  }
}

/** Paints every passage of a piece in the tab; returns which were found and which are orphans. */
async function paintPiece(
  tabId: number,
  pieceId: string,
): Promise<{ found: ShownPassage[]; orphans: ShownPassage[] }> {
  const shown = await shownPassages(db, await passagesOfPiece(db, pieceId));
  const css = highlightCss(shown.map((v) => v.color));
  if (css) await browser.scripting.insertCSS({ target: { tabId }, css });
  const result = await sendPageCommand(tabId, 'page/paint', {
    passages: shown.map(({ id, selectors, color }) => ({ id, selectors, color })),
  });
  const found = new Set(result.found);
  return {
    found: shown.filter((v) => found.has(v.id)),
    orphans: shown.filter((v) => !found.has(v.id)),
  };
}

async function knownTags(): Promise<{ authors: string[]; themes: string[] }> {
  const [authors, themes] = await Promise.all([listTags(db, 'author'), listTags(db, 'theme')]);
  return { authors: authors.map((t) => t.name), themes: themes.map((t) => t.name) };
}

/** Starts annotating the selection of a tab: capture it, then open the editor over the page. */
export async function annotateTab(tabId: number): Promise<void> {
  await ensurePageScript(tabId);
  const captured = await sendPageCommand(tabId, 'page/capture', {});
  if (!captured.ok) throw new ClipError(captured.message);
  const token = crypto.randomUUID();
  const entry: PendingPassage = { tabId, selection: captured.selection };
  await browser.storage.session.set({ [pendingKey(token)]: entry });
  await sendPageCommand(tabId, 'page/open-editor', { token });
}

/** The piece of the tab's page, clipped now (with the page's own authors and themes) if needed. */
async function pieceOfTab(tabId: number): Promise<string> {
  const { preview } = await readTabPreview(tabId);
  const existing = await findPieceByUrl(db, preview.url);
  if (existing) return existing.piece.id;
  const body = await readTabBody(tabId, preview);
  const piece = await savePiece(
    db,
    { ...preview, ...body },
    {
      authors: preview.authors,
      themes: preview.keywords,
      note: '',
    },
  );
  return piece.id;
}

export const passageHandlers: Pick<
  MessageHandlers,
  | 'page/ready'
  | 'passages/annotate'
  | 'passages/show'
  | 'editor/load'
  | 'editor/save'
  | 'editor/cancel'
  | 'passage/update'
  | 'passage/delete'
> = {
  'page/ready': async ({ canonicalHref, ogUrl }, sender) => {
    if (sender.tabId === undefined || !sender.url) return { passages: [] };
    const found = await findPieceByUrl(db, canonicalUrl(sender.url, [canonicalHref, ogUrl]));
    if (!found) return { passages: [] };
    const shown = await shownPassages(db, await passagesOfPiece(db, found.piece.id));
    const css = highlightCss(shown.map((v) => v.color));
    if (css) await browser.scripting.insertCSS({ target: { tabId: sender.tabId }, css });
    return { passages: shown.map(({ id, selectors, color }) => ({ id, selectors, color })) };
  },
  'passages/annotate': async ({ tabId }) => {
    await annotateTab(tabId);
    return { ok: true };
  },
  'passages/show': async ({ tabId, pieceId }) => {
    await ensurePageScript(tabId);
    return { ok: true, ...(await paintPiece(tabId, pieceId)) };
  },
  'editor/load': async ({ token }) => {
    const { selection } = await pending(token);
    return { ok: true, selection, known: await knownTags() };
  },
  'editor/save': async ({ token, edits }) => {
    const { tabId, selection } = await pending(token);
    const pieceId = await pieceOfTab(tabId);
    await addPassage(db, {
      pieceId,
      selectors: selection.selectors,
      quote: selection.quote,
      textFragment: selection.textFragment,
      ...edits,
    });
    await browser.storage.session.remove(pendingKey(token));
    // Saved: a page gone or reloaded meanwhile paints its passages when it loads again, and
    // takes the editor with it. An error now would say the passage was not saved.
    await paintPiece(tabId, pieceId).catch((error: unknown) =>
      console.warn('The passage is saved; its page could not be repainted:', error),
    );
    await sendPageCommand(tabId, 'page/close-editor', {}).catch(() => undefined);
    return { ok: true };
  },
  'editor/cancel': async ({ token }) => {
    const { tabId } = await pending(token).catch(() => ({ tabId: undefined }));
    await browser.storage.session.remove(pendingKey(token));
    if (tabId !== undefined) await sendPageCommand(tabId, 'page/close-editor', {});
    return { ok: true };
  },
  'passage/update': async ({ id, edits }) => {
    const row = await updatePassage(db, id, edits);
    const [passage] = await shownPassages(db, [row]);
    return { ok: true, passage: passage! };
  },
  'passage/delete': async ({ id, tabId }) => {
    const row = await db.passages.get(id);
    await deletePassage(db, id);
    if (row && tabId !== null) await paintPiece(tabId, row.pieceId);
    return { ok: true };
  },
};
