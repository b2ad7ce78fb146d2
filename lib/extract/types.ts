/**
 * What the page side harvests from a live document: plain JSON. Only `content` is sanitised
 * (by `sanitizePageContent`, in the page's DOM); everything else is still the page's word.
 */
import type { PageKind } from '../model/records';

export interface RawPage {
  /** The URL the page was read at (the tab's `location.href`, or a `file:` URL in the CLI). */
  pageUrl: string;
  /** `document.baseURI` (differs with a `<base href>`): Readability's links are absolute to it. */
  baseUrl: string;
  /** True when Readability found an article body worth keeping. */
  readable: boolean;
  /** Readability's output; `content` is untrusted page HTML: use the sanitised `content` below. */
  article: {
    title: string | null;
    byline: string | null;
    content: string | null;
    /** Length of the article's text (trimmed), without shipping the text itself. */
    textLength: number;
    excerpt: string | null;
    siteName: string | null;
    lang: string | null;
    publishedTime: string | null;
  } | null;
  documentTitle: string;
  /** Texts of the `<h1>` elements of the article, then of the page (at most five). */
  headings: string[];
  /** `<h2>` texts of the piece's element: its title where the page gives `<h1>` to the site. */
  subheadings: string[];
  documentLang: string | null;
  /** `<meta>` values keyed by lower-cased `name`/`property`/`itemprop`, in document order. */
  meta: Record<string, string[]>;
  /** Raw text of each `<script type="application/ld+json">`. */
  jsonLd: string[];
  /** `<link rel=canonical>` href as written (unresolved). */
  canonicalHref: string | null;
  /** Text of `rel=author` links and byline/author elements near the article. */
  authorHints: string[];
  /** Bylines written as text near the heading or at the end of the piece ("von Klaus Stanjek"). */
  textBylines: string[];
  /** Text of `rel=tag` / category links of the article. */
  tagLinks: string[];
  /** Text of headings and banner links that lead to the site's home page: the site's name. */
  homeLinks: string[];
  /** Sections the page's breadcrumb trail links to (not its home page, not the page itself). */
  breadcrumbs: string[];
  /** Titles of the page's RSS and Atom links ("Site » Feed"): they name the site. */
  feedTitles: string[];
  /** `<time>` / `itemprop=datePublished|dateModified` values near the article, as written. */
  timeHints: TimeHint[];
  /**
   * Short texts that may spell the piece's date in words: elements whose class says date, time,
   * meta or byline, then the opening text of the heading's region. Unparsed.
   */
  dateTexts: string[];
  /** Items of a listing page (empty for an article). */
  listingItems: ListingItem[];
  /** The user's selection when the clip was made (plain text, may be empty). */
  selectionText: string;
  /** The article body sanitised with DOMPurify; null until `sanitizePageContent` ran, or none. */
  content: SanitizedContent | null;
}

export interface SanitizedContent {
  html: string;
  /** Plain text of the sanitised HTML: paragraphs separated by a blank line. */
  text: string;
}

export interface TimeHint {
  /** `datetime` or `content` attribute, else the element's text. */
  value: string;
  /** From the element's class / itemprop (`published`, `updated` …); null when it does not say. */
  role: 'published' | 'modified' | null;
}

/** One piece listed on an index page. */
export interface ListingItem {
  title: string;
  /** Absolute http(s) URL of the piece (tracking parameters removed once finished). */
  url: string;
  /** As written on the page in a RawPage; ISO 8601 with offset (or null) once finished. */
  publishedTime: string | null;
  /** The entry's category/tag link texts. */
  categories: string[];
  /** The entry's summary, whitespace-collapsed (at most 500 characters once finished). */
  excerpt: string;
}

/** The part of an extraction derived from the stored copy (the rest is the preview). */
export type PageBodyField = 'contentHtml' | 'textContent' | 'wordCount' | 'contentHash';

/** What the popup can show before the body is sanitised: all but the body fields. */
export type PagePreview = Omit<PageExtraction, PageBodyField>;

export type PageBody = Pick<PageExtraction, PageBodyField>;

/** The result of `extractPage`: everything the popup previews and the database stores. */
export interface PageExtraction {
  pageKind: PageKind;
  /** Canonical URL (tracking parameters removed; canonical link used only on the page's own site). */
  url: string;
  /** The URL the page was read at, as given. */
  pageUrl: string;
  title: string;
  /** Display names of people (or one organisation when no person is named), in byline order. */
  authors: string[];
  siteName: string | null;
  /** ISO 8601 with seconds and offset (`2015-11-09T10:30:00+00:00`), or null; never invalid. */
  publishedTime: string | null;
  modifiedTime: string | null;
  /** Language tag as the page writes it (`en-GB`, `fr`), or null. */
  lang: string | null;
  /** Theme suggestions: article:tag, meta keywords, JSON-LD keywords, tag links; de-duplicated. */
  keywords: string[];
  excerpt: string;
  /** Sanitised with DOMPurify; empty for a bookmark-style piece. */
  contentHtml: string;
  /** Plain text of `contentHtml`, paragraphs separated by a blank line; a bookmark's selection. */
  textContent: string;
  wordCount: number;
  /** SHA-256 (hex) of `textContent`. */
  contentHash: string;
  /** Listing pages only: the pieces listed. */
  items?: ListingItem[];
  selectionText?: string;
}
