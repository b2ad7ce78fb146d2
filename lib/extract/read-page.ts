/**
 * Page side of extraction: runs inside the tab being clipped (content-script world), so it stays
 * small — Readability plus a few querySelectorAll calls, no DOMPurify, no public-suffix list.
 * It returns plain JSON; nothing in it is trusted or sanitised yet (see `finish-extraction.ts`).
 */
import { parseUrl } from './resolve-url';
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { AUTHOR_META_KEYS, PROFILE_AUTHOR_META_KEYS, PUBLISHED_META_KEYS } from './meta-keys';
import { readListingItems, elementText, TAG_LINK_SELECTOR } from './page-listing';
import { collapseWhitespace } from './text';
import type { RawPage, TimeHint } from './types';

/** Default cap on the number of elements Readability is asked to parse. */
export const DEFAULT_MAX_ELEMS_TO_PARSE = 100_000;

/** Name of the error thrown for a page over the element cap (survives structured cloning). */
export const PAGE_TOO_LARGE = 'PageTooLargeError';

/** The page has more elements than the extraction will parse; the UI says "too large". */
export class PageTooLargeError extends Error {
  override readonly name = PAGE_TOO_LARGE;
  constructor(
    readonly elementCount: number,
    readonly limit: number,
  ) {
    super(`This page is too large to extract (${elementCount} elements, limit ${limit}).`);
  }
}

/** True for a PageTooLargeError, also one that crossed a realm or was rebuilt from its name. */
export function isPageTooLargeError(error: unknown): boolean {
  return (
    error instanceof PageTooLargeError || (error instanceof Error && error.name === PAGE_TOO_LARGE)
  );
}

export interface ReadPageOptions {
  /** Elements above which the page is refused with PageTooLargeError (default 100 000). */
  maxElemsToParse?: number;
}

/** Readability text shorter than this is not an article even if it parsed. */
const MIN_ARTICLE_CHARS = 140;
/** Text this long is an article even when `isProbablyReaderable` has doubts. */
const SURE_ARTICLE_CHARS = 1500;

const AUTHOR_SELECTOR = [
  'a[rel~="author"]',
  '[itemprop~="author"]',
  '.byline',
  '.author',
  '.p-author',
  '.entry-author',
  '.post-author',
  '.article-author',
  '.author-name',
  '.by-author',
  '.writtenby',
  '.autor',
  '.auteur',
  '.firma',
  '[class~="article__byline"]',
  '[data-testid*="byline"]',
  // Author boxes, hCard names, and profile links (WordPress, Blogger and most CMSs).
  '[class*="author" i] [class*="name" i]',
  '.author-bio h3',
  '.vcard .fn',
  '.g-profile',
  '.profile-name',
  'a[href*="/author/"]',
  'a[href*="/autor/"]',
  'a[href*="/autoren/"]',
  'a[href*="blogger.com/profile/"]',
].join(', ');

