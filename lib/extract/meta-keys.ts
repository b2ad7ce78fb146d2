/**
 * Meta tags that give a piece's publication date, in the order they are trusted. Shared by the
 * page side (whether the page states a date at all) and the extension side (which date it is).
 */
export const PUBLISHED_META_KEYS = [
  'article:published_time',
  'datepublished',
  'dc.date',
  'dcterms.created',
  'dc.date.issued',
  'date',
  'pubdate',
  'publishdate',
  'sailthru.date',
  'parsely-pub-date',
];

/** Meta tags that name a piece's author by a name or a profile URL (read apart from the others). */
export const PROFILE_AUTHOR_META_KEYS = ['article:author', 'og:article:author'];

/**
 * Meta tags that name a piece's author as text, in the order they are trusted. Shared like the keys above: the page side searches the
 * page for a byline only when none of them is there.
 */
export const AUTHOR_META_KEYS = [
  'author',
  'dc.creator',
  'dcterms.creator',
  'sailthru.author',
  'parsely-author',
];
