/** The shared seed fixtures: the article and the listing must match their expected JSON exactly. */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../lib/cli';
import { extractPage } from '../../../lib/extract/extract-page';
import type { PageExtraction } from '../../../lib/extract/types';
import { SEED_DIR, captureIo, domFor, readJson, readText } from './helpers';

interface ArticleExpected {
  pageKind: string;
  url: string;
  title: string;
  authors: string[];
  siteName: string;
  publishedTime: string;
  lang: string;
  keywords: string[];
  contentIncludes: string[];
  contentExcludes: string[];
}

interface ListingExpected {
  pageKind: string;
  url: string;
  siteName: string;
  pieces: Array<{
    title: string;
    url: string;
    publishedTime: string;
    categories: string[];
    excerptStartsWith: string;
  }>;
}

const articlePath = join(SEED_DIR, 'article.html');
const listingPath = join(SEED_DIR, 'listing.html');
const article = readJson<ArticleExpected>(join(SEED_DIR, 'article.expected.json'));
const listing = readJson<ListingExpected>(join(SEED_DIR, 'listing.expected.json'));

function expectArticle(result: Pick<PageExtraction, keyof PageExtraction>): void {
  const { contentIncludes, contentExcludes, ...fields } = article;
  for (const [key, value] of Object.entries(fields)) {
    expect(result[key as keyof PageExtraction], key).toEqual(value);
  }
  for (const text of contentIncludes) expect(result.textContent).toContain(text);
  for (const text of contentExcludes) {
    expect(result.textContent).not.toContain(text);
    expect(result.contentHtml).not.toContain(text);
  }
  expect(result.wordCount).toBeGreaterThan(300);
  expect(result.contentHash).toMatch(/^[0-9a-f]{64}$/);
}

describe('seed article', () => {
  it('matches article.expected.json through extractPage at its canonical URL', async () => {
    const dom = domFor(readText(articlePath), article.url);
    const result = await extractPage(dom.window.document, article.url);
    expectArticle(result);
    expect(result.pageUrl).toBe(article.url);
    expect(result.contentHtml).toContain('<p>');
    expect(result.contentHtml).not.toContain('<script');
    // The page's own script never ran.
    expect((dom.window as unknown as Record<string, unknown>).__pageScriptRan).toBeUndefined();
  });

  it('matches article.expected.json through the CLI without --url (file: URL trusts the canonical)', async () => {
    const { stdout, stderr, io } = captureIo();
    const code = await runCli(['extract', articlePath], io);
    expect(stderr.join('')).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout.join('')) as PageExtraction & {
      canonicalUrl: string;
      contentHtml?: string;
    };
    expect(result.pageUrl).toBe(pathToFileURL(articlePath).href);
    expect(result.canonicalUrl).toBe(article.url);
    expect(result.contentHtml).toBeUndefined();
    expectArticle({ ...result, contentHtml: '' });
  });

  it('gives the same text and hash whether read online or from the saved file', async () => {
    const dom = domFor(readText(articlePath), article.url);
    const online = await extractPage(dom.window.document, article.url);
    const { stdout, io } = captureIo();
    await runCli(['extract', articlePath, '--html'], io);
    const offline = JSON.parse(stdout.join('')) as PageExtraction;
    expect(offline.contentHash).toBe(online.contentHash);
    expect(offline.textContent).toBe(online.textContent);
    // Relative links of the saved copy are moved back onto the live site.
    expect(offline.contentHtml).not.toContain('file:');
  });
});

describe('seed listing', () => {
  it('is a listing with every piece of listing.expected.json', async () => {
    const dom = domFor(readText(listingPath), listing.url);
    const result = await extractPage(dom.window.document, listing.url);
    expect(result.pageKind).toBe(listing.pageKind);
    expect(result.url).toBe(listing.url);
    expect(result.siteName).toBe(listing.siteName);
    expect(result.authors).toEqual([]);
    expect(result.items).toHaveLength(listing.pieces.length);
    listing.pieces.forEach((piece, index) => {
      const item = result.items![index]!;
      expect(item.title).toBe(piece.title);
      expect(item.url).toBe(piece.url);
      expect(item.publishedTime).toBe(piece.publishedTime);
      expect(item.categories).toEqual(piece.categories);
      expect(item.excerpt.startsWith(piece.excerptStartsWith), item.excerpt).toBe(true);
    });
  });

  it('resolves item links onto the live site when read from the saved file', async () => {
    const { stdout, io } = captureIo();
    expect(await runCli(['extract', listingPath], io)).toBe(0);
    const result = JSON.parse(stdout.join('')) as PageExtraction;
    expect(result.pageKind).toBe('listing');
    expect(result.url).toBe(listing.url);
    expect(result.items?.map((item) => item.url)).toEqual(listing.pieces.map((piece) => piece.url));
  });
});
