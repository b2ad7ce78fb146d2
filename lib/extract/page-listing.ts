/**
 * Page side: the pieces listed on an index page (a blog's home, a category or tag archive).
 * DOM in, plain data out; a handful of querySelectorAll calls, no full-document walk.
 */
import type { ListingItem } from './types';
import { collapseWhitespace } from './text';

/** Elements that wrap one listed piece on common CMS themes and microformats. */
const ENTRY_SELECTOR = [
  'article',
  '.hentry',
  '.h-entry',
  '.post',
  '.type-post',
  '[itemtype$="/BlogPosting"]',
  '[itemtype$="/NewsArticle"]',
  '[itemtype$="/Article"]',
].join(', ');

/** The link to the piece itself, in order of preference. */
const LINK_SELECTORS = [
  '.entry-title a[href]',
  '.post-title a[href]',
  'h1 a[href], h2 a[href], h3 a[href], h4 a[href]',
  '[itemprop="headline"] a[href]',
  'a[rel~="bookmark"][href]',
];

/** Category and tag links of one entry (also used for an article's tag links). */
export const TAG_LINK_SELECTOR = [
  'a[rel~="tag"]',
  'a[rel~="category"]',
  '.tags-links a',
  '.cat-links a',
  '.post-categories a',
  '.post-tags a',
  '.entry-tags a',
  '.entry-categories a',
  '.article-tags a',
  '.tag-list a',
  '.tags a',
  '.categories a',
  '[itemprop="keywords"] a',
  '.p-category',
  // Subjects in schema.org microdata: a term (`<span itemprop="about">`) or links to terms.
  'span[itemprop~="about"]:not([itemscope])',
  '[itemprop~="about"] a[href]',
  // MediaWiki's category box.
  '.mw-normal-catlinks li a',
  // Archive links of WordPress, Blogger and most CMSs, whatever the theme calls their box.
  'a[href*="/tag/"]',
  'a[href*="/tags/"]',
  'a[href*="/category/"]',
  'a[href*="/categories/"]',
  'a[href*="/kategorie/"]',
  'a[href*="/schlagwort/"]',
  'a[href*="/schlagworte/"]',
  'a[href*="/stichwort/"]',
  'a[href*="/tagged/"]',
  'a[href*="/topic/"]',
  'a[href*="/topics/"]',
  'a[href*="/thema/"]',
  'a[href*="/themen/"]',
  'a[href*="/motcle/"]',
  'a[href*="/mot-cle/"]',
  'a[href*="/etiqueta/"]',
  'a[href*="/search/label/"]',
].join(', ');

const SUMMARY_SELECTOR =
  '.entry-summary, .post-summary, .excerpt, .summary, .p-summary, [itemprop="description"], .entry-content, p';

/** Text of an element with `<br>` and block boundaries turned into spaces. */
export function elementText(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  for (const hidden of Array.from(
    copy.querySelectorAll(
      '.screen-reader-text, .sr-only, .visually-hidden, .visuallyhidden, [hidden], [aria-hidden="true"], script, style',
    ),
  )) {
    hidden.remove();
  }
  for (const br of Array.from(copy.querySelectorAll('br'))) br.replaceWith(' ');
  return collapseWhitespace(copy.textContent ?? '');
}

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

function isHttpHref(href: string): boolean {
  return /^https?:\/\//i.test(href);
}

function itemFrom(entry: Element, pageUrl: string): ListingItem | null {
  let link: HTMLAnchorElement | null = null;
  for (const selector of LINK_SELECTORS) {
    link = entry.querySelector<HTMLAnchorElement>(selector);
    if (link) break;
  }
  if (!link) return null;
  const url = link.href;
  if (!url || (!isHttpHref(url) && !url.startsWith('file:'))) return null;
  if (withoutFragment(url) === withoutFragment(pageUrl)) return null;
  const heading = link.closest('h1, h2, h3, h4, h5, h6');
  const title = elementText(link) || (heading ? elementText(heading) : '');
  if (!title) return null;

  const time =
    entry.querySelector(
      'time.published[datetime], time[itemprop="datePublished"], time[pubdate]',
    ) ??
    entry.querySelector('time[datetime]') ??
    entry.querySelector('time');
  const metaDate = entry.querySelector('meta[itemprop="datePublished"]');
  const publishedTime =
    time?.getAttribute('datetime') ??
    metaDate?.getAttribute('content') ??
    (time ? elementText(time) : null);

  const categories: string[] = [];
  for (const tag of Array.from(entry.querySelectorAll(TAG_LINK_SELECTOR))) {
    const name = elementText(tag);
    if (name && !categories.includes(name)) categories.push(name);
  }

  let excerpt = '';
  for (const candidate of Array.from(entry.querySelectorAll(SUMMARY_SELECTOR))) {
    if (candidate.contains(link) || candidate.closest('header, footer, .entry-meta')) continue;
    excerpt = elementText(candidate);
    if (excerpt) break;
  }
  return { title, url, publishedTime: publishedTime || null, categories, excerpt };
}

/**
 * The pieces an index page lists: each entry element (`<article>`, `.hentry`, BlogPosting
 * microdata …) with a heading link is one item. Entries that contain other entries are skipped
 * (only the innermost count), so are links back to the page itself. Fewer than two items means the
 * page is not a listing and an empty list is returned.
 */
export function readListingItems(doc: Document, pageUrl: string, limit = 100): ListingItem[] {
  const entries = Array.from(doc.querySelectorAll(ENTRY_SELECTOR)).filter(
    (entry) =>
      !entry.querySelector(ENTRY_SELECTOR) && !entry.closest('aside, nav, .comments, #comments'),
  );
  if (entries.length < 2) return [];
  const items: ListingItem[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const item = itemFrom(entry, pageUrl);
    if (!item || seen.has(item.url)) continue;
    seen.add(item.url);
    items.push(item);
    if (items.length >= limit) break;
  }
  return items.length >= 2 ? items : [];
}
