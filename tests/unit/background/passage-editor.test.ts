/** editor/load, editor/save, editor/cancel: the passage editor frame over the page. */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDatabase } from '../../../lib/collection/database';
import { passageHandlers } from '../../../entrypoints/background/passage-handlers';
import { saveArticle } from './article';
import {
  ARTICLE_BODY,
  ARTICLE_URL,
  articleAnswers,
  editorToken,
  openTab,
  readArticle,
  selectionOnArticle,
  type Injections,
} from './tab';

vi.mock('wxt/browser', () => import('./fake-browser'));

const frame = { tabId: undefined, url: undefined };
const EXPIRED = 'This passage editor has expired: select the text and annotate it again.';
const edits = { authors: ['Ann Reader'], themes: ['Memory'], note: 'Worth keeping.' };

/** A tab on the article whose selection is being annotated: the editor's token. */
async function annotating(injections: Injections = {}) {
  const tab = await openTab(ARTICLE_URL, injections, articleAnswers());
  await passageHandlers['passages/annotate']({ tabId: tab.id }, frame);
  const token = editorToken(tab);
  tab.commands.length = 0;
  return { tab, token };
}

describe('editor/load', () => {
  it('answers the selection being annotated and the tags in use', async () => {
    const { token } = await annotating();
    await saveArticle('an older line:Reading');
    const answer = await passageHandlers['editor/load']({ token }, frame);
    expect(answer).toEqual({
      ok: true,
      selection: selectionOnArticle(),
      known: { authors: ['Ann Reader'], themes: ['Reading'] },
    });
  });

  it('says an unknown token has expired', async () => {
    await openTab(ARTICLE_URL);
    await expect(passageHandlers['editor/load']({ token: 'forged' }, frame)).rejects.toThrow(
      EXPIRED,
    );
  });
});

describe('editor/save', () => {
  it('adds the passage to the saved piece, forgets the token, repaints and closes the editor', async () => {
    const { tab, token } = await annotating({ '/clip.js': readArticle() });
    const { pieceId, ids } = await saveArticle('an older line');
    const answer = await passageHandlers['editor/save']({ token, edits }, frame);
    expect(answer).toEqual({ ok: true });
    const db = openDatabase();
    const added = (await db.passages.where('pieceId').equals(pieceId).toArray()).find(
      (p) => !ids.includes(p.id),
    );
    const selection = selectionOnArticle();
    expect(added).toMatchObject({
      quote: selection.quote,
      selectors: selection.selectors,
      textFragment: selection.textFragment,
      note: 'Worth keeping.',
    });
    expect(tab.commands.map((c) => c.type)).toEqual(['page/paint', 'page/close-editor']);
    expect(tab.commands[0]).toMatchObject({ passages: [{ id: ids[0] }, { id: added!.id }] });
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    const files = vi.mocked(fakeBrowser.scripting.executeScript).mock.calls.map((c) => c[0].files);
    expect(files).toEqual([['/passages.js'], ['/clip.js']]);
  });

  it('answers saved when the page is gone before it is repainted', async () => {
    const { token } = await annotating({ '/clip.js': readArticle() });
    const { pieceId, ids } = await saveArticle('an older line');
    const gone = new Error('Could not establish connection. Receiving end does not exist.');
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(gone);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await passageHandlers['editor/save']({ token, edits }, frame)).toEqual({ ok: true });
    const passages = await openDatabase().passages.where('pieceId').equals(pieceId).toArray();
    expect(passages.filter((p) => !ids.includes(p.id)).map((p) => p.note)).toEqual([
      'Worth keeping.',
    ]);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    // The editor is still told to close (a page that is still there takes it away).
    const sent = vi.mocked(fakeBrowser.tabs.sendMessage).mock.calls.map((c) => c[1]);
    expect(sent).toContainEqual({ type: 'page/close-editor' });
  });

  it("clips the page first when it is not saved, with the page's authors and themes", async () => {
    const { tab, token } = await annotating({
      '/clip.js': readArticle(),
      '/clip-body.js': ARTICLE_BODY,
    });
    await passageHandlers['editor/save']({ token, edits }, frame);
    const db = openDatabase();
    const [piece] = await db.pieces.toArray();
    expect(piece).toMatchObject({ url: ARTICLE_URL, title: 'On Reading' });
    expect((await db.contents.get(piece!.id))?.textContent).toBe('We copy out what we read.');
    const tagNames = (await db.tags.toArray()).map((t) => `${t.kind}:${t.name}`).sort();
    expect(tagNames).toEqual(['author:Ann Reader', 'theme:Memory', 'theme:Reading']);
    const passages = await db.passages.toArray();
    expect(passages.map((p) => [p.pieceId, p.quote])).toEqual([
      [piece!.id, 'copy out what we read'],
    ]);
    expect(tab.commands.map((c) => c.type)).toEqual(['page/paint', 'page/close-editor']);
  });

  it('says an unknown token has expired and writes nothing', async () => {
    const { tab } = await annotating();
    await saveArticle();
    await expect(passageHandlers['editor/save']({ token: 'forged', edits }, frame)).rejects.toThrow(
      EXPIRED,
    );
    expect(await openDatabase().passages.count()).toBe(0);
    expect(tab.commands).toEqual([]);
  });
});

describe('editor/cancel', () => {
  it('forgets the token and closes the editor in its tab', async () => {
    const { tab, token } = await annotating();
    expect(await passageHandlers['editor/cancel']({ token }, frame)).toEqual({ ok: true });
    expect(tab.commands).toEqual([{ type: 'page/close-editor' }]);
    await expect(passageHandlers['editor/load']({ token }, frame)).rejects.toThrow(EXPIRED);
  });

  it('answers ok to an unknown token without touching any tab', async () => {
    const { tab } = await annotating();
    expect(await passageHandlers['editor/cancel']({ token: 'forged' }, frame)).toEqual({
      ok: true,
    });
    expect(tab.commands).toEqual([]);
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toHaveLength(1);
  });
});
