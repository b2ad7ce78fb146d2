/**
 * Theme suggestions for a piece: the page's own tags and keywords, merged without duplicates.
 */
import { collapseWhitespace, uniqueFolded } from './text';

/** Longest keyword kept; longer "keywords" are sentences or SEO stuffing. */
const MAX_KEYWORD_LENGTH = 60;
/** At most this many suggestions. */
const MAX_KEYWORDS = 60;

/** Splits a `meta[name=keywords]`-style list on commas (and semicolons), trimming each item. */
export function splitKeywordList(value: string): string[] {
  return value
    .split(/[,;，、]/)
    .map((item) => collapseWhitespace(item))
    .filter(Boolean);
}

function acceptable(keyword: string): boolean {
  if (keyword === '' || keyword.length > MAX_KEYWORD_LENGTH) return false;
  if (!/[\p{L}\p{N}]/u.test(keyword)) return false;
  return !/^(?:https?:|www\.)/i.test(keyword);
}

/**
 * Merges keyword groups in priority order (article:tag, meta keywords, JSON-LD keywords, tag
 * links): trimmed, whitespace-collapsed, de-duplicated case- and accent-insensitively keeping the
 * first spelling, junk (URLs, over-long strings, punctuation only) dropped.
 */
export function mergeKeywords(
  groups: ReadonlyArray<ReadonlyArray<string | null | undefined>>,
): string[] {
  const all: string[] = [];
  for (const group of groups) {
    for (const item of group) {
      if (typeof item !== 'string') continue;
      const keyword = collapseWhitespace(item).replace(/^#/, '');
      if (acceptable(keyword)) all.push(keyword);
    }
  }
  return uniqueFolded(all).slice(0, MAX_KEYWORDS);
}
