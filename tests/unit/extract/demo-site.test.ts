/**
 * The demo site (`npm run demo`) must show every extraction feature working: a listing, single
 * and multiple authors, JSON-LD-only authors, a translator who is not an author, a photo credit,
 * a piece in French, themes, dates and canonical URLs on the local server.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../lib/extract/extract-page';
import { DEMO_DIR, domFor, readText } from './helpers';

const ORIGIN = 'http://127.0.0.1:8377/';

async function extract(path: string, pageUrl = ORIGIN + path) {
  const dom = domFor(readText(join(DEMO_DIR, path === '' ? 'index.html' : path)), pageUrl);
  return extractPage(dom.window.document, pageUrl);
}

const ARTICLES = [
  {
    path: '2015/11/whose-republic.html',
    authors: ['Olena Marchenko'],
    lang: 'en-GB',
    keywords: ['Novorossiya', 'Labour movement'],
    publishedTime: '2015-11-02T09:00:00+00:00',
  },
  {
    path: '2015/10/against-campism.html',
    authors: ['Tomasz Nowak', 'Claire Dubois', 'Sam Okafor'],
    lang: 'en-GB',
    keywords: ['Left debates', 'Campism', 'anti-imperialism', 'Syria'],
    publishedTime: '2015-10-21T09:00:00+00:00',
  },
  {
    path: '2015/10/russian-imperialism-today.html',
    authors: ['Ilse van der Berg'],
    lang: 'en-GB',
    keywords: ['Russian imperialism', 'Political economy', 'Events'],
    publishedTime: '2015-10-05T09:00:00+00:00',
  },
  {
    path: '2015/09/why-russia-backs-assad.html',
    authors: ['Mathieu Laurent'],
    lang: 'en-GB',
    keywords: ['Syria', 'Translations', 'Russian left'],
    publishedTime: '2015-09-18T09:00:00+00:00',
  },
  {
    path: '2015/09/crimee-autodetermination.html',
    authors: ['Jean-Baptiste Moreau', 'Aïcha Benali'],
    lang: 'fr',
    keywords: ['Crimée', 'Autodétermination'],
    publishedTime: '2015-09-07T08:00:00+02:00',
  },
  {
    path: '2015/08/conference-report.html',
    authors: ['Rosa Lindqvist'],
    lang: 'en-GB',
    keywords: ['Events', 'Climate', 'Russian imperialism'],
    publishedTime: '2015-08-24T18:30:00+01:00',
  },
];

describe('demo site', () => {
  it('lists its six pieces on the home page, with links that resolve on the local server', async () => {
    const home = await extract('', ORIGIN);
    expect(home.pageKind).toBe('listing');
    expect(home.url).toBe(ORIGIN);
    expect(home.siteName).toBe('Solidarity Notebook');
    expect(home.items?.map((item) => item.url)).toEqual(
      ARTICLES.map((article) => ORIGIN + article.path),
    );
    expect(home.items?.map((item) => item.publishedTime)).toEqual(
      ARTICLES.map((article) => article.publishedTime),
    );
    for (const item of home.items ?? []) {
      expect(item.categories).toHaveLength(2);
      expect(item.excerpt.length).toBeGreaterThan(50);
    }
  });

  it.each(ARTICLES)('$path is an article by $authors', async (expected) => {
    const result = await extract(expected.path);
    expect(result.pageKind).toBe('article');
    expect(result.url).toBe(ORIGIN + expected.path);
    expect(result.siteName).toBe('Solidarity Notebook');
    expect(result.authors).toEqual(expected.authors);
    expect(result.lang).toBe(expected.lang);
    expect(result.keywords).toEqual(expected.keywords);
    expect(result.publishedTime).toBe(expected.publishedTime);
    expect(result.wordCount).toBeGreaterThanOrEqual(400);
    expect(result.wordCount).toBeLessThanOrEqual(1200);
    expect(result.textContent).not.toContain('demo site for Commonplace');
  });

  it('has different authors on every piece', () => {
    const names = ARTICLES.flatMap((article) => article.authors);
    expect(new Set(names).size).toBe(names.length);
  });
});
