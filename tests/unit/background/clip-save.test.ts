/** clip/body and piece/save: the stored copy read from the tab, then the piece saved. */
import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDatabase } from '../../../lib/collection/database';
import { finishPreview } from '../../../lib/extract/finish-extraction';
import type { PagePreview } from '../../../lib/extract/types';
import { readBody, saveClip } from '../../../entrypoints/background/clip-handlers';
import { makeExtraction } from '../factories';
import { ARTICLE_BODY, ARTICLE_URL, openTab, readArticle } from './tab';

vi.mock('wxt/browser', () => import('./fake-browser'));

const sender = { tabId: undefined, url: undefined };
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function articlePreview(): PagePreview {
  const read = readArticle();
  if (!read.ok) throw new Error('readArticle reads');
  return finishPreview(read.page);
}

describe('clip/body', () => {
  it('answers the body the tab sanitised, counted and hashed', async () => {
    const tab = await openTab(ARTICLE_URL, { '/clip-body.js': ARTICLE_BODY });
    const answer = await readBody({ tabId: tab.id, preview: articlePreview() }, sender);
    expect(answer).toEqual({
      ok: true,
      body: {
        contentHtml: '<p>We copy out what we read.</p>',
        textContent: 'We copy out what we read.',
        wordCount: 6,
        contentHash: sha256('We copy out what we read.'),
      },
    });
  });

  it("keeps a bookmark's selected text without injecting anything", async () => {
    const tab = await openTab(ARTICLE_URL, {});
    const preview: PagePreview = {
      ...articlePreview(),
      pageKind: 'bookmark',
      selectionText: 'A kept line',
    };
    const answer = await readBody({ tabId: tab.id, preview }, sender);
    expect(answer).toEqual({
      ok: true,
      body: {
        contentHtml: '',
        textContent: 'A kept line',
        wordCount: 3,
        contentHash: sha256('A kept line'),
      },
    });
    expect(fakeBrowser.scripting.executeScript).not.toHaveBeenCalled();
  });

  it('says the page changed when the body script found another page', async () => {
    const changed = { ok: false, failure: 'page-changed', message: 'navigated' } as const;
    const tab = await openTab(ARTICLE_URL, { '/clip-body.js': changed });
    await expect(readBody({ tabId: tab.id, preview: articlePreview() }, sender)).rejects.toThrow(
      'The page changed while it was being clipped (it navigated or reloaded). Open the popup again.',
    );
  });

  it('says why the browser refused the injection', async () => {
    const removed = new Error('Frame with ID 0 was removed.');
    const tab = await openTab(ARTICLE_URL, { '/clip-body.js': removed });
    await expect(readBody({ tabId: tab.id, preview: articlePreview() }, sender)).rejects.toThrow(
      'Commonplace cannot read this page (Frame with ID 0 was removed).',
    );
  });
});

describe('piece/save', () => {
  const edits = {
    authors: ['Christopher Ford'],
    themes: ['Ukraine', 'Left debates'],
    note: 'Kept.',
  };

  it('saves the piece with its tags and answers it as the popup edits it', async () => {
    await openTab(ARTICLE_URL);
    const page = makeExtraction();
    const answer = await saveClip({ page, edits }, sender);
    const db = openDatabase();
    const [piece] = await db.pieces.toArray();
    expect(answer).toEqual({
      ok: true,
      saved: { id: piece!.id, ...edits, createdAt: piece!.createdAt, updatedAt: piece!.updatedAt },
    });
    expect(piece).toMatchObject({ url: page.url, title: page.title, note: 'Kept.' });
    expect((await db.contents.get(piece!.id))?.textContent).toBe(page.textContent);
    expect((await db.tags.toArray()).map((t) => t.name).sort()).toEqual([
      'Christopher Ford',
      'Left debates',
      'Ukraine',
    ]);
  });

  it('saving the same URL again updates that piece', async () => {
    await openTab(ARTICLE_URL);
    const first = await saveClip({ page: makeExtraction(), edits }, sender);
    const again = await saveClip(
      { page: makeExtraction(), edits: { ...edits, note: 'Again.' } },
      sender,
    );
    expect(first.ok && again.ok).toBe(true);
    if (!first.ok || !again.ok) return;
    expect(again.saved).toMatchObject({
      id: first.saved.id,
      createdAt: first.saved.createdAt,
      note: 'Again.',
    });
    expect(await openDatabase().pieces.count()).toBe(1);
  });

  it('refuses a note the backup format could not hold, saving nothing', async () => {
    await openTab(ARTICLE_URL);
    const huge = { ...edits, note: 'x'.repeat(2_000_000) };
    await expect(saveClip({ page: makeExtraction(), edits: huge }, sender)).rejects.toThrow(
      'Not saved: note: too long: 2,000,000 characters (at most 1,000,000). Nothing already saved was changed.',
    );
    expect(await openDatabase().pieces.count()).toBe(0);
  });
});
