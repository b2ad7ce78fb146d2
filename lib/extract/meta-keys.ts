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