/** A byline written into the text: "von Klaus Stanjek", "Autor: Rechtsanwalt Sebastian Einbock". */
const TEXT_BYLINE_RE =
  /(?:(?<!\p{L})(?:[Aa]utor(?:in)?|[Aa]uthor|AUTHOR|[Aa]uteur|[Tt]ext|[Tt]exte)\s*:\s*|(?:^|[|·–—(]\s*)(?:[Vv]on|[Bb]y|BY|[Pp]ar|[Pp]or|[Dd]oor)\s+)((?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}'’-]+)/gu;

/** How much of the article's end is searched for a byline (a signature or an author box). */
const CLOSING_CHARS = 1200;

/** Regions whose author/tag links belong to something else (comments, widgets, navigation). */
const FOREIGN_REGION =
  // An <aside class="meta"> inside an article holds the article's own date and tags (Drupal), a
  // <nav class="article-categories"> its categories (Fandom); a bare "categories" is the site's.
  'aside:not([class*="meta" i]), nav:not([class*="-categories" i]):not([class*="-tags" i]), #comments, .comments, .comment, .comment-list, .related, .related-posts, .widget, .site-footer, [role="complementary"]:not([class*="meta" i])';

const ENTRY_BODY_SELECTOR = '.entry-content, .post-body, .entry, [itemprop~="articleBody"]';

/** The element most likely to hold the piece, for scoping author and tag hints. */
function articleScope(doc: Document): ParentNode {
  const articles = doc.querySelectorAll('article');
  if (articles.length === 1) return articles[0]!;
  // The one hAtom entry with a body (Blogger's and older WordPress themes' `.hentry`); a quote
  // widget may be an entry too.
  const entries = Array.from(doc.querySelectorAll('.hentry')).filter((entry) =>
    entry.querySelector(ENTRY_BODY_SELECTOR),
  );
  if (articles.length === 0 && entries.length === 1) return entries[0]!;
  // `~=`: Blogger writes itemprop="description articleBody".
  const body = doc.querySelector('[itemprop~="articleBody"]');
  const scoped = body?.closest('[itemscope]') ?? body?.parentElement;
  if (scoped) return scoped;
  return doc.querySelector('main, [role="main"], #main, #content') ?? doc.body ?? doc;
}

/**
 * Whether `element` sits in a comment thread, a widget or navigation inside `scope`. A region that
 * holds the whole scope does not count: Blogger sets every post inside `.widget.Blog`.
 */
function inForeignRegion(element: Element, scope: ParentNode): boolean {
  const region = element.closest(FOREIGN_REGION);
  return region !== null && region !== scope && scope.contains(region);
}

/** Outermost matches of `selector` in `scope`, outside foreign regions, as trimmed text. */
function hintTexts(
  scope: ParentNode,
  selector: string,
  limit: number,
  outermost: boolean,
  keep: (element: Element) => boolean = () => true,
): string[] {
  return elementTexts(scope, Array.from(scope.querySelectorAll(selector)), limit, outermost, keep);
}

/** `hintTexts` of elements found otherwise, in document order. */
function elementTexts(
  scope: ParentNode,
  elements: readonly Element[],
  limit: number,
  outermost: boolean,
  keep: (element: Element) => boolean,
): string[] {
  const matches = elements
    .filter((element) => !inForeignRegion(element, scope) && keep(element))
    .slice(0, 60);
  const out: string[] = [];
  for (const element of matches) {
    if (outermost && matches.some((other) => other !== element && other.contains(element)))
      continue;
    const text = element.getAttribute('content') ?? elementText(element);
    if (text && text.length <= 200 && !out.includes(text)) out.push(text);
    if (out.length >= limit) break;
  }
  return out;
}

/**
 * Whether a link stands in running text (a sentence that links to a tag page in passing) rather
 * than in a list of tags: its paragraph or item holds more than a label's worth of other words,
 * and its links are less than half of its text.
 */
function inRunningText(link: Element): boolean {
  const block = link.closest('p, li, td, dd, blockquote, figcaption');
  if (!block) return false;
  const text = collapseWhitespace(block.textContent ?? '').length;
  let linked = 0;
  for (const a of Array.from(block.querySelectorAll('a')))
    linked += collapseWhitespace(a.textContent ?? '').length;
  return text - linked > 40 && linked < text / 2;
}

/**
 * A box named for the piece's tags or categories whatever the theme's prefix (`post_tags`,
 * `field--name-field-tags`): a class that ends so; `product_categories-joghurt` is a term class.
 */
const TAG_BOX_CLASS_RE = /[-_](?:tags|categories)$/i;
const TAG_BOX_SELECTOR = '[class*="tags" i], [class*="categories" i]';
/** `Node.DOCUMENT_POSITION_FOLLOWING`, which Node itself does not define. */
const FOLLOWING = 4;

/**
 * The tag links in `root`, in document order: those the selector names and those in a tag box.
 * The boxes are found first and their classes tested here: a selector on the class's end tests
 * every link's ancestors, which costs a large page tenths of a second in jsdom.
 */
function tagLinks(root: ParentNode): Element[] {
  const links = new Set(root.querySelectorAll(TAG_LINK_SELECTOR));
  for (const box of Array.from(root.querySelectorAll(TAG_BOX_SELECTOR))) {
    if (box.localName === 'body') continue;
    if (Array.from(box.classList).some((name) => TAG_BOX_CLASS_RE.test(name)))
      for (const link of Array.from(box.getElementsByTagName('a'))) links.add(link);
  }
  return [...links].sort((a, b) => (a.compareDocumentPosition(b) & FOLLOWING ? -1 : 1));
}

/** Menus and banners of the page (outside the piece): their links are the site's, not the piece's. */
const MENU_REGION =
  'header, [class*="menu" i], [id*="menu" i], [id*="navigation" i], [role="navigation"], [class*="cookie" i], [class*="consent" i]';

/**
 * Tag and category links of the piece; when the piece's element has none (its tags are set
 * beside it, outside `<article>`), those of the page outside its menus, widgets and footer.
 */
function tagLinkTexts(scope: ParentNode, doc: Document): string[] {
  const listed = (root: ParentNode, keep: (link: Element) => boolean) =>
    elementTexts(root, tagLinks(root), 40, false, (link) => !inRunningText(link) && keep(link));
  const inScope = listed(scope, () => true);
  if (inScope.length > 0 || scope === doc || !doc.body) return inScope;
  return listed(doc.body, (link) => !link.closest(MENU_REGION) && !link.closest('footer'));
}

/** A link to a site's home page ("/", "/?lang=de"). */
function isRootPath(url: URL): boolean {
  return url.pathname.replace(/\/+$/, '') === '';
}

/** Where a site's name links home: its banner's heading, logo text or title link. */
const HOME_LINK_SELECTOR =
  'h1 a[href], header a[href], .site-title a[href], .blog-title a[href], #site-title a[href], #header a[href]';

/**
 * What the site calls itself where it links to its home page (`<h1><a href="/">Blog name</a>`):
 * a title part that says the same is the site's name, not the piece's.
 */
function homeLinkTexts(doc: Document, pageUrl: string): string[] {
  const page = parseUrl(pageUrl);
  if (!page) return [];
  const out: string[] = [];
  for (const link of Array.from(doc.querySelectorAll(HOME_LINK_SELECTOR)).slice(0, 30)) {
    const target = parseUrl(link.getAttribute('href') ?? '', page);
    if (!target || target.host !== page.host || !isRootPath(target)) continue;
    const text = collapseWhitespace(link.textContent ?? '');
    if (text && text.length <= 100 && !out.includes(text)) out.push(text);
    if (out.length >= 3) break;
  }
  return out;
}

const FEED_LINK_SELECTOR =
  'link[rel~="alternate" i][title][type="application/rss+xml" i], link[rel~="alternate" i][title][type="application/atom+xml" i]';

/** Titles of the page's RSS and Atom links (at most ten). */
function feedTitles(doc: Document): string[] {
  return Array.from(
    doc.querySelectorAll(FEED_LINK_SELECTOR),
    (link) => link.getAttribute('title')?.trim() ?? '',
  )
    .filter(Boolean)
    .slice(0, 10);
}

/** A page's trail of sections ("Home › Rezepte › Frühstück"), marked up or named so. */
const BREADCRUMB_SELECTOR =
  '[itemtype*="BreadcrumbList"], nav[aria-label*="breadcrumb" i], [class*="breadcrumb" i], #crumbs, .crumbs';

/**
 * The sections a page's breadcrumb trail links to, without its home page and the page itself:
 * the categories the site files the piece under.
 */
function breadcrumbTexts(doc: Document, pageUrl: string): string[] {
  const page = parseUrl(pageUrl);
  const trail = doc.querySelector(BREADCRUMB_SELECTOR);
  if (!page || !trail) return [];
  const out: string[] = [];
  for (const link of Array.from(trail.querySelectorAll('a[href]')).slice(0, 12)) {
    const target = parseUrl(link.getAttribute('href') ?? '', page);
    if (!target || isRootPath(target)) continue;
    if (target.host === page.host && target.pathname === page.pathname) continue;
    const text = elementText(link);
    if (text && text.length <= 60 && !out.includes(text)) out.push(text);
  }
  return out.slice(0, 6);
}

function readMeta(doc: Document): Record<string, string[]> {
  const meta: Record<string, string[]> = {};
  const manyEntries = doc.querySelectorAll('article, .hentry').length > 1;
  for (const element of Array.from(doc.querySelectorAll('meta[content]'))) {
    const key = (
      element.getAttribute('property') ??
      element.getAttribute('name') ??
      element.getAttribute('itemprop') ??
      element.getAttribute('http-equiv') ??
      ''
    )
      .trim()
      .toLowerCase();
    const content = element.getAttribute('content')?.trim();
    if (!key || !content) continue;
    // Microdata metas inside the entries of a listing describe those entries, not the page.
    if (manyEntries && element.hasAttribute('itemprop') && element.closest('article, .hentry'))
      continue;
    (meta[key] ??= []).push(content);
  }
  return meta;
}

/** `<time>`, microdata dates, and hAtom's `<abbr class="published" title="2020-04-28T21:11">`. */
const TIME_SELECTOR =
  'time, [itemprop="datePublished"], [itemprop="dateModified"], abbr.published[title], abbr.updated[title]';

/** A date in ISO form at the start of a metadata value. */
const ISO_DAY_RE = /^\s*\d{4}-?\d{2}-?\d{2}/;

function readTimes(scope: ParentNode): TimeHint[] {
  const hints: TimeHint[] = [];
  for (const element of Array.from(scope.querySelectorAll(TIME_SELECTOR))) {
    if (inForeignRegion(element, scope)) continue;
    const value =
      element.getAttribute('datetime') ??
      element.getAttribute('content') ??
      (element.localName === 'abbr' ? element.getAttribute('title') : null) ??
      elementText(element);
    if (!value) continue;
    const marker =
      `${element.getAttribute('itemprop') ?? ''} ${element.getAttribute('class') ?? ''}`.toLowerCase();
    // Published first: WordPress marks an unedited post's one <time> "entry-date published updated".
    const role =
      /published|pubdate/.test(marker) || element.hasAttribute('pubdate')
        ? 'published'
        : /modified|updated/.test(marker)
          ? 'modified'
          : null;
    hints.push({ value: value.trim(), role });
    if (hints.length >= 10) break;
  }
  return hints;
}

/**
 * "Veröffentlicht am 16.08.2019", "Erstellt am: Mittwoch, 1.11.2023", "Published on 3 May …": a
 * date said to be the piece's. The date follows at once ("veröffentlicht das THW am Sonntag" in a
 * sentence is not one).
 */
const PUBLISHED_PHRASE_RE =
  /(?<!\p{L})(?:veröffentlicht|erschienen|erstellt|publiziert|published|posted|publié|publicado|pubblicato)(?:\s+(?:am|on|le|el|il|em))?\s*:?\s*((?:\p{L}+\.?,?\s+)?\d.{4,30})/giu;

/**
 * "Posted by Konstantin", "Text von Christian Seiler", "Blog Beitrag von Margarita Koreneva":
 * a phrase that says who wrote it, anywhere in the page's first text (a bare "von" or "by" is
 * too common in sentences to count there).
 */
const BYLINE_PHRASE_RE =
  /(?<!\p{L})(?:[Pp]osted by|[Ww]ritten by|[Gg]eschrieben von|[Vv]erfasst von|[Tt]ext von|[Bb]eitrag von|[Aa]rtikel von|[Tt]ext:)\s+(\p{Lu}[\p{L}.'’]+(?:-\p{Lu}[\p{L}.'’]+)*(?:\s+\p{Lu}[\p{L}.'’]+(?:-\p{Lu}[\p{L}.'’]+)*){0,2})(?![\p{L}-])/u;

