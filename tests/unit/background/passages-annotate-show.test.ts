/** passages/annotate and passages/show: the popup's two ways into a tab's passages. */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { passageHandlers } from '../../../entrypoints/background/passage-handlers';
import { MEMORY_COLOR, saveArticle } from './article';
import { ARTICLE_URL, articleAnswers, editorToken, openTab, selectionOnArticle } from './tab';

vi.mock('wxt/browser', () => import('./fake-browser'));

const extensionPage = { tabId: undefined, url: undefined };
const annotate = passageHandlers['passages/annotate'];
const show = passageHandlers['passages/show'];

describe('passages/annotate', () => {
  it('captures the selection, keeps it for the editor and opens the editor over the page', async () => {
    const tab = await openTab(ARTICLE_URL, {}, articleAnswers());
    expect(await annotate({ tabId: tab.id }, extensionPage)).toEqual({ ok: true });
    expect(fakeBrowser.scripting.executeScript).toHaveBeenCalledWith({
      target: { tabId: tab.id },
      files: ['/passages.js'],
    });
    const token = editorToken(tab);
    expect(tab.commands).toEqual([{ type: 'page/capture' }, { type: 'page/open-editor', token }]);
    const kept = await fakeBrowser.storage.session.get(null);
    expect(kept).toEqual({
      [`pending-passage:${token}`]: { tabId: tab.id, selection: selectionOnArticle() },
    });
  });

  it('refuses a browser page without injecting anything', async () => {
    const tab = await openTab('chrome://newtab/', {}, articleAnswers());
    await expect(annotate({ tabId: tab.id }, extensionPage)).rejects.toThrow(
      'Browser pages (settings, new tab, extensions) cannot be clipped: browsers do not let extensions read them.',
    );
    expect(fakeBrowser.scripting.executeScript).not.toHaveBeenCalled();
  });

  it('says so when the browser refuses the page-side script', async () => {
    const refusal = new Error('Cannot access contents of the page.');
    const tab = await openTab(undefined, { '/passages.js': refusal }, articleAnswers());
    await expect(annotate({ tabId: tab.id }, extensionPage)).rejects.toThrow(
      'Commonplace cannot mark passages on this page (Error: Cannot access contents of the page.).',
    );
  });

  it('a tab closed meanwhile, in words, opening no editor', async () => {
    const tab = await openTab(ARTICLE_URL, {}, articleAnswers());
    vi.spyOn(fakeBrowser.tabs, 'get').mockRejectedValue(new Error(`No tab with id: ${tab.id}.`));
    await expect(annotate({ tabId: tab.id }, extensionPage)).rejects.toThrow(
      'This tab is gone: open the page again.',
    );
    expect(fakeBrowser.scripting.executeScript).not.toHaveBeenCalled();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it("passes on the page's word when there is nothing to capture, opening no editor", async () => {
    const nothing = { ok: false, message: 'Select the text of the passage first.' } as const;
    const tab = await openTab(ARTICLE_URL, {}, { 'page/capture': nothing });
    await expect(annotate({ tabId: tab.id }, extensionPage)).rejects.toThrow(
      'Select the text of the passage first.',
    );
    expect(tab.commands.map((c) => c.type)).toEqual(['page/capture']);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });
});

describe('passages/show', () => {
  it("paints the piece's passages and answers which the page found", async () => {
    const tab = await openTab(ARTICLE_URL);
    const { pieceId, ids } = await saveArticle('copy out what we read:Memory', 'a lost line');
    tab.answers['page/paint'] = { found: [ids[0]!], orphans: [ids[1]!] };
    const answer = await show({ tabId: tab.id, pieceId }, extensionPage);
    expect(answer).toMatchObject({
      ok: true,
      found: [
        { id: ids[0], quote: 'copy out what we read', themes: ['Memory'], color: MEMORY_COLOR },
      ],
      orphans: [{ id: ids[1], quote: 'a lost line', themes: [], color: '#fff3a3' }],
    });
    expect(tab.commands).toEqual([
      {
        type: 'page/paint',
        passages: [
          {
            id: ids[0],
            selectors: selectionOnArticle('copy out what we read').selectors,
            color: MEMORY_COLOR,
          },
          { id: ids[1], selectors: selectionOnArticle('a lost line').selectors, color: '#fff3a3' },
        ],
      },
    ]);
    expect(tab.css).toEqual([expect.stringContaining('::highlight(commonplace-b2f2bb)')]);
  });

  it('answers no passages for a piece without any, and inserts no stylesheet', async () => {
    const tab = await openTab(ARTICLE_URL, {}, articleAnswers());
    const { pieceId } = await saveArticle();
    const answer = await show({ tabId: tab.id, pieceId }, extensionPage);
    expect(answer).toEqual({ ok: true, found: [], orphans: [] });
    expect(tab.commands).toEqual([{ type: 'page/paint', passages: [] }]);
    expect(tab.css).toEqual([]);
  });

  it('refuses a page the extension may not read', async () => {
    const tab = await openTab('https://chromewebstore.google.com/detail/x', {}, articleAnswers());
    const { pieceId } = await saveArticle('copy out what we read');
    await expect(show({ tabId: tab.id, pieceId }, extensionPage)).rejects.toThrow(
      'Extension store pages cannot be clipped: browsers do not let extensions read them.',
    );
    expect(tab.commands).toEqual([]);
  });
});
