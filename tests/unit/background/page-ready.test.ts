/** page/ready: which passages a page-side script paints when a saved page loads. */
import { describe, expect, it, vi } from 'vitest';
import { passageHandlers } from '../../../entrypoints/background/passage-handlers';
import { MEMORY_COLOR, saveArticle } from './article';
import { ARTICLE_URL, openTab, selectionOnArticle } from './tab';

vi.mock('wxt/browser', () => import('./fake-browser'));

const ready = passageHandlers['page/ready'];
const noLinks = { canonicalHref: null, ogUrl: null };

describe('page/ready', () => {
  it("answers the saved piece's passages and colours them in the tab", async () => {
    const tab = await openTab(ARTICLE_URL);
    const { ids } = await saveArticle('copy out what we read:Memory', 'a second line');
    const url = `${ARTICLE_URL}?utm_source=feed`;
    const answer = await ready(noLinks, { tabId: tab.id, url });
    expect(answer).toEqual({
      passages: [
        {
          id: ids[0],
          selectors: selectionOnArticle('copy out what we read').selectors,
          color: MEMORY_COLOR,
        },
        { id: ids[1], selectors: selectionOnArticle('a second line').selectors, color: '#fff3a3' },
      ],
    });
    expect(tab.css).toHaveLength(1);
    expect(tab.css[0]).toContain(
      `::highlight(commonplace-b2f2bb) { background-color: ${MEMORY_COLOR};`,
    );
    expect(tab.css[0]).toContain('::highlight(commonplace-fff3a3) { background-color: #fff3a3;');
  });

  it("finds the piece through the page's canonical link", async () => {
    const tab = await openTab(ARTICLE_URL);
    const { ids } = await saveArticle('copy out what we read');
    const url = 'https://essays.example/?p=1234';
    const answer = await ready({ canonicalHref: ARTICLE_URL, ogUrl: null }, { tabId: tab.id, url });
    expect(answer.passages.map((p) => p.id)).toEqual(ids);
  });

  it('answers no passages, and paints nothing, on a page not saved', async () => {
    const tab = await openTab('https://essays.example/elsewhere/');
    await saveArticle('copy out what we read');
    const answer = await ready(noLinks, {
      tabId: tab.id,
      url: 'https://essays.example/elsewhere/',
    });
    expect(answer).toEqual({ passages: [] });
    expect(tab.css).toEqual([]);
  });

  it('answers no passages to a sender without a tab', async () => {
    const tab = await openTab(ARTICLE_URL);
    await saveArticle('copy out what we read');
    const answer = await ready(noLinks, { tabId: undefined, url: ARTICLE_URL });
    expect(answer).toEqual({ passages: [] });
    expect(tab.css).toEqual([]);
  });
});
