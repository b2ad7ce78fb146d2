/** What the page side harvests from a live document: plain JSON, nothing sanitised yet. */
export interface RawPage {
  pageUrl: string;
  /** True when Readability found an article body worth keeping. */
  readable: boolean;
  /** Readability's output; `content` is untrusted page HTML until `finishExtraction` sanitises it. */
  article: {
    title: string | null;
    byline: string | null;
    content: string | null;
    textContent: string | null;
    excerpt: string | null;
    siteName: string | null;
    lang: string | null;
    publishedTime: string | null;
  } | null;
  documentTitle: string;
  documentLang: string | null;
  /** `<meta>` values keyed by lower-cased `name`/`property`/`itemprop`, in document order. */
  meta: Record<string, string[]>;
  /** Raw text of each `<script type="application/ld+json">`. */
  jsonLd: string[];
  /** `<link rel=canonical>` href as written (unresolved). */
  canonicalHref: string | null;
  /** Text of `rel=author` links and byline/author elements near the article. */
  authorHints: string[];
  /** Text of `rel=tag` / category links of the article. */
  tagLinks: string[];
  /** Items of a listing page (empty for an article). */
  listingItems: ListingItem[];
  /** The user's selection when the clip was made (plain text, may be empty). */
  selectionText: string;
}

export interface ListingItem {
  title: string;
  url: string;
  publishedTime: string | null;
  categories: string[];
  excerpt: string;
}

export type PageKind = 'article' | 'listing' | 'bookmark';

/** The result of `extractPage`: everything the popup previews and the database stores. */
export interface PageExtraction {
  pageKind: PageKind;
  /** Canonical URL (tracking parameters removed; canonical link used only on the page's own site). */
  url: string;
  pageUrl: string;
  title: string;
  authors: string[];
  siteName: string | null;
  publishedTime: string | null;
  modifiedTime: string | null;
  lang: string | null;
  keywords: string[];
  excerpt: string;
  /** Sanitised with DOMPurify; empty for a bookmark-style piece. */
  contentHtml: string;
  textContent: string;
  wordCount: number;
  /** SHA-256 (hex) of `textContent`. */
  contentHash: string;
  /** Listing pages only: the pieces listed. */
  items?: ListingItem[];
  selectionText?: string;
}
