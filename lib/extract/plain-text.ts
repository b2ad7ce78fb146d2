/**
 * Metadata is text: a `<title>`, a meta tag, a JSON-LD string or a byline that holds markup
 * (`<b onmouseover=…>Crimea</b>`) is reduced to the text a reader would see before it becomes a
 * title, an author or a theme. Only what parses as a tag is dropped: "a < b" and "<3" stay.
 */
import type { ListingItem, RawPage } from './types';

/** A start or end tag (`<b …>`, `</b>`, `<br/>`), a comment, or a CDATA section. */
const MARKUP_RE = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/gi;

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** Character references as JSON-LD authors write them into strings (`&amp;`, `&#8217;`, `&#x2019;`). */
export function decodeReferences(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]+));/gi, (whole, dec, hex, name) => {
    const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : undefined;
    if (code !== undefined)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    return NAMED[(name as string).toLowerCase()] ?? whole;
  });
}

/** `value` without markup; with `decode`, character references are read first (raw JSON text). */
export function plainText(value: string, decode = false): string {
  let text = decode ? decodeReferences(value) : value;
  // Twice, so that markup spelled with references ("&lt;b&gt;") and markup left by a first pass
  // ("<<b>b>") go too.
  for (let i = 0; i < 2; i++) {
    // A line break separates words; any other tag sits inside or between words ("<b>Kyiv</b>").
    const next = text.replace(MARKUP_RE, (tag) => (/^<br\b/i.test(tag) ? ' ' : ''));
    if (next === text) break;
    text = next;
  }
  return text;
}

function plainItem(item: ListingItem): ListingItem {
  return {
    ...item,
    title: plainText(item.title),
    excerpt: plainText(item.excerpt),
    categories: item.categories.map((c) => plainText(c)),
  };
}

/** Every text field of a RawPage that becomes metadata, without markup (the body is apart). */
export function plainMetadata(raw: RawPage): RawPage {
  const plain = (value: string) => plainText(value);
  const maybe = (value: string | null) => (value === null ? null : plainText(value));
  return {
    ...raw,
    article: raw.article && {
      ...raw.article,
      title: maybe(raw.article.title),
      byline: maybe(raw.article.byline),
      excerpt: maybe(raw.article.excerpt),
      siteName: maybe(raw.article.siteName),
    },
    documentTitle: plain(raw.documentTitle),
    headings: raw.headings.map(plain),
    meta: Object.fromEntries(
      Object.entries(raw.meta).map(([key, values]) => [key, values.map(plain)]),
    ),
    authorHints: raw.authorHints.map(plain),
    textBylines: raw.textBylines.map(plain),
    tagLinks: raw.tagLinks.map(plain),
    homeLinks: raw.homeLinks.map(plain),
    listingItems: raw.listingItems.map(plainItem),
  };
}