const BLOCK_SELECTOR =
  'p, div, li, td, dd, dt, h1, h2, h3, h4, h5, h6, section, article, aside, header, footer, blockquote';

/** The page's first text with its blocks kept apart (" | "), so that a name ends with its block. */
function blockText(root: Element, chars: number): string {
  let text = '';
  let block: Element | null = null;
  for (const node of visibleTextNodes(root, false)) {
    if (text.length >= chars) break;
    const own = node.parentElement?.closest(BLOCK_SELECTOR) ?? null;
    text += (own === block ? ' ' : ' | ') + (node.nodeValue ?? '');
    block = own;
  }
  return collapseWhitespace(text);
}

/** The name the page's first byline phrase gives. */
function bylinePhrases(doc: Document): string[] {
  const text = doc.body ? blockText(doc.body, PUBLISHED_PHRASE_CHARS) : '';
  const first = BYLINE_PHRASE_RE.exec(text);
  return first ? [first[1]!] : [];
}

/** The dates the page's text says were the piece's publication (at most three), unparsed. */
function publishedPhrases(doc: Document): string[] {
  const text = doc.body ? textAtEdge(doc.body, PUBLISHED_PHRASE_CHARS, false) : '';
  return Array.from(text.matchAll(PUBLISHED_PHRASE_RE), (match) => match[1]!).slice(0, 3);
}

