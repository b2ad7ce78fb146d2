/** passage/update and passage/delete: editing a saved passage from the popup or the library. */
import { describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../lib/collection/database';
import { passageHandlers } from '../../../entrypoints/background/passage-handlers';
import { MEMORY_COLOR, saveArticle } from './article';
import { ARTICLE_URL, articleAnswers, openTab } from './tab';

vi.mock('wxt/browser', () => import('./fake-browser'));

const popup = { tabId: undefined, url: undefined };
const update = passageHandlers['passage/update'];
const remove = passageHandlers['passage/delete'];

describe('passage/update', () => {
  it('writes the note and tags and answers the passage in its new colour', async () => {
    await openTab(ARTICLE_URL);
    const { ids } = await saveArticle('copy out what we read', 'other line:Memory');
    const edits = { authors: ['Ann Reader'], themes: ['Memory'], note: 'Now filed.' };
    const answer = await update({ id: ids[0]!, edits }, popup);
    expect(answer).toEqual({
      ok: true,
      passage: expect.objectContaining({
        id: ids[0],
        quote: 'copy out what we read',
        note: 'Now filed.',
        authors: ['Ann Reader'],
        themes: ['Memory'],
        color: MEMORY_COLOR,
      }),
    });
    expect((await openDatabase().passages.get(ids[0]!))?.note).toBe('Now filed.');
  });

  it('fails for a passage that is gone', async () => {
    await openTab(ARTICLE_URL);
    const edits = { authors: [], themes: [], note: '' };
    await expect(update({ id: 'gone', edits }, popup)).rejects.toThrow(
      'This passage no longer exists.',
    );
  });
});

describe('passage/delete', () => {
  it('deletes the passage and repaints the rest in the tab', async () => {
    const tab = await openTab(ARTICLE_URL, {}, articleAnswers());
    const { ids } = await saveArticle('copy out what we read', 'a second line');
    expect(await remove({ id: ids[0]!, tabId: tab.id }, popup)).toEqual({ ok: true });
    expect(await openDatabase().passages.toCollection().primaryKeys()).toEqual([ids[1]]);
    expect(tab.commands).toEqual([
      { type: 'page/paint', passages: [expect.objectContaining({ id: ids[1] })] },
    ]);
  });

  it('paints nothing when no tab is given (the library)', async () => {
    const tab = await openTab(ARTICLE_URL, {}, articleAnswers());
    const { ids } = await saveArticle('copy out what we read');
    expect(await remove({ id: ids[0]!, tabId: null }, popup)).toEqual({ ok: true });
    expect(await openDatabase().passages.count()).toBe(0);
    expect(tab.commands).toEqual([]);
  });

  it('answers ok for a passage already gone, touching nothing', async () => {
    const tab = await openTab(ARTICLE_URL, {}, articleAnswers());
    await saveArticle('copy out what we read');
    expect(await remove({ id: 'gone', tabId: tab.id }, popup)).toEqual({ ok: true });
    expect(await openDatabase().passages.count()).toBe(1);
    expect(tab.commands).toEqual([]);
  });
});
