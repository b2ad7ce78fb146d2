/** clip/read: the tab's page read into a preview, with what is saved already, or why not. */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDatabase } from '../../../lib/collection/database';
import { addTagAlias } from '../../../lib/collection/tags';
import { savePiece } from '../../../lib/collection/pieces';
import { readTab } from '../../../entrypoints/background/clip-handlers';
import { makeExtraction } from '../factories';
import { ARTICLE_URL, openTab, readArticle } from './tab';

vi.mock('wxt/browser', () => import('./fake-browser'));

const sender = { tabId: undefined, url: undefined };

describe('clip/read', () => {
  it('answers the preview, the time read in the tab, and nothing saved yet', async () => {
    const tab = await openTab(`${ARTICLE_URL}?utm_source=feed`, { '/clip.js': readArticle() });
    const answer = await readTab({ tabId: tab.id }, sender);
    expect(answer).toMatchObject({
      ok: true,
      pageMs: 42,
      saved: null,
      known: { authors: [], themes: [] },
      page: {
        pageKind: 'article',
        url: ARTICLE_URL,
        title: 'On Reading',
        authors: ['Ann Reader'],
        keywords: ['Reading', 'Memory'],
      },
    });
    expect(fakeBrowser.scripting.executeScript).toHaveBeenCalledWith({
      target: { tabId: tab.id },
      files: ['/clip.js'],
      injectImmediately: true,
    });
  });

  it('answers the piece already saved under the canonical URL, and the tags in use', async () => {
    const tab = await openTab(`${ARTICLE_URL}?utm_source=feed`, { '/clip.js': readArticle() });
    const db = openDatabase();
    const piece = await savePiece(db, makeExtraction({ url: ARTICLE_URL }), {
      authors: ['Ann Reader'],
      themes: ['Memory', 'Commonplace books'],
      note: 'Read twice.',
    });
    await savePiece(db, makeExtraction(), { authors: ['Christopher Ford'], themes: [], note: '' });
    const ford = (await db.tags.toArray()).find((t) => t.name === 'Christopher Ford')!;
    await addTagAlias(db, ford.id, 'C. Ford');
    const answer = await readTab({ tabId: tab.id }, sender);
    expect(answer).toMatchObject({
      saved: {
        id: piece.id,
        authors: ['Ann Reader'],
        themes: ['Memory', 'Commonplace books'],
        note: 'Read twice.',
        createdAt: piece.createdAt,
      },
      known: {
        authors: ['Ann Reader', 'Christopher Ford'],
        themes: ['Commonplace books', 'Memory'],
      },
      spellings: { authors: { 'c ford': 'Christopher Ford' }, themes: {} },
    });
  });
});

describe('clip/read refuses', () => {
  it.each([
    [
      'a browser page',
      'chrome://settings/',
      'Browser pages (settings, new tab, extensions) cannot be clipped: browsers do not let extensions read them.',
    ],
    [
      'a local file without file access',
      'file:///home/ann/notes.html',
      'Local files can be clipped only after you allow it: open the extension’s details and turn on “Allow access to file URLs”.',
    ],
    [
      'a PDF',
      'https://essays.example/paper.pdf',
      'PDF documents cannot be clipped yet: Commonplace reads web pages only.',
    ],
  ])('%s, before reading it', async (_, url, message) => {
    const tab = await openTab(url, { '/clip.js': readArticle() });
    await expect(readTab({ tabId: tab.id }, sender)).rejects.toThrow(message);
  });

  it('a hidden address the browser will not inject into, in words', async () => {
    const refusal = new Error('Cannot access contents of url "chrome://newtab/".');
    const tab = await openTab(undefined, { '/clip.js': refusal });
    await expect(readTab({ tabId: tab.id }, sender)).rejects.toThrow(
      'Browser pages (settings, new tab, extensions) cannot be clipped: browsers do not let extensions read them.',
    );
  });

  it('a tab that is gone', async () => {
    const tab = await openTab(ARTICLE_URL, { '/clip.js': readArticle() });
    vi.spyOn(fakeBrowser.tabs, 'get').mockRejectedValue(new Error(`No tab with id: ${tab.id}.`));
    await expect(readTab({ tabId: tab.id }, sender)).rejects.toThrow(
      'This tab is gone: open the page again and click Commonplace.',
    );
  });

  it('a page the clip script could not read', async () => {
    const failure = { ok: false, failure: 'not-html', message: 'no document' } as const;
    const tab = await openTab(ARTICLE_URL, { '/clip.js': failure });
    await expect(readTab({ tabId: tab.id }, sender)).rejects.toThrow(
      'This is not a web page Commonplace can read (no HTML document).',
    );
  });

  it('a page whose script did not answer', async () => {
    const tab = await openTab(ARTICLE_URL, {});
    await expect(readTab({ tabId: tab.id }, sender)).rejects.toThrow(
      'The page did not answer: reload it and try again.',
    );
  });
});