/**
 * Date lines beside the piece's element rather than in it (Blogger's `h2.date-header` stands
 * above the post), outside menus, widgets and comments: the last resort for a date.
 */
function metaLinesAround(scope: ParentNode, doc: Document): string[] {
  if (scope === doc || !doc.body) return [];
  // The widget that holds the piece (Blogger's `.widget.Blog`) is searched, not the page's others.
  const around = ('closest' in scope && (scope as Element).closest(FOREIGN_REGION)) || doc.body;
  return hintTexts(around, DATE_TEXT_SELECTOR, 12, false, (element) => {
    return !scope.contains(element) && !element.closest(MENU_REGION);
  }).slice(0, 4);
}

/** Elements that hold a date, a byline or a post's meta line on most CMS themes. */
const DATE_TEXT_SELECTOR =
  '[class*="date" i], [class*="datum" i], [class*="time" i], [class*="posted" i], [class*="publi" i], [class*="meta" i], [class*="byline" i], [class*="fecha" i], [id*="date" i]';

/** How much of the page's text is searched for a phrase that gives the publication date. */
const PUBLISHED_PHRASE_CHARS = 20_000;

/** How much of the heading's region is kept for dates written in the text. */
const OPENING_CHARS = 1500;

/** SHOW_TEXT, spelled out: `NodeFilter` is not a global in every realm the extraction runs in. */
const SHOW_TEXT = 4;

