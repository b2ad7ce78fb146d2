/**
 * Extension side of extraction: turns the page's RawPage into the PageExtraction the popup shows
 * and the database stores. Everything coming from the page is treated as hostile here: HTML is
 * sanitised, URLs are checked, dates validated, names cleaned.
 */
import type { PageKind } from '../model/records';
import { nameFromProfileUrl, parseAuthors, pickAuthors, type AuthorSource } from './authors';
import { canonicalUrl, stripTracking } from './canonical-url';
import { dateFromUrl, datesInText, firstDate, inOffsetOf, onShownDay, parseDate } from './dates';
import { readJsonLd } from './json-ld';
import { mergeKeywords, splitKeywordList } from './keywords';
import { AUTHOR_META_KEYS, PROFILE_AUTHOR_META_KEYS, PUBLISHED_META_KEYS } from './meta-keys';
import { plainMetadata } from './plain-text';
import { pickTitle, postTitlesOfFeeds, siteNamesOfFeeds } from './title';
import { parseUrl, urlResolver } from './resolve-url';
import { collapseWhitespace, countWords, foldKey, normaliseText, sha256Hex } from './text';
import type {
  ListingItem,
  PageBody,
  PageExtraction,
  PagePreview,
  RawPage,
  SanitizedContent,
} from './types';

/** Longest excerpt kept (characters); longer ones are cut at a word boundary with "…". */
const MAX_EXCERPT = 500;
/** Listing items kept at most. */
const MAX_ITEMS = 100;

const LANG_RE = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;

function shorten(text: string, max = MAX_EXCERPT): string {
  const clean = collapseWhitespace(text);
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/u, '') + '…';
}

function firstText(...values: Array<string | null | undefined>): string | null {
  for (const value of values) {
    if (typeof value === 'string') {
      const clean = collapseWhitespace(value);
      if (clean) return clean;
    }
  }
  return null;
}

/** A UTC timestamp moved to the page's own offset, when its modified date shows one. */
function localTime(published: string | null, modified: string | null): string | null {
  if (!published || !modified) return published;
  const utcWithClock = published.endsWith('+00:00') && !published.includes('T00:00:00');
  return utcWithClock && !modified.endsWith('+00:00') ? inOffsetOf(published, modified) : published;
}

function isUrl(value: string): boolean {
  return /^(?:https?:)?\/\//i.test(value.trim());
}

function pickLang(
  raw: RawPage,
  meta: (key: string) => string[],
  jsonLdLang: string | null,
): string | null {
  const candidates = [
    raw.documentLang,
    raw.article?.lang,
    ...meta('og:locale').map((locale) => locale.replace(/_/g, '-')),
    ...meta('content-language').flatMap((value) => value.split(',')),
    ...meta('language'),
    ...meta('dc.language'),
    jsonLdLang,
  ];
  for (const candidate of candidates) {
    const value = candidate?.trim();
    if (value && LANG_RE.test(value)) return value;
  }
  return null;
}

/**
 * True when the page is an index of several pieces rather than one piece: it lists at least two
 * entries, does not call itself an article, and the entries make up a good part of its text.
 */
/** Author hints that name this many people are mostly the authors of the pieces listed beside. */
const CROWDED_HINTS = 3;

/**
 * The page's author hints and Readability's byline, in the order they are trusted: the hints
 * first, unless they name a crowd of people and the byline (the line by the title) names one of
 * them; then it is the byline's.
 */
function hintsAndByline(
  hints: readonly string[],
  byline: string | null | undefined,
  siteName: string | null,
): AuthorSource[] {
  const inHints = new Set(parseAuthors(hints, { siteName }).map(foldKey));
  const inByline = parseAuthors([byline], { siteName });
  const crowded =
    inHints.size >= CROWDED_HINTS && inByline.some((name) => inHints.has(foldKey(name)));
  return crowded
    ? [{ strings: [byline] }, { strings: hints }]
    : [{ strings: hints }, { strings: [byline] }];
}

/** What Yoast's Twitter card labels the author ("Written by" / "Verfasst von": `twitter:data1`). */
const AUTHOR_LABEL_RE =
  /^(?:written by|author|verfasst von|geschrieben von|autor(?:in)?|écrit par|auteur|escrito por|scritto da)$/i;

function labelledAuthors(meta: (key: string) => string[]): string[] {
  return [1, 2, 3, 4].flatMap((n) =>
    meta(`twitter:label${n}`).some((label) => AUTHOR_LABEL_RE.test(label.trim()))
      ? meta(`twitter:data${n}`)
      : [],
  );
}

