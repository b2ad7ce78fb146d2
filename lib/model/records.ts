/**
 * The record types of the collection's tables: a leaf that imports nothing, so storage, search,
 * backup, export and the message protocol can all depend on it without depending on each other.
 */

/** What a clipped page is: one piece, a list of pieces, or a page kept without a stored copy. */
export type PageKind = 'article' | 'listing' | 'bookmark';

export type TagKind = 'author' | 'theme';

export type PersonName = { family: string; given: string } | { literal: string };

/** Light row for lists: no page text (that lives in `contents`). */
import type { StoredSelector } from './selectors';

export interface PieceRow {
  id: string;
  /** Canonical URL; one URL is one piece. */
  url: string;
  /** The address the piece was clipped from (may carry the tracking parameters `url` drops). */
  pageUrl: string;
  pageKind: PageKind;
  title: string;
  siteName: string | null;
  authorIds: string[];
  themeIds: string[];
  publishedTime: string | null;
  modifiedTime: string | null;
  lang: string | null;
  excerpt: string;
  wordCount: number;
  contentHash: string;
  note: string;
  /** When the stored copy was taken (ISO 8601). */
  capturedAt: string;
  createdAt: string;
  updatedAt: string;
}

/** The stored copy of a piece, one per piece, kept out of list queries. */
export interface ContentRow {
  pieceId: string;
  /** Sanitised HTML (DOMPurify) of the article body. */
  contentHtml: string;
  textContent: string;
  updatedAt: string;
}

export interface PassageRow {
  id: string;
  pieceId: string;
  /** W3C Web Annotation selectors (ours: TextQuoteSelector, TextPositionSelector, RangeSelector). */
  selectors: StoredSelector[];
  /** The exact quoted text, kept apart from the selectors for lists and search. */
  quote: string;
  /** `#:~:text=` fragment generated on the live page, for links that scroll to the passage. */
  textFragment: string | null;
  note: string;
  authorIds: string[];
  themeIds: string[];
  createdAt: string;
  updatedAt: string;
}

export interface TagRow {
  id: string;
  kind: TagKind;
  /** Display name. */
  name: string;
  /** `tagKey(name)`: unique per kind. */
  key: string;
  /** Other spellings (display form); their keys are in `aliasKeys`. */
  aliases: string[];
  aliasKeys: string[];
  /** CSS colour for highlights of this theme; null = default palette. */
  color: string | null;
  /** Authors only: the name parsed for citations. */
  personName: PersonName | null;
  createdAt: string;
  updatedAt: string;
}

export interface SettingRow {
  key: string;
  value: unknown;
  updatedAt: string;
}