/**
 * About `chars` characters of `root`'s text from its start (or its end), whitespace-collapsed,
 * reading only the text nodes needed: no copy of the region, which on a large page costs more
 * than the rest of the page side.
 */
/** The text nodes of `root` outside scripts and styles, from its start or from its end. */
function* visibleTextNodes(root: Element, fromEnd: boolean): Generator<Node> {
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
  for (
    let node = fromEnd ? walker.lastChild() : walker.firstChild();
    node;
    node = fromEnd ? walker.previousNode() : walker.nextNode()
  ) {
    if (!node.parentElement?.closest('script, style, noscript, template')) yield node;
  }
}

function textAtEdge(root: Element, chars: number, fromEnd: boolean): string {
  const parts: string[] = [];
  let length = 0;
  for (const node of visibleTextNodes(root, fromEnd)) {
    if (length >= chars) break;
    const text = node.nodeValue ?? '';
    parts.push(text);
    length += text.length;
  }
  const joined = collapseWhitespace((fromEnd ? parts.reverse() : parts).join(' '));
  return fromEnd ? joined.slice(-chars) : joined.slice(0, chars);
}

/** The text after the heading in its region, where a date or a byline often stands in words. */
function openingText(scope: ParentNode, doc: Document): string {
  const h1 = scope.querySelector('h1') ?? doc.querySelector('h1');
  const region = h1?.closest('header, article, main, section') ?? h1?.parentElement?.parentElement;
  return region ? textAtEdge(region, OPENING_CHARS, false) : '';
}

/**
 * "by" and its kin in a post's meta line ("Posted in News by damianduchamps on August 3",
 * "Gespeichert von rasos am 24. Juli", "par Didier Roy, 21 juin"): a handle in lower case counts
 * here, where the line is known to be about the post. The name ends at a word that starts a date
 * or a place ("on", "am", "le") or at punctuation.
 */