function isListing(raw: RawPage, ogType: string | null): boolean {
  const items = raw.listingItems;
  if (items.length < 2) return false;
  // A page that says it is one article, or gives the day one piece was published, is that piece.
  if (ogType === 'article') return false;
  if (['article:published_time', 'datepublished'].some((key) => raw.meta[key]?.length))
    return false;
  const articleText = raw.article?.textLength ?? 0;
  if (!raw.readable || articleText === 0) return true;
  const itemText = items.reduce((sum, item) => sum + item.title.length + item.excerpt.length, 0);
  return items.length >= 3 && itemText * 2 >= articleText;
}

function finishItems(
  items: readonly ListingItem[],
  resolve: (value: string) => string | null,
): ListingItem[] {
  const out: ListingItem[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const absolute = resolve(item.url);
    if (!absolute || !/^https?:/i.test(absolute)) continue;
    const url = stripTracking(absolute);
    const title = collapseWhitespace(item.title);
    if (!title || seen.has(url)) continue;
    seen.add(url);
    out.push({
      title,
      url,
      publishedTime: parseDate(item.publishedTime),
      categories: mergeKeywords([item.categories]),
      excerpt: shorten(item.excerpt),
    });
    if (out.length >= MAX_ITEMS) break;
  }
  return out;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The listing's text: each item's title and excerpt as paragraphs. */
function listingText(items: readonly ListingItem[]): string {
  return normaliseText(
    items
      .flatMap((item) => [item.title, item.excerpt])
      .filter(Boolean)
      .join('\n\n'),
  );
}

/** A plain list of the items (the listing's `contentHtml`): safe by construction, all escaped. */
function listingHtml(items: readonly ListingItem[]): string {
  const rows = items.map(
    (item) =>
      `<li><a href="${escapeHtml(item.url)}">${escapeHtml(item.title)}</a>` +
      (item.excerpt ? `<p>${escapeHtml(item.excerpt)}</p>` : '') +
      '</li>',
  );
  return `<ul>${rows.join('')}</ul>`;
}

/**
 * The preview of a piece from what the page side read: canonical URL, authors, dates, language,
 * keywords, excerpt, and the page kind (`article` when Readability found a piece, `listing` for
 * an index of pieces, `bookmark` otherwise). Needs neither the article body nor a DOM, so the
 * popup can show it before the body is sanitised.
 */
export function finishPreview(page: RawPage): PagePreview {
  const raw = plainMetadata(page);
  const meta = (key: string): string[] => raw.meta[key] ?? [];
  const first = (...keys: string[]): string | null => firstText(...keys.flatMap(meta));
  const jsonLd = readJsonLd(raw.jsonLd);

  const url = canonicalUrl(raw.pageUrl, [raw.canonicalHref, ...meta('og:url')]);
  const resolve = urlResolver(raw.baseUrl || raw.pageUrl, url);
  const siteName =
    firstText(...meta('og:site_name'), raw.article?.siteName, jsonLd.publisherName) ??
    first('application-name', 'twitter:site:name');
  const ogType = first('og:type')?.toLowerCase() ?? null;

  const pageKind: PageKind = isListing(raw, ogType)
    ? 'listing'
    : raw.readable
      ? 'article'
      : 'bookmark';
  const article = pageKind === 'article' ? raw.article : null;

  const metaTitles = [...meta('og:title'), ...meta('twitter:title'), jsonLd.headline];
  const title =
    (pageKind === 'listing'
      ? firstText(...metaTitles, raw.documentTitle, siteName)
      : pickTitle({
          documentTitle: firstText(raw.documentTitle),
          metaTitles: [...postTitlesOfFeeds(raw.feedTitles), ...metaTitles].map((value) =>
            firstText(value),
          ),
          headings: raw.headings.map(collapseWhitespace).filter(Boolean),
          headingAlone: article !== null,
          subheadings: raw.subheadings.map(collapseWhitespace).filter(Boolean),
          readabilityTitle: firstText(raw.article?.title),
          siteNames: [
            siteName,
            jsonLd.publisherName,
            ...meta('application-name'),
            ...meta('apple-mobile-web-app-title'),
            ...meta('twitter:site'),
            ...raw.homeLinks,
            ...siteNamesOfFeeds(raw.feedTitles),
          ],
          host: parseUrl(url)?.hostname || null,
        })) ?? url;

  const description =
    first('og:description', 'description', 'twitter:description') ?? jsonLd.description;

  let authors: string[] = [];
  if (pageKind !== 'listing') {
    const articleAuthors = PROFILE_AUTHOR_META_KEYS.flatMap(meta);
    const sources: AuthorSource[] = [
      { strings: jsonLd.authorNames, structured: true },
      { strings: jsonLd.authorStrings },
      {
        strings: [...AUTHOR_META_KEYS.flatMap(meta), ...labelledAuthors(meta)],
      },
      { strings: articleAuthors.filter((value) => !isUrl(value)) },
      ...hintsAndByline(raw.authorHints, raw.article?.byline, siteName),
      { strings: articleAuthors.filter(isUrl).map(nameFromProfileUrl) },
      { strings: raw.textBylines },
    ];
    authors = pickAuthors(sources, siteName);
  }

  const lang = pickLang(raw, meta, jsonLd.inLanguage);
  const modifiedTime =
    pageKind === 'listing'
      ? null
      : firstDate([
          ...meta('article:modified_time'),
          ...meta('og:updated_time'),
          ...jsonLd.dateModified,
          ...meta('datemodified'),
          ...meta('dcterms.modified'),
          ...meta('last-modified'),
          ...raw.timeHints.filter((hint) => hint.role === 'modified').map((hint) => hint.value),
        ]);
  const datesShown = raw.dateTexts.flatMap((text) => datesInText(text, lang));
  // Structured dates first: they name their role (published, not modified). Then the page's own
  // <time> elements, the date in the URL (a CMS writes the day of publication there), and last a
  // date written in words near the title, which may be any date the text mentions.
  const publishedUtcOrLocal =
    pageKind === 'listing'
      ? null
      : firstDate([
          // JSON-LD's datePublished right after article:published_time, before the others.
          ...meta(PUBLISHED_META_KEYS[0]!),
          ...jsonLd.datePublished,
          ...PUBLISHED_META_KEYS.slice(1).flatMap(meta),
          ...raw.timeHints.filter((hint) => hint.role === 'published').map((hint) => hint.value),
          raw.article?.publishedTime,
          ...raw.timeHints.filter((hint) => hint.role === null).map((hint) => hint.value),
          dateFromUrl(url),
          ...datesShown,
        ]);

  const inOwnOffset = localTime(publishedUtcOrLocal, modifiedTime);
  const publishedTime = inOwnOffset && onShownDay(inOwnOffset, datesShown);

  const pageKeywords = [...meta('keywords'), ...meta('news_keywords')].flatMap(splitKeywordList);
  const keywords =
    pageKind === 'listing'
      ? mergeKeywords([meta('article:tag'), pageKeywords])
      : mergeKeywords([
          meta('article:tag'),
          pageKeywords,
          jsonLd.keywords,
          raw.tagLinks,
          meta('article:section'),
          raw.breadcrumbs,
          jsonLd.sections,
        ]);

  let excerpt = '';
  let items: ListingItem[] | undefined;
  if (pageKind === 'article') {
    excerpt = shorten(firstText(article?.excerpt, description) ?? '');
  } else if (pageKind === 'listing') {
    items = finishItems(raw.listingItems, resolve);
    excerpt = shorten(description ?? '');
  } else {
    excerpt = shorten(description ?? '');
  }

  const selectionText = normaliseText(raw.selectionText);
  return {
    pageKind,
    url,
    pageUrl: raw.pageUrl,
    title,
    authors,
    siteName,
    publishedTime,
    modifiedTime,
    lang,
    keywords,
    excerpt,
    ...(items ? { items } : {}),
    ...(selectionText ? { selectionText } : {}),
  };
}

/**
 * The stored copy of a piece: an article's sanitised body (from `sanitizePageContent`), a
 * listing's items as a list, or a bookmark's selected text; with word count and SHA-256.
 */
export async function finishBody(
  preview: PagePreview,
  content: SanitizedContent | null,
): Promise<PageBody> {
  let contentHtml = '';
  let textContent = '';
  if (preview.pageKind === 'article') {
    if (!content) throw new Error('finishBody needs the sanitised content (sanitizePageContent)');
    ({ html: contentHtml, text: textContent } = content);
  } else if (preview.pageKind === 'listing') {
    contentHtml = listingHtml(preview.items ?? []);
    textContent = listingText(preview.items ?? []);
  } else {
    textContent = preview.selectionText ?? '';
  }
  return {
    contentHtml,
    textContent,
    wordCount: countWords(textContent),
    contentHash: await sha256Hex(textContent),
  };
}

/** The whole extraction, preview and body, from a RawPage whose content was sanitised. */
export async function finishExtraction(raw: RawPage): Promise<PageExtraction> {
  const preview = finishPreview(raw);
  return { ...preview, ...(await finishBody(preview, raw.content)) };
}