const META_BYLINE_RE =
  /(?<![\p{L}\d])(?:[Bb]y|BY|[Vv]on|[Pp]ar|[Pp]or|[Dd]oor)\s*:?\s+((?!(?:the|a|an|der|die|das|den|dem|einem|einer|le|la|les|un|une|el|los|las)\s)[\p{L}][\p{L}\d.'’_-]*(?:\s+(?!(?:on|am|um|le|el|il|at|in|the|à|em|op)(?:\s|$))\p{Lu}[\p{L}.'’-]*){0,3})/gu;

/**
 * A name set after the date in a meta line ("25.10.2022 - Reiner Nagel", "04.02.2022 | 13:10 Uhr |
 * Uta Helkenberg"): two words written as a name's, the given and the family name.
 */
const DATED_BYLINE_RE =
  /(?<!\d)(?:\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}-\d{2}-\d{2})(?:\s*[|,]?\s*(?:um\s+)?\d{1,2}[:.]\d{2}(?:\s*Uhr)?)?\s*[-–|·]\s*(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}-])/gu;

function metaLineBylines(lines: readonly string[]): string[] {
  const names = lines.flatMap((line) => [
    ...Array.from(line.matchAll(META_BYLINE_RE), (match) => match[1]!),
    ...Array.from(line.matchAll(DATED_BYLINE_RE), (match) => match[1]!),
  ]);
  return [...new Set(names)].slice(0, 4);
}

/** Bylines written as text at the start or the end of the piece (at most four). */
function textBylines(opening: string, scope: ParentNode): string[] {
  // `scope` is an element or the document itself.
  const element = 'tagName' in scope ? (scope as Element) : (scope as Document).body;
  const closing = element ? textAtEdge(element, CLOSING_CHARS, true) : '';
  const names = [
    ...opening.matchAll(TEXT_BYLINE_RE),
    ...opening.matchAll(DATED_BYLINE_RE),
    ...closing.matchAll(TEXT_BYLINE_RE),
  ].map((match) => match[1]!);
  // A short piece's opening and end overlap.
  return [...new Set(names)].slice(0, 4);
}

/** A kicker or overline set inside a heading above the headline ("Immobilienkrise", "Tunesien"). */
const KICKER_SELECTOR = [
  'kicker',
  'overline',
  'dachzeile',
  'topline',
  'roofline',
  'eyebrow',
  'supertitle',
  'spitzmarke',
  'pretitle',
  'pre-title',
]
  .map((name) => `[class*="${name}" i]`)
  .join(', ');

/** A heading's headline: its text without a kicker set inside it. */
function headlineText(h1: Element): string {
  if (!h1.querySelector(KICKER_SELECTOR)) return elementText(h1);
  const copy = h1.cloneNode(true) as Element;
  for (const kicker of Array.from(copy.querySelectorAll(KICKER_SELECTOR))) kicker.remove();
  return elementText(copy) || elementText(h1);
}

/** Headlines of the article's `<h1>` elements, then the page's, at most five. */
/** The first five different texts of `elements`. */
function firstTexts(elements: readonly Element[], read: (element: Element) => string): string[] {
  const out: string[] = [];
  for (const element of elements) {
    const text = read(element);
    if (text && !out.includes(text)) out.push(text);
    if (out.length >= 5) break;
  }
  return out;
}

/** The first `<h2>` texts of the piece's element. */
function subheadings(scope: ParentNode): string[] {
  return firstTexts(Array.from(scope.querySelectorAll('h2')).slice(0, 10), elementText);
}

function headings(scope: ParentNode, doc: Document): string[] {
  const elements = [
    ...Array.from(scope.querySelectorAll('h1')),
    ...Array.from(doc.querySelectorAll('h1')),
  ];
  return firstTexts(elements, headlineText);
}

/**
 * Reads the live document of the tab being clipped. `doc` itself is never modified: Readability
 * works on a clone. Throws PageTooLargeError when the page has more than `maxElemsToParse`
 * elements (checked before cloning, so a huge page costs almost nothing).
 */
export function readPage(doc: Document, pageUrl: string, options: ReadPageOptions = {}): RawPage {
  const limit = options.maxElemsToParse ?? DEFAULT_MAX_ELEMS_TO_PARSE;
  const elementCount = doc.getElementsByTagName('*').length;
  if (limit > 0 && elementCount > limit) throw new PageTooLargeError(elementCount, limit);

  const scope = articleScope(doc);
  const opening = openingText(scope, doc);
  const metaLines = hintTexts(scope, DATE_TEXT_SELECTOR, 12, false);
  const canonical = doc.querySelector('link[rel~="canonical"][href]');
  const selectionText = doc.getSelection?.()?.toString() ?? '';

  let article: RawPage['article'] = null;
  let reader = false;
  if (doc.body) {
    reader = isProbablyReaderable(doc);
    const clone = doc.cloneNode(true) as Document;
    let parsed: ReturnType<Readability['parse']>;
    try {
      parsed = new Readability(clone, { maxElemsToParse: limit > 0 ? limit : undefined }).parse();
    } catch (error) {
      if (error instanceof Error && /Aborting parsing document/.test(error.message)) {
        throw new PageTooLargeError(elementCount, limit);
      }
      throw error;
    }
    if (parsed) {
      article = {
        title: parsed.title ?? null,
        byline: parsed.byline ?? null,
        content: parsed.content ?? null,
        textLength: parsed.textContent?.trim().length ?? 0,
        excerpt: parsed.excerpt ?? null,
        siteName: parsed.siteName ?? null,
        lang: parsed.lang ?? null,
        publishedTime: parsed.publishedTime ?? null,
      };
    }
  }
  const textLength = article?.textLength ?? 0;
  const readable =
    article !== null &&
    !!article.content &&
    textLength >= MIN_ARTICLE_CHARS &&
    (reader || textLength >= SURE_ARTICLE_CHARS);

  const meta = readMeta(doc);
  const jsonLd = Array.from(
    doc.querySelectorAll('script[type="application/ld+json" i]'),
    (script) => script.textContent ?? '',
  );
  const timeHints = readTimes(scope);
  // The page-wide searches for a date cost a whole-page walk: only a page whose metadata states
  // none in ISO form runs them ("11/01/2023 12:43:42" may be either month's first day).
  const statesDate =
    PUBLISHED_META_KEYS.some((key) => meta[key]?.some((value) => ISO_DAY_RE.test(value))) ||
    jsonLd.some((text) => text.includes('datePublished'));

  const authorHints = hintTexts(scope, AUTHOR_SELECTOR, 10, true);
  const bylines = [...metaLineBylines(metaLines), ...textBylines(opening, scope)];
  // The page-wide search for a byline phrase, like the one for a date, runs only on a page that
  // names nobody anywhere else.
  const namesAuthor =
    authorHints.length > 0 ||
    bylines.length > 0 ||
    [...AUTHOR_META_KEYS, ...PROFILE_AUTHOR_META_KEYS].some((key) => key in meta) ||
    jsonLd.some((text) => text.includes('"author"'));

  return {
    pageUrl,
    baseUrl: doc.baseURI || pageUrl,
    readable,
    article,
    documentTitle: doc.title ?? '',
    headings: headings(scope, doc),
    subheadings: subheadings(scope),
    documentLang: doc.documentElement?.getAttribute('lang')?.trim() || null,
    meta,
    jsonLd,
    canonicalHref: canonical?.getAttribute('href')?.trim() || null,
    authorHints,
    tagLinks: tagLinkTexts(scope, doc),
    homeLinks: homeLinkTexts(doc, pageUrl),
    breadcrumbs: breadcrumbTexts(doc, pageUrl),
    feedTitles: feedTitles(doc),
    timeHints,
    dateTexts: [
      ...(statesDate ? [] : publishedPhrases(doc)),
      ...metaLines,
      opening,
      ...(statesDate ? [] : metaLinesAround(scope, doc)),
    ].filter(Boolean),
    textBylines: [...bylines, ...(namesAuthor ? [] : bylinePhrases(doc))].slice(0, 4),
    listingItems: readListingItems(doc, pageUrl),
    selectionText,
    content: null,
  };
}
